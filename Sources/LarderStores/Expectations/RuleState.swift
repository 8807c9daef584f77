import Foundation
import LarderCore
import LarderFormats

/// What one rule has found so far: the offending rows counted, the first few kept, and what
/// the rule needs to remember between batches.
struct RuleState {
    let rule: ExpectationSuite.Rule
    private(set) var failing = 0
    private(set) var examples: [(row: Int, value: String)] = []
    private var nulls = 0
    private let bounds: ClosedRange<Double>
    private let allowed: AllowedValues
    private let pattern: NSRegularExpression?
    private var patternResults: [ArraySlice<UInt8>: Bool] = [:]
    private var seen = SeenValues()

    init(rule: ExpectationSuite.Rule) {
        self.rule = rule
        if case .between(let min, let max) = rule.expectation.check, min <= max {
            bounds = min...max
        } else {
            bounds = 0...0
        }
        if case .inSet(let values) = rule.expectation.check {
            allowed = AllowedValues(values)
        } else {
            allowed = AllowedValues([])
        }
        if case .matches(let text) = rule.expectation.check {
            pattern = try? NSRegularExpression(pattern: text)
        } else {
            pattern = nil
        }
    }

    private mutating func fail(_ row: Int, _ value: @autoclosure () -> String) {
        failing += 1
        if examples.count < ExpectationChecker.exampleLimit { examples.append((row, value())) }
    }

    /// Checks a column's rows.
    mutating func check(_ column: CheckedColumn, firstRow: Int) {
        switch rule.expectation.check {
        case .notNull, .maxNullFraction: checkNulls(column, firstRow: firstRow)
        case .between: checkBounds(column, firstRow: firstRow)
        case .inSet: checkMembership(column, firstRow: firstRow)
        case .matches: checkPattern(column, firstRow: firstRow)
        case .unique: checkUnique(column, firstRow: firstRow)
        case .rowCount: break
        }
    }

    private mutating func checkNulls(_ column: CheckedColumn, firstRow: Int) {
        if case .column(let file) = column {
            // A file column's nulls are its validity's false slots.
            guard let validity = file.validity else { return }
            for row in validity.indices where !validity[row] { countNull(firstRow + row) }
            return
        }
        for row in 0..<column.count where column.isNull(at: row) { countNull(firstRow + row) }
    }

    private mutating func countNull(_ row: Int) {
        nulls += 1
        if case .notNull = rule.expectation.check {
            fail(row, "null")
        } else if examples.count < ExpectationChecker.exampleLimit {
            examples.append((row, "null"))
        }
    }

    private mutating func checkBounds(_ column: CheckedColumn, firstRow: Int) {
        let bounds = bounds
        func scan<Number: BinaryInteger>(_ values: [Number]) {
            for row in values.indices where !bounds.contains(Double(values[row])) && !column.isNull(at: row) {
                fail(firstRow + row, "\(values[row])")
            }
        }
        func scan<Number: BinaryFloatingPoint>(_ values: [Number]) {
            for row in values.indices where !bounds.contains(Double(values[row])) && !column.isNull(at: row) {
                fail(firstRow + row, "\(values[row])")
            }
        }
        switch column.plainNumbers {
        case .int32(let values)?: scan(values)
        case .int64(let values)?: scan(values)
        case .float32(let values)?: scan(values)
        case .float64(let values)?: scan(values)
        default:
            for row in 0..<column.count where !column.isNull(at: row) {
                let value = column.value(at: row)
                if let number = value.doubleValue, bounds.contains(number) { continue }
                fail(firstRow + row, value.literalText)
            }
        }
    }

    private mutating func checkMembership(_ column: CheckedColumn, firstRow: Int) {
        if let strings = column.strings {
            for row in 0..<strings.count where !allowed.bytes.contains(strings[row]) && !column.isNull(at: row) {
                fail(firstRow + row, "\"\(strings.string(at: row))\"")
            }
            return
        }
        for row in 0..<column.count where !column.isNull(at: row) {
            let value = column.value(at: row)
            if !allowed.contains(value) { fail(firstRow + row, value.literalText) }
        }
    }

    private mutating func checkPattern(_ column: CheckedColumn, firstRow: Int) {
        if let strings = column.strings {
            for row in 0..<strings.count where !column.isNull(at: row) {
                if !matches(strings[row]) { fail(firstRow + row, "\"\(strings.string(at: row))\"") }
            }
            return
        }
        for row in 0..<column.count where !column.isNull(at: row) {
            let value = column.value(at: row)
            if case .string(let text) = value, matches(ArraySlice(text.utf8)) { continue }
            fail(firstRow + row, value.literalText)
        }
    }

    /// Whether UTF-8 text matches the pattern, remembered for the first 65,536 distinct values
    /// (a column of categories or codes repeats few).
    private mutating func matches(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let pattern else { return true }
        if let known = patternResults[bytes] { return known }
        let text = String(decoding: bytes, as: UTF8.self)
        let matched = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        // A copy, so the key does not keep the whole batch's bytes alive.
        if patternResults.count < 65_536 { patternResults[ArraySlice(Array(bytes))] = matched }
        return matched
    }

    private mutating func checkUnique(_ column: CheckedColumn, firstRow: Int) {
        switch column.plainNumbers {
        case .int64(let values)?:
            for row in values.indices where !column.isNull(at: row) && !seen.integers.insert(values[row]).inserted {
                fail(firstRow + row, "\(values[row]) again")
            }
            return
        case .int32(let values)?:
            for row in values.indices
            where !column.isNull(at: row) && !seen.integers.insert(Int64(values[row])).inserted {
                fail(firstRow + row, "\(values[row]) again")
            }
            return
        default: break
        }
        if let strings = column.strings {
            for row in 0..<strings.count where !column.isNull(at: row) {
                let text = strings.string(at: row)
                if !seen.strings.insert(text).inserted { fail(firstRow + row, "\"\(text)\" again") }
            }
            return
        }
        for row in 0..<column.count where !column.isNull(at: row) {
            let value = column.value(at: row)
            if !seen.values.insert(value).inserted { fail(firstRow + row, "\(value.literalText) again") }
        }
    }

    /// Checks that no two rows share their join keys and event time.
    mutating func checkUniqueKeys(_ keys: [CheckedColumn], rowCount: Int, firstRow: Int) {
        if keys.count == 2, case .int64(let first)? = keys[0].rawIntegers, case .int64(let time)? = keys[1].rawIntegers
        {
            for row in 0..<rowCount where !seen.pairs.insert(IntegerPair(first: first[row], second: time[row])).inserted
            {
                fail(firstRow + row, "\(keys.map { $0.value(at: row).literalText }.joined(separator: ", ")) again")
            }
            return
        }
        for row in 0..<rowCount {
            let key = keys.map { $0.value(at: row) }
            if !seen.tuples.insert(key).inserted {
                fail(firstRow + row, "\(key.map(\.literalText).joined(separator: ", ")) again")
            }
        }
    }

    /// What failed once every row was checked, or `nil` when the rule holds.
    func finding(rows: Int, countsRows: Bool) -> String? {
        switch rule.expectation.check {
        case .maxNullFraction(let limit):
            let fraction = rows == 0 ? 0 : Double(nulls) / Double(rows)
            guard fraction > limit else { return nil }
            return "null fraction \(Self.format(fraction)) (\(nulls) of \(rows) rows) is above \(Self.format(limit))"
        case .rowCount(let min, let max):
            guard countsRows else { return nil }
            if let min, rows < min { return "\(rows) rows, fewer than \(min)" }
            if let max, rows > max { return "\(rows) rows, more than \(max)" }
            return nil
        default:
            return failing > 0 ? "" : nil
        }
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.4g", value)
    }
}

/// The allowed values of an `in_set` rule, ready to compare with each kind of column.
private struct AllowedValues {
    let bytes: Set<ArraySlice<UInt8>>
    let values: Set<Value>

    init(_ expected: [ExpectedValue]) {
        bytes = Set(
            expected.compactMap {
                if case .string(let text) = $0 { return ArraySlice(Array(text.utf8)) }
                return nil
            })
        values = Set(expected.map(\.value))
    }

    func contains(_ value: Value) -> Bool {
        if let integer = value.int64Value { return values.contains(.int64(integer)) }
        return values.contains(value)
    }
}

/// Two integers: a join key and an event time.
private struct IntegerPair: Hashable {
    var first: Int64
    var second: Int64
}

/// The values a `unique` rule has seen, in the set that suits their type.
private struct SeenValues {
    var integers = Set<Int64>()
    var strings = Set<String>()
    var values = Set<Value>()
    var pairs = Set<IntegerPair>()
    var tuples = Set<[Value]>()
}

extension CheckedColumn {
    /// The 64-bit storage of a file column of integers or timestamps without nulls, or `nil`.
    fileprivate var rawIntegers: ColumnStorage? {
        guard case .column(let column) = self, column.validity == nil, case .int64 = column.storage else { return nil }
        switch column.type.valueType {
        case .int64?, .timestamp?: return column.storage
        default: return nil
        }
    }
}
