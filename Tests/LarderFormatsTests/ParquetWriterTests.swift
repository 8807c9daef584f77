import Foundation
import LarderTestSupport
import Testing
@testable import LarderFormats

/// The writer never leaves a partial file, reports bad input by column, and splits large
/// outputs into row groups.
@Suite struct ParquetWriterTests {
    private let schema = TableSchema(columns: [
        ColumnSchema(name: "id", type: .int(bits: 64, signed: true), nullable: false),
        ColumnSchema(name: "label", type: .string, nullable: true),
    ])

    private func batch(ids: [Int64], nullID: Bool = false) -> ColumnBatch {
        var labels = BinaryValues()
        for id in ids { labels.append(Array("label-\(id % 10)".utf8)) }
        return ColumnBatch(
            columns: [
                Column(
                    name: "id", type: schema.columns[0].type, storage: .int64(ids),
                    validity: nullID ? ids.indices.map { $0 != 0 } : nil),
                Column(name: "label", type: .string, storage: .binary(labels), validity: ids.map { $0 % 3 != 0 }),
            ], rowCount: ids.count)
    }

    @Test func failedWriteLeavesNoFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.appending("out.parquet")
        let writer = try ParquetWriter(path: path, schema: schema, options: .init(rowGroupRows: 2))
        let error = try #require(throws: FormatError.self) { try writer.write(batch(ids: [1, 2, 3], nullID: true)) }
        #expect(error.column == "id")
        #expect(error.message.contains("not nullable"))
        #expect(try directory.fileNames().isEmpty)
        #expect(throws: FormatError.self) { try writer.close() }
        #expect(try directory.fileNames().isEmpty)
    }

    @Test func failedWriteKeepsTheFileItWouldHaveReplaced() throws {
        let directory = try TemporaryDirectory()
        let path = directory.appending("out.parquet")
        let first = try ParquetWriter(path: path, schema: schema)
        try first.write(batch(ids: [1, 2]))
        try first.close()
        let second = try ParquetWriter(path: path, schema: schema)
        try second.write(batch(ids: [5, 6, 7]))
        #expect(throws: FormatError.self) { try second.write(batch(ids: [8], nullID: true)) }
        #expect(try directory.fileNames() == ["out.parquet"])
        #expect(try ParquetReader(path: path).rowCount == 2)
    }

    @Test func abandonedWriterLeavesNoFile() throws {
        let directory = try TemporaryDirectory()
        do {
            let writer = try ParquetWriter(path: directory.appending("out.parquet"), schema: schema)
            try writer.write(batch(ids: [1, 2, 3]))
        }
        #expect(try directory.fileNames().isEmpty)
    }

    @Test func batchOfAnotherSchemaIsRejectedByColumn() throws {
        let directory = try TemporaryDirectory()
        let writer = try ParquetWriter(path: directory.appending("out.parquet"), schema: schema)
        var wrong = batch(ids: [1])
        wrong.columns[1] = Column(name: "label", type: .float64, storage: .float64([1]))
        let error = try #require(throws: FormatError.self) { try writer.write(wrong) }
        #expect(error.column == "label")
    }

    @Test func unwritableDirectoryFailsAtCreation() throws {
        let error = try #require(throws: FormatError.self) {
            try ParquetWriter(path: "/nonexistent-larder-dir/out.parquet", schema: schema)
        }
        #expect(error.file == "/nonexistent-larder-dir/out.parquet")
        #expect(error.message.contains("cannot create a temporary file"))
    }

    @Test func largeOutputIsSplitIntoRowGroupsAndStreamedBack() throws {
        let directory = try TemporaryDirectory()
        let path = directory.appending("large.parquet")
        let writer = try ParquetWriter(
            path: path, schema: schema, options: .init(rowGroupRows: 30_000, pageRows: 7_000))
        for start in stride(from: Int64(0), to: 100_000, by: 25_000) {
            try writer.write(batch(ids: Array(start..<start + 25_000)))
        }
        try writer.close()
        let reader = try ParquetReader(path: path)
        #expect(reader.rowGroupCount == 4)
        var rows: [Int] = []
        var next: Int64 = 0
        try reader.forEachBatch(columns: ["id"]) { batch in
            rows.append(batch.rowCount)
            guard case .int64(let ids) = batch.columns[0].storage else { return }
            #expect(ids == Array(next..<next + Int64(ids.count)))
            next += Int64(ids.count)
        }
        #expect(rows == [30_000, 30_000, 30_000, 10_000])
    }
}
