public import LarderCore

/// The binary form of an ``EventLog`` that the online store keeps as one value per entity
/// key (see `docs/online-store.md`). Little-endian:
///
/// `u8 format (1) · u64 generation · u32 count · u8 column count · u8 kind per column ·
/// i64 event times · i64 creation times · per column: validity bitmap, then values`
///
/// Integer columns hold 8-byte integers, float columns 8-byte IEEE doubles, string and bytes
/// columns a `u32` length and the bytes for each non-null entry.
public enum EventLogCodec {
    static let format: UInt8 = 1

    private enum Kind: UInt8 {
        case integers = 0, floats = 1, strings = 2, bytes = 3
    }

    /// Encodes a log.
    /// - Parameter log: the log.
    /// - Returns: the bytes.
    public static func encode(_ log: EventLog) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(14 + log.columns.count + log.count * (16 + 9 * log.columns.count))
        bytes.append(format)
        append(log.generation, to: &bytes)
        append(UInt32(log.count), to: &bytes)
        bytes.append(UInt8(log.columns.count))
        for column in log.columns {
            switch column {
            case .integers: bytes.append(Kind.integers.rawValue)
            case .floats: bytes.append(Kind.floats.rawValue)
            case .values(let values):
                let isBytes = values.contains { if case .bytes = $0 { true } else { false } }
                bytes.append(isBytes ? Kind.bytes.rawValue : Kind.strings.rawValue)
            }
        }
        for time in log.timestamps { append(UInt64(bitPattern: time), to: &bytes) }
        for time in log.createdTimestamps { append(UInt64(bitPattern: time), to: &bytes) }
        for column in log.columns {
            switch column {
            case .integers(let values):
                appendValidity(values.map { $0 != nil }, to: &bytes)
                for value in values { append(UInt64(bitPattern: value ?? 0), to: &bytes) }
            case .floats(let values):
                appendValidity(values.map { $0 != nil }, to: &bytes)
                for value in values { append((value ?? 0).bitPattern, to: &bytes) }
            case .values(let values):
                appendValidity(values.map { !$0.isNull }, to: &bytes)
                for value in values {
                    switch value {
                    case .string(let text):
                        append(UInt32(text.utf8.count), to: &bytes)
                        bytes.append(contentsOf: text.utf8)
                    case .bytes(let data):
                        append(UInt32(data.count), to: &bytes)
                        bytes.append(contentsOf: data)
                    default: break
                    }
                }
            }
        }
        return bytes
    }

    /// Decodes a log.
    /// - Parameters:
    ///   - bytes: the encoded log.
    ///   - types: the event columns' declared types, in the view's order.
    /// - Returns: the log, or `nil` when the bytes are not a log of these columns.
    public static func decode(_ bytes: some Collection<UInt8>, types: [ValueType]) -> EventLog? {
        let contiguous = Array(bytes)
        return contiguous.withUnsafeBytes { buffer in decode(buffer, types: types) }
    }

    private static func decode(_ buffer: UnsafeRawBufferPointer, types: [ValueType]) -> EventLog? {
        var reader = Reader(buffer: buffer)
        guard reader.byte() == format, let generation = reader.word(), let count32 = reader.word32(),
            let columnCount = reader.byte(), Int(columnCount) == types.count
        else { return nil }
        let count = Int(count32)
        guard count <= buffer.count else { return nil }
        var kinds: [Kind] = []
        for _ in 0..<columnCount {
            guard let raw = reader.byte(), let kind = Kind(rawValue: raw) else { return nil }
            kinds.append(kind)
        }
        guard let timestamps = reader.integers(count), let created = reader.integers(count) else { return nil }
        var columns: [EventColumn] = []
        for kind in kinds {
            guard let validity = reader.validity(count) else { return nil }
            switch kind {
            case .integers:
                guard let values = reader.integers(count) else { return nil }
                columns.append(.integers(values.indices.map { validity[$0] ? values[$0] : nil }))
            case .floats:
                guard let values = reader.integers(count) else { return nil }
                columns.append(
                    .floats(
                        values.indices.map { validity[$0] ? Double(bitPattern: UInt64(bitPattern: values[$0])) : nil }))
            case .strings, .bytes:
                var values: [Value] = []
                values.reserveCapacity(count)
                for valid in validity {
                    guard valid else {
                        values.append(.null)
                        continue
                    }
                    guard let length = reader.word32(), let slice = reader.bytes(Int(length)) else { return nil }
                    values.append(
                        kind == .strings ? .string(String(decoding: slice, as: UTF8.self)) : .bytes(Array(slice)))
                }
                columns.append(.values(values))
            }
        }
        return EventLog(timestamps: timestamps, createdTimestamps: created, columns: columns, generation: generation)
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func appendValidity(_ flags: [Bool], to bytes: inout [UInt8]) {
        var byte: UInt8 = 0
        for (index, flag) in flags.enumerated() {
            if flag { byte |= 1 << UInt8(index % 8) }
            if index % 8 == 7 {
                bytes.append(byte)
                byte = 0
            }
        }
        if flags.count % 8 != 0 { bytes.append(byte) }
    }

    /// Reads the encoded form front to back; every read checks the remaining length.
    private struct Reader {
        let buffer: UnsafeRawBufferPointer
        var offset = 0

        mutating func byte() -> UInt8? {
            guard offset < buffer.count else { return nil }
            defer { offset += 1 }
            return buffer[offset]
        }

        mutating func word32() -> UInt32? {
            guard offset + 4 <= buffer.count else { return nil }
            defer { offset += 4 }
            return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        }

        mutating func word() -> UInt64? {
            guard offset + 8 <= buffer.count else { return nil }
            defer { offset += 8 }
            return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        mutating func integers(_ count: Int) -> [Int64]? {
            guard offset + 8 * count <= buffer.count else { return nil }
            defer { offset += 8 * count }
            return (0..<count).map {
                Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 8 * $0, as: Int64.self))
            }
        }

        mutating func validity(_ count: Int) -> [Bool]? {
            let length = (count + 7) / 8
            guard offset + length <= buffer.count else { return nil }
            defer { offset += length }
            return (0..<count).map { buffer[offset + $0 / 8] & (1 << UInt8($0 % 8)) != 0 }
        }

        mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
            guard offset + count <= buffer.count else { return nil }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
        }
    }
}
