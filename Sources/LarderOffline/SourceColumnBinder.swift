internal import LarderCore
internal import LarderFormats
import LarderStores

/// Binds the values of one column of a source batch to one parameter of the insert, converting
/// them to the store's representation of the declared type without going through ``Value``
/// for the common layouts.
///
/// A binder holds pointers into the batch's arrays, valid only inside
/// ``withBinders(_:_:)``: it is a plain value, so binding a row neither copies nor retains
/// anything (a binder holding the arrays themselves spent about 7% of a 1M-row ingest
/// retaining and releasing them).
struct SourceColumnBinder {
    /// What one source column is bound for.
    struct Target {
        /// The batch's column.
        var column: Column
        /// The type Larder stores it as; the column's type must be accepted by it.
        var declared: ValueType
        /// The statement's parameter, from 1.
        var parameter: Int32
    }

    private enum Kind: Equatable {
        case int64, int32, uint64
        /// Timestamps in a unit: value × nanoseconds per unit.
        case scaled(by: Int64)
        /// Dates: days since the epoch.
        case days
        case float64, float32, bool, text, blob
        /// Anything else (decimals, lists): through ``Column/value(at:)`` of the column at this
        /// position of the targets.
        case generic(Int)
    }

    private let kind: Kind
    /// The values' first element (the packed bytes for text and blobs).
    private let values: UnsafeRawPointer?
    /// For text and blobs, the `count + 1` offsets into ``values``.
    private let offsets: UnsafePointer<Int>?
    /// `validity[row]` is false for a null; `nil` when the column has no nulls.
    private let validity: UnsafePointer<Bool>?
    private let declared: ValueType
    private let parameter: Int32

    /// Calls `body` with one binder per target, in order; the binders must not escape it.
    /// - Parameters:
    ///   - targets: the columns and the parameters they bind.
    ///   - body: binds rows through the binders.
    /// - Returns: what `body` returns.
    /// - Throws: whatever `body` throws.
    static func withBinders<Result>(
        _ targets: [Target], _ body: (SourceColumnBinders) throws -> Result
    ) throws -> Result {
        var binders: [SourceColumnBinder] = []
        binders.reserveCapacity(targets.count)
        return try pin(targets, from: 0, into: &binders, body)
    }

    /// Calls `body` with the binders of several batches' targets, batch by batch; the binders
    /// must not escape it.
    /// - Parameters:
    ///   - batches: per batch, the columns and the parameters they bind.
    ///   - body: binds rows through the binders.
    /// - Returns: what `body` returns.
    /// - Throws: whatever `body` throws.
    static func withBinders<Result>(
        _ batches: [[Target]], _ body: ([SourceColumnBinders]) throws -> Result
    ) throws -> Result {
        var pinned: [SourceColumnBinders] = []
        pinned.reserveCapacity(batches.count)
        func pinBatch(_ index: Int) throws -> Result {
            guard index < batches.count else { return try body(pinned) }
            return try withBinders(batches[index]) { binders in
                pinned.append(binders)
                return try pinBatch(index + 1)
            }
        }
        return try pinBatch(0)
    }

    /// Pins the arrays of `targets[index...]` one by one, so every pointer stays valid while
    /// `body` runs.
    private static func pin<Result>(
        _ targets: [Target], from index: Int, into binders: inout [SourceColumnBinder],
        _ body: (SourceColumnBinders) throws -> Result
    ) throws -> Result {
        guard index < targets.count else {
            return try binders.withUnsafeBufferPointer { binders in
                try body(SourceColumnBinders(binders: binders, columns: targets.map(\.column)))
            }
        }
        let target = targets[index]
        return try withPointer(to: target.column.validity) { validity in
            func next(_ kind: Kind, _ values: UnsafeRawPointer?, _ offsets: UnsafePointer<Int>? = nil) throws -> Result
            {
                binders.append(
                    SourceColumnBinder(
                        kind: kind, values: values, offsets: offsets,
                        validity: validity?.assumingMemoryBound(to: Bool.self),
                        declared: target.declared, parameter: target.parameter))
                return try pin(targets, from: index + 1, into: &binders, body)
            }
            switch (target.declared, target.column.type, target.column.storage) {
            case (.timestamp, .timestamp(let unit, _), .int64(let v)):
                return try withPointer(to: v) { try next(.scaled(by: unit.nanoseconds), $0) }
            case (.timestamp, .date, .int32(let v)): return try withPointer(to: v) { try next(.days, $0) }
            case (.int32, _, .int32(let v)), (.int64, _, .int32(let v)):
                return try withPointer(to: v) { try next(.int32, $0) }
            case (.int64, .int, .int64(let v)): return try withPointer(to: v) { try next(.int64, $0) }
            case (.int64, .int, .uint64(let v)): return try withPointer(to: v) { try next(.uint64, $0) }
            case (.float64, .float64, .float64(let v)): return try withPointer(to: v) { try next(.float64, $0) }
            case (.float64, .float32, .float32(let v)), (.float32, .float32, .float32(let v)):
                return try withPointer(to: v) { try next(.float32, $0) }
            case (.bool, .bool, .bool(let v)): return try withPointer(to: v) { try next(.bool, $0) }
            case (.string, .string, .binary(let v)): return try withPointer(to: v) { try next(.text, $0, $1) }
            case (.bytes, .bytes, .binary(let v)): return try withPointer(to: v) { try next(.blob, $0, $1) }
            default: return try next(.generic(index), nil)
            }
        }
    }

    private static func withPointer<Element, Result>(
        to array: [Element]?, _ body: (UnsafeRawPointer?) throws -> Result
    ) throws -> Result {
        guard let array else { return try body(nil) }
        return try array.withUnsafeBufferPointer { try body(UnsafeRawPointer($0.baseAddress)) }
    }

    private static func withPointer<Result>(
        to values: BinaryValues, _ body: (UnsafeRawPointer?, UnsafePointer<Int>?) throws -> Result
    ) throws -> Result {
        try withPointer(to: values.data) { data in
            try values.offsets.withUnsafeBufferPointer { try body(data, $0.baseAddress) }
        }
    }

    private func value<T>(_ row: Int, as type: T.Type) -> T {
        values.unsafelyUnwrapped.load(fromByteOffset: row * MemoryLayout<T>.stride, as: T.self)
    }

    /// Binds row `row` of the column.
    /// - Parameters:
    ///   - row: the row within the batch.
    ///   - statement: the insert.
    ///   - columns: the targets' columns, for the generic layouts.
    /// - Returns: `false` when the value is null (NULL is bound).
    /// - Throws: ``SQLiteError``; a message (``ValueOutOfRange``) when the value cannot be
    ///   stored in the declared type.
    fileprivate func bind(row: Int, to statement: SQLiteStatement, columns: [Column]) throws -> Bool {
        if let validity, !validity[row] {
            try statement.bindNull(at: parameter)
            return false
        }
        switch kind {
        case .int64: try statement.bind(value(row, as: Int64.self), at: parameter)
        case .int32: try statement.bind(Int64(value(row, as: Int32.self)), at: parameter)
        case .uint64:
            let unsigned = value(row, as: UInt64.self)
            guard let value = Int64(exactly: unsigned) else {
                throw ValueOutOfRange("\(unsigned) does not fit in int64")
            }
            try statement.bind(value, at: parameter)
        case .scaled(let factor):
            let (nanoseconds, overflow) = value(row, as: Int64.self).multipliedReportingOverflow(by: factor)
            guard !overflow else {
                throw ValueOutOfRange("timestamp \(value(row, as: Int64.self)) is outside the years 1677-2262")
            }
            try statement.bind(nanoseconds, at: parameter)
        case .days: try statement.bind(Int64(value(row, as: Int32.self)) * 86_400_000_000_000, at: parameter)
        case .float64: try statement.bind(value(row, as: Double.self), at: parameter)
        case .float32: try statement.bind(Double(value(row, as: Float.self)), at: parameter)
        case .bool: try statement.bind(Int64(value(row, as: Bool.self) ? 1 : 0), at: parameter)
        case .text, .blob:
            let offsets = offsets.unsafelyUnwrapped
            let start = offsets[row]
            let bytes = UnsafeRawBufferPointer(start: values.map { $0 + start }, count: offsets[row + 1] - start)
            // The binders pin the batch while its rows are inserted; the caller clears the
            // bindings before letting it go.
            try statement.bindInPlace(bytes, asText: kind == .text, at: parameter)
        case .generic(let index):
            let value = columns[index].value(at: row)
            guard try statement.bind(value, as: declared, at: parameter) else {
                if value.isNull { return false }
                throw ValueOutOfRange("\(value) cannot be stored as \(declared)")
            }
        }
        return true
    }
}

/// The binders of a batch's columns, valid inside ``SourceColumnBinder/withBinders(_:_:)``.
struct SourceColumnBinders {
    fileprivate let binders: UnsafeBufferPointer<SourceColumnBinder>
    fileprivate let columns: [Column]

    /// The number of binders, one per target.
    var count: Int { binders.count }

    /// Binds row `row` of target `index`'s column.
    /// - Parameters:
    ///   - index: the target, from 0.
    ///   - row: the row within the batch.
    ///   - statement: the statement.
    /// - Returns: `false` when the value is null (NULL is bound).
    /// - Throws: ``SQLiteError``; a message (``ValueOutOfRange``) when the value cannot be
    ///   stored in the declared type.
    func bind(_ index: Int, row: Int, to statement: SQLiteStatement) throws -> Bool {
        try binders[index].bind(row: row, to: statement, columns: columns)
    }
}

/// A source value that the declared type cannot hold.
struct ValueOutOfRange: Error {
    /// What is wrong with the value.
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
