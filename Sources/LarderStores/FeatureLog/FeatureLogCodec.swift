package import LarderCore

/// The bytes an offline store keeps for a logged row's names, values and statuses (the
/// `payload` column of `larder_feature_log`), self-describing so that a row logged before a
/// feature service changed still reads back with its own names and types:
///
/// a version byte (1); the entity count (4 bytes) and per entity its name and value; the
/// feature count and per feature its name, a status byte (the position in
/// `FeatureStatus.allCases`) and its value. A name is a 4-byte length and UTF-8; a value is a
/// type tag (0 null, 1 bool, 2 int32, 3 int64, 4 float32, 5 float64, 6 string, 7 bytes,
/// 8 timestamp in nanoseconds, 9 list: count and elements) and little-endian fixed-width
/// numbers or a 4-byte length and bytes.
package enum FeatureLogCodec {
    private static let version: UInt8 = 1

    /// Encodes a record's entity and feature columns.
    /// - Parameter record: the record.
    /// - Returns: the payload.
    package static func encode(_ record: FeatureLogRecord) -> [UInt8] {
        var writer = Writer()
        writer.bytes.append(version)
        writer.integer(UInt32(record.entityNames.count))
        for (name, value) in zip(record.entityNames, record.entityValues) {
            writer.text(name)
            writer.append(value)
        }
        writer.integer(UInt32(record.featureNames.count))
        for index in record.featureNames.indices {
            writer.text(record.featureNames[index])
            writer.bytes.append(UInt8(FeatureStatus.allCases.firstIndex(of: record.statuses[index]) ?? 0))
            writer.append(record.values[index])
        }
        return writer.bytes
    }

    /// Decodes a payload into a record with the columns the store keeps beside it.
    /// - Parameters:
    ///   - payload: the bytes ``encode(_:)`` wrote.
    ///   - service: the `service` column.
    ///   - requestID: the `request_id` column.
    ///   - logTime: the `log_time` column.
    ///   - entityRow: the `entity_row` column.
    /// - Returns: the record.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) naming the request when the bytes are damaged.
    package static func decode(
        _ payload: UnsafeRawBufferPointer, service: String, requestID: String, logTime: Timestamp, entityRow: Int
    ) throws -> FeatureLogRecord {
        var reader = ByteReader(payload)
        var record = FeatureLogRecord(
            service: service, requestID: requestID, logTime: logTime, entityRow: entityRow, entityNames: [],
            entityValues: [], featureNames: [], values: [], statuses: [])
        let damaged = OfflineStoreError(
            .invalidSource, "logged row \(entityRow) of request '\(requestID)' (service '\(service)') is damaged")
        guard reader.byte() == version, let entities = reader.littleEndian(UInt32.self), Int(entities) <= payload.count
        else { throw damaged }
        for _ in 0..<entities {
            guard let name = reader.text(), let value = reader.loggedValue(payloadSize: payload.count) else {
                throw damaged
            }
            record.entityNames.append(name)
            record.entityValues.append(value)
        }
        guard let features = reader.littleEndian(UInt32.self), Int(features) <= payload.count else { throw damaged }
        for _ in 0..<features {
            guard let name = reader.text(), let status = reader.byte(), Int(status) < FeatureStatus.allCases.count,
                let value = reader.loggedValue(payloadSize: payload.count)
            else { throw damaged }
            record.featureNames.append(name)
            record.statuses.append(FeatureStatus.allCases[Int(status)])
            record.values.append(value)
        }
        return record
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func integer<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func text(_ text: String) {
            integer(UInt32(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }

        mutating func append(_ value: Value) {
            switch value {
            case .null: bytes.append(0)
            case .bool(let v): bytes += [1, v ? 1 : 0]
            case .int32(let v):
                bytes.append(2)
                integer(v)
            case .int64(let v):
                bytes.append(3)
                integer(v)
            case .float32(let v):
                bytes.append(4)
                integer(v.bitPattern)
            case .float64(let v):
                bytes.append(5)
                integer(v.bitPattern)
            case .string(let v):
                bytes.append(6)
                text(v)
            case .bytes(let v):
                bytes.append(7)
                integer(UInt32(v.count))
                bytes.append(contentsOf: v)
            case .timestamp(let v):
                bytes.append(8)
                integer(v.nanosecondsSinceEpoch)
            case .list(let elements):
                bytes.append(9)
                integer(UInt32(elements.count))
                for element in elements { append(element) }
            }
        }
    }
}

/// The log payload's parts, read with the stores' bounds-checked cursor.
extension ByteReader {
    /// A run of bytes behind its 32-bit length.
    fileprivate mutating func slice() -> UnsafeRawBufferPointer? {
        guard let length = littleEndian(UInt32.self) else { return nil }
        return bytes(Int(length))
    }

    /// UTF-8 text behind its 32-bit length.
    fileprivate mutating func text() -> String? {
        slice().map { String(decoding: $0, as: UTF8.self) }
    }

    /// A tagged value; `payloadSize` bounds a list's element count.
    fileprivate mutating func loggedValue(payloadSize: Int) -> Value? {
        switch byte() {
        case 0: return .null
        case 1: return byte().map { .bool($0 != 0) }
        case 2: return littleEndian(Int32.self).map { .int32($0) }
        case 3: return littleEndian(Int64.self).map { .int64($0) }
        case 4: return littleEndian(UInt32.self).map { .float32(Float(bitPattern: $0)) }
        case 5: return littleEndian(UInt64.self).map { .float64(Double(bitPattern: $0)) }
        case 6: return text().map { .string($0) }
        case 7: return slice().map { .bytes(Array($0)) }
        case 8: return littleEndian(Int64.self).map { .timestamp(Timestamp(nanosecondsSinceEpoch: $0)) }
        case 9:
            guard let count = littleEndian(UInt32.self), Int(count) <= payloadSize else { return nil }
            var elements: [Value] = []
            for _ in 0..<count {
                guard let element = loggedValue(payloadSize: payloadSize) else { return nil }
                elements.append(element)
            }
            return .list(elements)
        default: return nil
        }
    }
}
