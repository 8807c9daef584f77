import Foundation
import LarderTestSupport
import Testing
@testable import LarderFormats

/// Lists in the legacy two-level layout (`<list> (LIST) { repeated <type> element }`), which
/// older writers produce, read like standard three-level lists.
@Suite struct ParquetLegacyListTests {
    @Test func twoLevelListReadsLikeThePyarrowReading() async throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: ParquetFixtures.path("required"))))
        var footer = try ParquetFooter(source: ParquetMemorySource(bytes: original))
        let schema = footer.metaData.schema
        let top = try #require(schema.firstIndex { $0.name == "vector" })
        #expect(schema[top + 1].name == "list" && schema[top + 1].repetition == .repeated)
        #expect(schema[top + 2].name == "element" && schema[top + 2].repetition == .required)
        var element = schema[top + 2]
        element.repetition = .repeated
        footer.metaData.schema.replaceSubrange(top + 1...top + 2, with: [element])
        let leafIndex = try #require(footer.schema.leaves.firstIndex { $0.path.first == "vector" })
        for group in footer.metaData.rowGroups.indices {
            footer.metaData.rowGroups[group].columns[leafIndex].metaData?.pathInSchema = ["vector", "element"]
        }
        let rewritten = Array(original[..<footer.dataEnd]) + footer.metaData.encodedFileTail()

        let directory = try TemporaryDirectory()
        let path = try directory.write(bytes: rewritten, to: "legacy.parquet")

        let reader = try ParquetReader(path: path)
        #expect(reader.schema["vector"] == ColumnSchema(name: "vector", type: .list(.float64), nullable: false))
        let values = CanonicalValues.of(try #require(try reader.readAll(columns: ["vector"]).column(named: "vector")))
        let expected = try ParquetFixtures.expectation("required").columns.first { $0.name == "vector" }
        #expect(values == expected?.values)

        let pyarrow = try ParquetExpectation.decode(Data(try await Python.describeParquet(path).utf8))
        let pyarrowVector = try #require(pyarrow.columns.first { $0.name == "vector" })
        #expect(pyarrowVector.type == "list<float64>")
        #expect(pyarrowVector.values == values)
    }
}
