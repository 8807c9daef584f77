import Foundation
import LarderTestSupport
import Testing
@testable import LarderFormats

/// Damaged and foreign files fail with a ``FormatError`` naming the file and what is wrong.
@Suite struct ParquetBadFileTests {
    /// Writes `bytes` to a file in a fresh directory and opens and reads it.
    private func readError(_ bytes: [UInt8], name: String = "bad.parquet") throws -> FormatError {
        let directory = try TemporaryDirectory()
        let path = try directory.write(bytes: bytes, to: name)
        let error = try #require(throws: FormatError.self) {
            let reader = try ParquetReader(path: path)
            _ = try reader.readAll()
        }
        #expect(error.file == path)
        return error
    }

    private func fixtureBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: ParquetFixtures.path(name))))
    }

    @Test func zeroByteFile() throws {
        #expect(try readError([]).message == "not a Parquet file: the file is empty")
    }

    @Test func csvRenamedToParquet() throws {
        let csv = Array("user_id,event_timestamp,amount\n1,2025-01-01T00:00:00Z,3.5\n2,2025-01-02T00:00:00Z,4.5\n".utf8)
        #expect(
            try readError(csv, name: "data.parquet").message.hasPrefix("not a Parquet file: the PAR1 magic is missing"))
    }

    @Test func missingFile() throws {
        let error = try #require(throws: FormatError.self) { try ParquetReader(path: "/nonexistent/dir/file.parquet") }
        #expect(error.file == "/nonexistent/dir/file.parquet")
        #expect(error.message.contains("cannot open the file"))
    }

    @Test(arguments: [0.25, 0.5, 0.9, 0.999])
    func truncatedFile(fraction: Double) throws {
        let bytes = try fixtureBytes("types_dictionary")
        let error = try readError(Array(bytes.prefix(Int(Double(bytes.count) * fraction))))
        #expect(error.message == "not a Parquet file: the PAR1 magic is missing at its end")
    }

    @Test func badMagicAtTheStart() throws {
        var bytes = try fixtureBytes("types_plain")
        bytes[0] = UInt8(ascii: "X")
        #expect(try readError(bytes).message == "not a Parquet file: the PAR1 magic is missing at its start")
    }

    @Test func footerLengthLargerThanTheFile() throws {
        var bytes = try fixtureBytes("types_plain")
        bytes.replaceSubrange(bytes.count - 8..<bytes.count - 4, with: [0xFF, 0xFF, 0xFF, 0x0F])
        #expect(try readError(bytes).message.hasPrefix("corrupt footer: its length of 268435455 bytes"))
    }

    @Test func garbageFooter() throws {
        var bytes = try fixtureBytes("types_plain")
        let length = Int(bytes[bytes.count - 8]) | Int(bytes[bytes.count - 7]) << 8
        for index in bytes.count - 8 - length..<bytes.count - 8 { bytes[index] = 0xEE }
        #expect(try readError(bytes).message.hasPrefix("corrupt footer:"))
    }

    @Test func encryptedFooter() throws {
        var bytes = try fixtureBytes("types_plain")
        bytes.replaceSubrange(bytes.count - 4..<bytes.count, with: Array("PARE".utf8))
        #expect(try readError(bytes).message == "encrypted Parquet files are not supported")
    }

    @Test func columnChunkOutsideTheFile() throws {
        let error = try readError(
            try rewritingFooter(of: try fixtureBytes("types_plain")) { metaData in
                metaData.rowGroups[0].columns[2].metaData!.dataPageOffset = 1 << 40
            })
        #expect(error.column == "int16")
        #expect(error.message.contains("lies outside the file's data"))
    }

    @Test func pageRunningPastTheEndOfItsChunk() throws {
        let error = try readError(
            try rewritingFooter(of: try fixtureBytes("types_plain")) { metaData in
                metaData.rowGroups[0].columns[3].metaData!.totalCompressedSize -= 10
            })
        #expect(error.column == "int32")
        #expect(error.message.contains("past the chunk's end"))
    }

    @Test func pageHeaderCutShort() throws {
        let error = try readError(
            try rewritingFooter(of: try fixtureBytes("types_plain")) { metaData in
                metaData.rowGroups[0].columns[3].metaData!.totalCompressedSize = 6
            })
        #expect(error.column == "int32")
        #expect(error.message.hasPrefix("row group 0: corrupt page header at byte 0 of the column chunk"))
    }

    @Test func dictionaryIndexOutOfRange() throws {
        let directory = try TemporaryDirectory()
        let path = directory.appending("dictionary.parquet")
        let schema = TableSchema(columns: [ColumnSchema(name: "v", type: .int(bits: 64, signed: true), nullable: false)]
        )
        let writer = try ParquetWriter(path: path, schema: schema, options: .init(compression: .none, dictionary: true))
        try writer.write(
            ColumnBatch(
                columns: [Column(name: "v", type: schema.columns[0].type, storage: .int64([10, 20, 30, 40, 50]))],
                rowCount: 5))
        try writer.close()
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        // Shrink the dictionary page's entry count from 5 to 1; the header keeps its length.
        let footer = try ParquetFooter(source: ParquetMemorySource(bytes: bytes))
        let offset = Int(try #require(footer.metaData.rowGroups[0].columns[0].metaData?.dictionaryPageOffset))
        var reader = ThriftCompactReader(bytes: bytes, position: offset)
        var header = try ParquetPageHeader(from: &reader)
        #expect(header.dictionaryPage?.numValues == 5)
        header.dictionaryPage?.numValues = 1
        let patched = header.encoded()
        #expect(patched.count == reader.position - offset)
        bytes.replaceSubrange(offset..<offset + patched.count, with: patched)
        let error = try readError(bytes)
        #expect(error.column == "v")
        #expect(error.message.contains("dictionary index 4 is out of range for a dictionary of 1 entries"))
    }

    @Test func unsupportedColumnIsNamedAndOthersStayReadable() throws {
        let reader = try ParquetReader(path: ParquetFixtures.path("unsupported"))
        let error = try #require(throws: FormatError.self) { try reader.readAll(columns: ["id", "attributes"]) }
        #expect(error.message == "not supported: column 'attributes' is a MAP")
        #expect(try reader.readAll(columns: ["name", "id"]).columns.map(\.name) == ["name", "id"])
        let unknown = try #require(throws: FormatError.self) { try reader.readAll(columns: ["nope"]) }
        #expect(unknown.column == "nope")
    }

    /// The file with its footer decoded, changed by `change`, and encoded again.
    private func rewritingFooter(of bytes: [UInt8], _ change: (inout ParquetFileMetaData) -> Void) throws -> [UInt8] {
        var footer = try ParquetFooter(source: ParquetMemorySource(bytes: bytes))
        change(&footer.metaData)
        return Array(bytes[..<footer.dataEnd]) + footer.metaData.encodedFileTail()
    }
}
