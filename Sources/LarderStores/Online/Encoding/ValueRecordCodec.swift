package import LarderCore

/// The byte encoding of a stored row: the LMDB value under an entity key, and (after the
/// schema version) the value of a view's field in a Redis hash.
///
/// Format byte (1); flags (bit 0: a created timestamp follows); the event timestamp as a
/// little-endian Int64 of nanoseconds; the created timestamp likewise when flagged; a null
/// bitmap of one bit per feature (bit `i % 8` of byte `i / 8`, set when feature `i` is
/// null); then each non-null feature in declared order: `bool` 1 byte, `int32`/`float32`
/// 4 bytes, `int64`/`float64`/`timestamp` 8 bytes (little-endian, floats as IEEE 754 bits),
/// `string`/`bytes` a LEB128 length and the bytes, lists a LEB128 element count, an element
/// null bitmap and the non-null elements. `docs/online-store.md` describes it byte for byte.
package enum ValueRecordCodec {
    /// The first byte of every stored row.
    package static let formatVersion: UInt8 = 1
    /// The flag bit saying a created timestamp is stored.
    package static let hasCreatedTimestamp: UInt8 = 1

    /// The timestamps at the start of a stored row, which decide which row is newer.
    package struct Header {
        /// The event timestamp in nanoseconds.
        package var event: Int64
        /// The created timestamp in nanoseconds, or `nil`.
        package var created: Int64?
        /// The offset of the null bitmap.
        package var bitmapOffset: Int

        /// The newer-wins order: event timestamp, then created timestamp (absent is oldest).
        package var order: (Int64, Int64) { (event, created ?? .min) }
    }

    /// Appends a stored row.
    /// - Parameters:
    ///   - row: the row; its values are checked against the features' types.
    ///   - features: the view's features.
    ///   - view: the view name, for error messages.
    ///   - index: the row's position in the input, for error messages.
    ///   - buffer: receives the bytes.
    /// - Throws: ``OnlineStoreError`` of kind `.invalidRow` naming the view, feature and row
    ///   when a value does not fit its feature's type or the row has the wrong number of values.
    package static func appendRecord(
        _ row: StoredRow, features: [OnlineColumn], view: String, index: Int, to buffer: inout [UInt8]
    ) throws {
        guard row.features.count == features.count else {
            throw OnlineStoreError(
                .invalidRow,
                "row \(index) for feature view '\(view)' has \(row.features.count) values; the view has \(features.count) features"
            )
        }
        buffer.append(formatVersion)
        buffer.append(row.createdTimestamp == nil ? 0 : hasCreatedTimestamp)
        buffer.appendLittleEndian(row.eventTimestamp.nanosecondsSinceEpoch)
        if let created = row.createdTimestamp { buffer.appendLittleEndian(created.nanosecondsSinceEpoch) }
        let bitmapOffset = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: (features.count + 7) / 8))
        for (position, value) in row.features.enumerated() {
            if value.isNull {
                buffer[bitmapOffset + position >> 3] |= 1 << UInt8(position & 7)
                continue
            }
            let column = features[position]
            guard appendValue(value, as: column.type, to: &buffer) else {
                throw OnlineStoreError(
                    .invalidRow,
                    "feature '\(column.name)' of feature view '\(view)' must be \(column.type); row \(index) has \(value.briefDescription)"
                )
            }
        }
    }

    /// Reads the timestamps at the start of a stored row.
    /// - Parameter reader: positioned at the start of the row; left at the null bitmap.
    /// - Returns: the header, or `nil` when the bytes are not a row of this format.
    @inline(__always)
    package static func header(from reader: inout ByteReader) -> Header? {
        guard reader.byte() == formatVersion, let flags = reader.byte(), let event = reader.littleEndian(Int64.self)
        else { return nil }
        var created: Int64?
        if flags & hasCreatedTimestamp != 0 {
            guard let stored = reader.littleEndian(Int64.self) else { return nil }
            created = stored
        }
        return Header(event: event, created: created, bitmapOffset: reader.offset)
    }

    /// Appends one non-null value, widening `int32` to `int64` and `float32` to `float64`
    /// and narrowing an `int64` that fits to `int32`.
    /// - Returns: `false` when the value does not fit the type.
    private static func appendValue(_ value: Value, as type: ValueType, to buffer: inout [UInt8]) -> Bool {
        switch (type, value) {
        case (.bool, .bool(let flag)): buffer.append(flag ? 1 : 0)
        case (.int32, .int32(let number)): buffer.appendLittleEndian(number)
        case (.int32, .int64(let number)):
            guard let narrowed = Int32(exactly: number) else { return false }
            buffer.appendLittleEndian(narrowed)
        case (.int64, .int64(let number)): buffer.appendLittleEndian(number)
        case (.int64, .int32(let number)): buffer.appendLittleEndian(Int64(number))
        case (.float32, .float32(let number)): buffer.appendLittleEndian(number.bitPattern)
        case (.float64, .float64(let number)): buffer.appendLittleEndian(number.bitPattern)
        case (.float64, .float32(let number)): buffer.appendLittleEndian(Double(number).bitPattern)
        case (.string, .string(let text)): buffer.appendLengthPrefixed(text)
        case (.bytes, .bytes(let bytes)): buffer.appendLengthPrefixed(bytes)
        case (.timestamp, .timestamp(let instant)): buffer.appendLittleEndian(instant.nanosecondsSinceEpoch)
        case (.list(let element), .list(let elements)):
            buffer.appendVarint(elements.count)
            let bitmapOffset = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: (elements.count + 7) / 8))
            let elementType = ValueType(element)
            for (position, item) in elements.enumerated() {
                if item.isNull {
                    buffer[bitmapOffset + position >> 3] |= 1 << UInt8(position & 7)
                } else if item.isList || !appendValue(item, as: elementType, to: &buffer) {
                    return false
                }
            }
        default: return false
        }
        return true
    }
}
