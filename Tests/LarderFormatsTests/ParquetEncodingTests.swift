import Foundation
import LarderCore
import Testing
@testable import LarderFormats

/// The building blocks: RLE / bit-packed runs, bit unpacking and the Thrift compact protocol.
@Suite struct ParquetEncodingTests {
    @Test(arguments: [0, 1, 2, 3, 5, 8, 13, 17, 24, 31, 32])
    func rleHybridRoundTrips(bitWidth: Int) throws {
        var generator = SeededGenerator(seed: UInt64(bitWidth) + 1)
        let limit: UInt64 = bitWidth == 0 ? 0 : (1 << UInt64(bitWidth)) - 1
        var values: [UInt32] = []
        while values.count < 5_000 {
            let value = UInt32(UInt64.random(in: 0...limit, using: &generator))
            // Mix long runs (RLE) with scattered values (bit-packed), and odd lengths.
            let repeats =
                Bool.random(using: &generator)
                ? Int.random(in: 8...300, using: &generator) : Int.random(in: 1...3, using: &generator)
            values += repeatElement(value, count: repeats)
        }
        var encoded: [UInt8] = []
        values.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: bitWidth, into: &encoded) }
        var decoded = [UInt32](repeating: 0, count: values.count)
        try encoded.withUnsafeBytes { bytes in
            var decoder = try RLEHybridDecoder(bytes, bitWidth: bitWidth)
            try decoded.withUnsafeMutableBufferPointer {
                try decoder.decode(into: $0.baseAddress!, count: values.count)
            }
        }
        #expect(decoded == values)
    }

    @Test func rleDecoderRefusesToReadPastItsData() throws {
        let encoded: [UInt8] = [0x03, 0xFF]  // one bit-packed group of 8 values of 1 bit
        try encoded.withUnsafeBytes { bytes in
            var decoder = try RLEHybridDecoder(bytes, bitWidth: 1)
            var output = [UInt8](repeating: 0, count: 9)
            #expect(throws: ParquetCorruption.self) {
                try output.withUnsafeMutableBufferPointer { try decoder.decode(into: $0.baseAddress!, count: 9) }
            }
        }
    }

    @Test(arguments: [1, 7, 9, 33, 56, 57, 63, 64])
    func bitUnpackingMatchesAReferenceReader(width: Int) {
        var generator = SeededGenerator(seed: UInt64(width))
        let bytes = (0..<200).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let count = (bytes.count * 8 - 3) / width
        var unpacked = [UInt64](repeating: 0, count: count)
        bytes.withUnsafeBufferPointer { source in
            unpacked.withUnsafeMutableBufferPointer { output in
                BitUnpacking.unpack(
                    source.baseAddress!, byteCount: bytes.count, bitOffset: 3, width: width, count: count,
                    into: output.baseAddress!)
            }
        }
        let expected: [UInt64] = (0..<count).map { index in
            var value: UInt64 = 0
            for bit in 0..<width {
                let position = 3 + index * width + bit
                value |= UInt64(bytes[position / 8] >> UInt8(position % 8) & 1) << UInt64(bit)
            }
            return value
        }
        #expect(unpacked == expected)
    }

    @Test func footerMetadataRoundTripsThroughThrift() throws {
        var metaData = ParquetFileMetaData()
        metaData.version = 2
        metaData.numRows = 1 << 40
        metaData.createdBy = "larder"
        metaData.keyValueMetadata = [
            ParquetKeyValue(key: "k", value: "välue"), ParquetKeyValue(key: "empty", value: nil),
        ]
        var root = ParquetSchemaElement(name: "schema")
        root.numChildren = 2
        var timestamp = ParquetSchemaElement(name: "ts")
        timestamp.type = .int64
        timestamp.repetition = .optional
        timestamp.logicalType = .timestamp(utcAdjusted: true, unit: .nanoseconds)
        var amount = ParquetSchemaElement(name: "amount")
        amount.type = .fixedLenByteArray
        amount.typeLength = 16
        amount.repetition = .required
        amount.convertedType = .decimal
        amount.logicalType = .decimal(scale: 4, precision: 38)
        amount.scale = 4
        amount.precision = 38
        metaData.schema = [root, timestamp, amount]
        var column = ParquetColumnChunk()
        var columnMeta = ParquetColumnMetaData()
        columnMeta.type = .int64
        columnMeta.encodings = [.plain, .rleDictionary]
        columnMeta.pathInSchema = ["ts"]
        columnMeta.codec = .zstd
        columnMeta.numValues = 300
        columnMeta.dataPageOffset = 1234
        columnMeta.dictionaryPageOffset = 4
        column.metaData = columnMeta
        var group = ParquetRowGroup()
        group.numRows = 300
        group.columns = [column, column]
        metaData.rowGroups = [group]

        var reader = ThriftCompactReader(bytes: metaData.encoded())
        let decoded = try ParquetFileMetaData(from: &reader)
        #expect(decoded.version == 2)
        #expect(decoded.numRows == 1 << 40)
        #expect(decoded.createdBy == "larder")
        #expect(decoded.keyValueMetadata.map(\.key) == ["k", "empty"])
        #expect(decoded.keyValueMetadata.map(\.value) == ["välue", nil])
        #expect(decoded.schema.map(\.name) == ["schema", "ts", "amount"])
        #expect(decoded.schema[1].logicalType == .timestamp(utcAdjusted: true, unit: .nanoseconds))
        #expect(decoded.schema[2].logicalType == .decimal(scale: 4, precision: 38))
        #expect(decoded.schema[2].typeLength == 16)
        let chunk = try #require(decoded.rowGroups.first?.columns.last?.metaData)
        #expect(chunk.codec == .zstd)
        #expect(chunk.encodings == [.plain, .rleDictionary])
        #expect(chunk.dictionaryPageOffset == 4)
        #expect(chunk.dataPageOffset == 1234)
        let schema = try ParquetSchema(elements: decoded.schema)
        #expect(schema.fields.map(\.name) == ["ts", "amount"])
    }

    @Test func thriftReaderRejectsDeepNestingAndHugeLists() {
        var deep = ThriftCompactReader(bytes: Array(repeating: 0x1C, count: 200))  // struct fields, nested
        #expect(throws: ParquetCorruption.self) { try deep.skip(.structure) }
        var huge = ThriftCompactReader(bytes: [0xF5, 0xFF, 0xFF, 0xFF, 0xFF, 0x07])  // a list of 2^31 i32
        #expect(throws: ParquetCorruption.self) { try huge.readListHeader() }
    }
}
