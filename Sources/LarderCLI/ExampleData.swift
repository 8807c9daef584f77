import Foundation
import LarderCore

/// Small, deterministic example data for a new repository: 30 days of raw card payments of
/// 200 users at 50 merchants up to `end`, and the merchants' profiles, in the columns the
/// example definitions read. Ending today keeps recent payments inside the aggregation
/// windows, so online lookups of a new repository find non-empty statistics.
/// (`tools/generate_fraud_data.py` writes the larger data set with a fraud pattern, labels
/// and held-out payments that the demo uses.)
struct ExampleData {
    /// The random seed: the same seed and end write the same files.
    var seed: UInt64
    /// The last day's midnight (UTC), in seconds since 1970; defaults to today's.
    var end: Int = ExampleData.todayMidnight()

    /// The merchant categories, assigned round-robin.
    static let categories = ["grocery", "electronics", "travel", "restaurants", "fuel", "online"]
    /// The days of payments written, up to `end`.
    static let days = 30

    /// Today's midnight, UTC, in seconds since 1970.
    static func todayMidnight() -> Int {
        let now = Int(Date().timeIntervalSince1970)
        return now - now % 86_400
    }

    /// Writes `payments.csv` and `merchant_profiles.csv` into `directory`.
    func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var random = SeededGenerator(seed: seed)
        let formatter = ISO8601DateFormatter()
        func iso(_ seconds: Int) -> String {
            formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        let start = end - Self.days * 86_400
        var profiles = "merchant_id,event_timestamp,category,onboarded_at\n"
        var onboarded: [Int] = []
        for merchant in 1...50 {
            // Most shops are years old; a few open during the month (never shop 1, which takes the
            // payments drawn for a shop not yet open).
            let opened =
                merchant > 1 && random.unit() < 0.1
                ? start + Int(random.unit() * Double(Self.days - 1) * 86_400)
                : start - Int((30 + random.unit() * 1_000) * 86_400)
            onboarded.append(opened)
            let category = Self.categories[merchant % Self.categories.count]
            profiles += "\(merchant),\(iso(opened)),\(category),\(iso(opened))\n"
        }
        var events: [(time: Int, line: String)] = []
        for user in 1...200 {
            let typical = 10 + random.unit() * 90
            let perDay = 0.3 + random.unit() * 2
            for _ in 0..<Int(perDay * Double(Self.days)) {
                let time = start + Int(random.unit() * Double(Self.days * 86_400))
                var merchant = 1 + Int(random.unit() * 50)
                if onboarded[merchant - 1] > time { merchant = 1 }
                let amount = String(format: "%.2f", typical * (0.3 + random.unit() * 1.4))
                let fraud = random.unit() < 0.015 ? 1 : 0
                let category = Self.categories[merchant % Self.categories.count]
                events.append((time, "\(user),\(merchant),\(amount),\(category),\(iso(time)),\(fraud)"))
            }
        }
        events.sort { ($0.time, $0.line) < ($1.time, $1.line) }
        var payments = "transaction_id,user_id,merchant_id,amount,merchant_category,event_timestamp,is_fraud\n"
        for (index, event) in events.enumerated() {
            payments += "\(index + 1),\(event.line)\n"
        }
        try payments.write(to: directory.appendingPathComponent("payments.csv"), atomically: true, encoding: .utf8)
        try profiles.write(
            to: directory.appendingPathComponent("merchant_profiles.csv"), atomically: true, encoding: .utf8)
    }
}
