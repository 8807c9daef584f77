import Foundation
import LarderCore

/// Small, deterministic example data for a new repository: daily statistics of 200 users
/// and 50 merchants over the 30 days up to `end`, in the columns the example definitions
/// declare. Ending today keeps the latest rows inside the views' TTLs, so online lookups of
/// a new repository find fresh values. (`tools/generate_fraud_data.py` writes the larger
/// data set with transactions and labels that the demo uses.)
struct ExampleData {
    /// The random seed: the same seed and end write the same files.
    var seed: UInt64
    /// The last day's midnight (UTC), in seconds since 1970; defaults to today's.
    var end: Int = ExampleData.todayMidnight()

    /// Today's midnight, UTC, in seconds since 1970.
    static func todayMidnight() -> Int {
        let now = Int(Date().timeIntervalSince1970)
        return now - now % 86_400
    }

    /// Writes `user_stats.csv` and `merchant_stats.csv` into `directory`.
    func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var random = SeededGenerator(seed: seed)
        let start = end - 29 * 86_400
        var users =
            "user_id,event_timestamp,created,avg_amount_7d,tx_count_7d,fraud_count_30d,std_amount_30d,days_since_first_tx\n"
        for user in 1...200 {
            let typical = 10 + random.unit() * 90
            let age = Int(random.unit() * 900)
            for day in 0..<30 where random.unit() < 0.7 {
                let event = start + day * 86_400 - Int(random.unit() * 3_600)
                let amount = typical * (0.5 + random.unit())
                let fraud = random.unit() < 0.03 ? 1 : 0
                let std = random.unit() < 0.01 ? "" : String(format: "%.2f", typical * 0.3 * random.unit())
                users +=
                    "\(user),\(iso(event)),\(iso(event + 300)),\(String(format: "%.2f", amount)),\(1 + Int(random.unit() * 20)),\(fraud),\(std),\(age + day)\n"
            }
        }
        try users.write(to: directory.appendingPathComponent("user_stats.csv"), atomically: true, encoding: .utf8)
        let categories = ["grocery", "electronics", "travel", "restaurants", "fuel", "online"]
        var merchants =
            "merchant_id,event_timestamp,created,tx_count_1d,fraud_rate_30d,category,days_since_onboarding\n"
        for merchant in 1...50 {
            let category = categories[merchant % categories.count]
            let rate = random.unit() * 0.05
            let onboarded = Int(random.unit() * 1_000)
            for day in 0..<30 {
                let event = start + day * 86_400
                merchants +=
                    "\(merchant),\(iso(event)),\(iso(event + 600)),\(Int(random.unit() * 500)),\(String(format: "%.4f", rate)),\(category),\(onboarded + day)\n"
            }
        }
        try merchants.write(
            to: directory.appendingPathComponent("merchant_stats.csv"), atomically: true, encoding: .utf8)
    }

    private func iso(_ seconds: Int) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        return ISO8601DateFormatter().string(from: date)
    }
}
