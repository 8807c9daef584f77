import Foundation
import LarderCore
import LarderOnline

/// The online benchmarks' input: the `user_stats` rows written by `tools/bench/generate_data.py`.
enum OnlineBenchmarkData {
    /// The `user_stats` view as the online store sees it (the benchmark repository's definition).
    static let view = OnlineViewSchema(
        name: "user_stats",
        joinKeys: [OnlineColumn(name: "user_id", type: .int64)],
        features: [
            OnlineColumn(name: "avg_amount_7d", type: .float64), OnlineColumn(name: "tx_count_7d", type: .int64),
            OnlineColumn(name: "fraud_count_30d", type: .int64), OnlineColumn(name: "std_amount_30d", type: .float64),
            OnlineColumn(name: "days_since_first_tx", type: .int32), OnlineColumn(name: "max_amount_7d", type: .float64),
            OnlineColumn(name: "avg_score", type: .float32), OnlineColumn(name: "last_category", type: .string),
        ],
        ttl: .days(7))

    /// The CSV header `generate_data.py` writes (its names are quoted in the file).
    private static let header = ["user_id", "event_timestamp", "created"] + view.features.map(\.name)

    /// Reads `DIR/user_stats.csv` into rows for the online store.
    ///
    /// The file is the generator's own output (no commas inside fields, strings quoted,
    /// empty fields null), so this reads exactly that layout and rejects anything else.
    /// - Parameter directory: the generator's output directory.
    /// - Returns: the rows, in file order.
    /// - Throws: ``BenchmarkInputError`` naming the file and line that does not match.
    static func load(from directory: String) throws -> [OnlineRow] {
        let path = directory + "/user_stats.csv"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchmarkInputError("cannot read \(path); run tools/bench/generate_data.py \(directory) first")
        }
        return try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var rows: [OnlineRow] = []
            rows.reserveCapacity(bytes.count / 110)
            var lineNumber = 0
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                lineNumber += 1
                let fields = fieldRanges(bytes, lineStart..<lineEnd)
                if lineNumber == 1 {
                    guard fields.map({ text(bytes, $0) }) == header else {
                        throw BenchmarkInputError("\(path): the header is not \(header.joined(separator: ","))")
                    }
                } else if lineEnd > lineStart {
                    guard let row = row(bytes, fields) else { throw BenchmarkInputError("\(path):\(lineNumber): not a user_stats row") }
                    rows.append(row)
                }
                lineStart = lineEnd + 1
            }
            return rows
        }
    }

    private static func fieldRanges(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(header.count)
        var start = line.lowerBound
        for index in line where bytes[index] == UInt8(ascii: ",") {
            ranges.append(start..<index)
            start = index + 1
        }
        ranges.append(start..<line.upperBound)
        return ranges
    }

    private static func row(_ bytes: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>]) -> OnlineRow? {
        guard fields.count == header.count, case .int64(let user)? = parse(bytes, fields[0], as: .int64),
            let event = Timestamp(parsingUTF8: UnsafeBufferPointer(rebasing: bytes[fields[1]])),
            let created = Timestamp(parsingUTF8: UnsafeBufferPointer(rebasing: bytes[fields[2]]))
        else { return nil }
        var values: [Value] = []
        values.reserveCapacity(view.features.count)
        for (column, range) in zip(view.features, fields[3...]) {
            guard let value = parse(bytes, range, as: column.type) else { return nil }
            values.append(value)
        }
        return OnlineRow(key: [.int64(user)], eventTimestamp: event, createdTimestamp: created, values: values)
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var range = range
        if range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "\""), bytes[range.upperBound - 1] == UInt8(ascii: "\"") {
            range = range.lowerBound + 1..<range.upperBound - 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, as type: ValueType) -> Value? {
        if range.isEmpty { return .null }
        switch type {
        case .int64: return integer(bytes, range).map(Value.int64)
        case .int32: return integer(bytes, range).flatMap { Int32(exactly: $0) }.map(Value.int32)
        case .float64: return floatingPoint(bytes, range).map(Value.float64)
        case .float32: return floatingPoint(bytes, range).map { .float32(Float($0)) }
        case .string: return .string(text(bytes, range))
        default: return nil
        }
    }

    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        var value: Int64 = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }

    /// Parses with `strtod`, which stops at the comma that ends every numeric field.
    private static func floatingPoint(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        let start = UnsafeRawPointer(bytes.baseAddress! + range.lowerBound).assumingMemoryBound(to: CChar.self)
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(start, &end)
        let expectedEnd = UnsafeRawPointer(bytes.baseAddress! + range.upperBound)
        guard let end, UnsafeRawPointer(end) == expectedEnd else { return nil }
        return value
    }
}

/// A benchmark's input is missing or not what it expects.
struct BenchmarkInputError: Error, CustomStringConvertible {
    /// What is wrong, naming the file.
    let description: String

    /// Creates an error.
    /// - Parameter description: what is wrong, naming the file.
    init(_ description: String) { self.description = description }
}
