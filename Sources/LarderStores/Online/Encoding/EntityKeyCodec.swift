package import LarderCore

/// The byte encoding of an entity key: the LMDB key of a row in a view's database, and the
/// entity part of a Redis key.
///
/// A format byte (1), then each join key in declared order, typed by the schema:
/// `int64` and `timestamp` as 8 bytes and `int32` as 4 bytes, big-endian with the sign bit
/// flipped (so keys sort numerically); `bool` as one byte 0 or 1; `string` (UTF-8) and
/// `bytes` as a LEB128 length followed by the bytes. The lengths make a key of several parts
/// unambiguous; the schema fixes each part's type, so no type tags are stored.
/// `docs/online-store.md` describes it byte for byte.
package enum EntityKeyCodec {
    /// The first byte of every key.
    package static let formatVersion: UInt8 = 1

    /// Appends the key of one entity row.
    /// - Parameters:
    ///   - columns: the view's join keys.
    ///   - view: the view name, for error messages.
    ///   - count: how many key values the row has.
    ///   - buffer: receives the key bytes.
    ///   - value: the row's value for join key `i`.
    /// - Throws: ``OnlineStoreError`` of kind `.invalidEntityKey` naming the join key when a
    ///   value is missing, null or of the wrong type.
    @inline(__always)
    package static func appendKey(
        columns: [OnlineColumn], view: String, count: Int, to buffer: inout [UInt8], value: (Int) -> Value
    ) throws {
        guard count == columns.count else {
            let names = columns.map { "'\($0.name)'" }.joined(separator: ", ")
            throw OnlineStoreError(
                .invalidEntityKey,
                "feature view '\(view)' has join keys \(names) (\(columns.count)); an entity key gave \(count) values")
        }
        buffer.append(formatVersion)
        for index in columns.indices {
            try append(value(index), as: columns[index], view: view, to: &buffer)
        }
    }

    /// Appends one join key value, converting an integer of the other width when it fits.
    @inline(__always)
    private static func append(_ value: Value, as column: OnlineColumn, view: String, to buffer: inout [UInt8]) throws {
        switch (column.type, value) {
        case (.int64, .int64(let number)): buffer.appendOrderPreserving(number)
        case (.int64, .int32(let number)): buffer.appendOrderPreserving(Int64(number))
        case (.int32, .int32(let number)): buffer.appendOrderPreserving(number)
        case (.int32, .int64(let number)) where Int32(exactly: number) != nil:
            buffer.appendOrderPreserving(Int32(number))
        case (.string, .string(let text)): buffer.appendLengthPrefixed(text)
        case (.bytes, .bytes(let bytes)): buffer.appendLengthPrefixed(bytes)
        case (.bool, .bool(let flag)): buffer.append(flag ? 1 : 0)
        case (.timestamp, .timestamp(let instant)): buffer.appendOrderPreserving(instant.nanosecondsSinceEpoch)
        case (_, .null):
            throw OnlineStoreError(.invalidEntityKey, "entity key '\(column.name)' of feature view '\(view)' is null")
        default:
            throw OnlineStoreError(
                .invalidEntityKey,
                "entity key '\(column.name)' of feature view '\(view)' must be \(column.type); got \(value.briefDescription)"
            )
        }
    }
}
