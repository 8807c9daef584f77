import Foundation
import LarderTestSupport
import Testing

@testable import LarderFormats

/// Choosing a reader or writer by extension or content.
struct TableFilesTests {
    @Test func csvByExtensionAndByContent() throws {
        let directory = try TemporaryDirectory()
        for name in ["data.csv", "DATA.CSV", "data.txt", "data"] {
            let path = try directory.write("a,b\n1,x\n", to: name)
            let reader = try TableFiles.openReader(path: path, declaredTypes: ["a": .float64])
            #expect(reader is CSVReader)
            #expect(reader.schema.columns.map(\.type) == [.float64, .string])
        }
    }

    @Test func parquetByExtensionOrMagic() throws {
        let directory = try TemporaryDirectory()
        let magic = try directory.write(bytes: Array("PAR1".utf8) + [0, 0, 0, 0] + Array("PAR1".utf8), to: "data.bin")
        #expect(try TableFiles.sniffFormat(path: magic) == .parquet)
        let named = try directory.write("a,b\n1,2\n", to: "data.parquet")
        #expect(formatError { _ = try TableFiles.openReader(path: named) }?.file == named)
        let forced = try directory.write("a\n1\n", to: "data.csv")
        #expect(formatError { _ = try TableFiles.openReader(path: forced, format: .parquet) } != nil)
        #expect(try TableFiles.sniffFormat(path: forced) == .csv)
        #expect(try TableFiles.sniffFormat(path: try directory.write("", to: "empty")) == .csv)
    }

    @Test func writerByExtension() throws {
        let directory = try TemporaryDirectory()
        let schema = TableSchema(columns: [ColumnSchema(name: "a", type: .int(bits: 64, signed: true), nullable: true)])
        let writer = try TableFiles.openWriter(path: directory.path + "/out.csv", schema: schema)
        try writer.write(
            ColumnBatch(
                columns: [Column(name: "a", type: .int(bits: 64, signed: true), storage: .int64([7]))], rowCount: 1))
        try writer.close()
        let back = try TableFiles.openReader(path: directory.path + "/out.csv").readAll()
        #expect(back.columns[0].value(at: 0) == .int64(7))
        let unknown = try #require(
            formatError { _ = try TableFiles.openWriter(path: directory.path + "/out.dat", schema: schema) })
        #expect(unknown.message.contains("cannot tell the format"))
        let explicit = try TableFiles.openWriter(path: directory.path + "/out.dat", schema: schema, format: .csv)
        #expect(explicit is CSVWriter)
    }

    @Test func parquetWrittenAndReadThroughTableFiles() throws {
        let directory = try TemporaryDirectory()
        let schema = TableSchema(columns: [ColumnSchema(name: "a", type: .int(bits: 64, signed: true), nullable: true)])
        let path = directory.path + "/out.parquet"
        let writer = try TableFiles.openWriter(path: path, schema: schema)
        try writer.write(
            ColumnBatch(
                columns: [Column(name: "a", type: .int(bits: 64, signed: true), storage: .int64([7, 8]))], rowCount: 2))
        try writer.close()
        let renamed = directory.path + "/no-extension"
        try FileManager.default.copyItem(atPath: path, toPath: renamed)
        for candidate in [path, renamed] {
            let batch = try TableFiles.openReader(path: candidate).readAll()
            #expect(batch.columns[0].value(at: 1) == .int64(8))
        }
    }

    @Test func missingFile() throws {
        let directory = try TemporaryDirectory()
        let error = try #require(formatError { _ = try TableFiles.openReader(path: directory.path + "/none") })
        #expect(error.message.contains("No such file"))
    }
}
