@testable import LarderFormats

/// A batch covering every type the writer stores, with nulls, for the writer's tests.
enum ParquetSampleData {
    static let schema = TableSchema(columns: [
        ColumnSchema(name: "user_id", type: .int(bits: 64, signed: true), nullable: false),
        ColumnSchema(name: "event_timestamp", type: .timestamp(.microseconds, utcAdjusted: true), nullable: false),
        ColumnSchema(name: "amount", type: .float64, nullable: true),
        ColumnSchema(name: "score", type: .float32, nullable: true),
        ColumnSchema(name: "category", type: .string, nullable: true),
        ColumnSchema(name: "flag", type: .bool, nullable: true),
        ColumnSchema(name: "tiny", type: .int(bits: 8, signed: true), nullable: false),
        ColumnSchema(name: "small", type: .int(bits: 16, signed: true), nullable: true),
        ColumnSchema(name: "count", type: .int(bits: 32, signed: true), nullable: true),
        ColumnSchema(name: "u8", type: .int(bits: 8, signed: false), nullable: true),
        ColumnSchema(name: "u32", type: .int(bits: 32, signed: false), nullable: true),
        ColumnSchema(name: "u64", type: .int(bits: 64, signed: false), nullable: true),
        ColumnSchema(name: "day", type: .date, nullable: true),
        ColumnSchema(name: "created_ns", type: .timestamp(.nanoseconds, utcAdjusted: true), nullable: true),
        ColumnSchema(name: "payload", type: .bytes(fixedLength: nil), nullable: true),
        ColumnSchema(name: "code", type: .bytes(fixedLength: 3), nullable: true),
        ColumnSchema(name: "price", type: .decimal(precision: 10, scale: 2), nullable: true),
        ColumnSchema(name: "big", type: .decimal(precision: 30, scale: 4), nullable: true),
        ColumnSchema(name: "embedding", type: .list(.float32), nullable: true),
        ColumnSchema(name: "tags", type: .list(.string), nullable: false),
    ])

    /// `rows` rows; every third row of a nullable column is null.
    static func batch(rows: Int) -> ColumnBatch {
        let indices = Array(0..<rows)
        let validity = indices.map { $0 % 3 != 1 }
        func column(_ name: String, _ storage: ColumnStorage, nullable: Bool = true) -> Column {
            Column(name: name, type: schema[name]!.type, storage: storage, validity: nullable ? validity : nil)
        }
        var payload = BinaryValues(), code = BinaryValues(), category = BinaryValues(), big = BinaryValues()
        for index in indices {
            payload.append((0..<(index % 5)).map { UInt8(truncatingIfNeeded: $0 * 37 + index) })
            code.append([UInt8(index % 256), 0xFF, 0x00])
            category.append(Array("category_\(index % 4)-é".utf8))
            let negative = index % 2 == 0
            big.append(
                (negative ? [0xFF, 0xFE] : [0x00, 0x01]) + (0..<11).map { UInt8(truncatingIfNeeded: $0 * index + 1) })
        }
        var embeddingOffsets = [0], tagOffsets = [0]
        var embeddingValues: [Float] = [], tags = BinaryValues()
        var embeddingValidity: [Bool] = []
        for index in indices {
            for element in 0..<(index % 4) {
                embeddingValues.append(Float(index) / 3 + Float(element))
                embeddingValidity.append((index + element) % 5 != 0)
            }
            embeddingOffsets.append(embeddingValues.count)
            for element in 0..<(index % 3) { tags.append(Array("t\(element)".utf8)) }
            tagOffsets.append(tags.count)
        }
        let columns: [Column] = [
            column("user_id", .int64(indices.map { Int64($0) * 1_000_003 - 7 }), nullable: false),
            column(
                "event_timestamp", .int64(indices.map { 1_735_689_600_000_000 + Int64($0) * 3_600_000_001 }),
                nullable: false),
            column("amount", .float64(indices.map { $0 == 2 ? -0.0 : Double($0) * 1.25 - 3 })),
            column("score", .float32(indices.map { $0 == 5 ? .infinity : Float($0) / 7 })),
            column("category", .binary(category)),
            column("flag", .bool(indices.map { $0 % 2 == 0 })),
            column("tiny", .int32(indices.map { Int32($0 % 256 - 128) }), nullable: false),
            column("small", .int32(indices.map { Int32($0 * 1000 - 20_000) })),
            column("count", .int32(indices.map { Int32($0) * -99_991 })),
            column("u8", .int32(indices.map { Int32($0 * 11 % 256) })),
            column("u32", .int64(indices.map { Int64(UInt32.max) - Int64($0) })),
            column("u64", .uint64(indices.map { UInt64.max - UInt64($0) })),
            column("day", .int32(indices.map { Int32($0 * 400 - 5_000) })),
            column("created_ns", .int64(indices.map { 1_700_000_000_123_456_789 + Int64($0) })),
            column("payload", .binary(payload)),
            column("code", .binary(code)),
            column("price", .int64(indices.map { Int64($0) * 12_345 - 99_999 })),
            column("big", .binary(big)),
            Column(
                name: "embedding", type: .list(.float32),
                storage: .list(
                    offsets: embeddingOffsets,
                    elements: Column(
                        name: "element", type: .float32, storage: .float32(embeddingValues), validity: embeddingValidity
                    )),
                validity: validity),
            Column(
                name: "tags", type: .list(.string),
                storage: .list(
                    offsets: tagOffsets, elements: Column(name: "element", type: .string, storage: .binary(tags)))),
        ]
        return ColumnBatch(columns: columns, rowCount: rows)
    }
}
