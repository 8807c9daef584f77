import Foundation
import Testing
@testable import LarderFormats

/// Every fixture written by pyarrow, pandas and DuckDB reads back exactly as pyarrow reads it.
@Suite struct ParquetFixtureTests {
    /// The test below runs once per committed fixture; were the directory missing or empty it
    /// would run no case and pass, so this one fails instead.
    @Test func theCommittedFixturesArePresent() {
        #expect(
            Set(ParquetFuzzTests.fixtures).isSubset(of: ParquetFixtures.names),
            "fixtures found: \(ParquetFixtures.names)")
    }

    @Test(arguments: ParquetFixtures.names)
    func readsEveryValueAsPyarrowDoes(fixture: String) throws {
        let expected = try ParquetFixtures.expectation(fixture)
        let reader = try ParquetReader(path: ParquetFixtures.path(fixture))
        #expect(reader.rowCount == expected.rows)
        #expect(reader.rowGroupCount == expected.rowGroups)
        #expect(reader.schema.columns.map(\.name) == expected.columns.map(\.name))
        for column in expected.columns {
            let schema = try #require(reader.schema[column.name])
            #expect(schema.type.description == column.type, "column \(column.name)")
            #expect(schema.nullable == column.nullable, "column \(column.name)")
        }
        for (name, kind) in expected.unsupported {
            #expect(reader.unsupportedColumns[name] == "not supported: column '\(name)' is \(kind)")
        }
        if let message = expected.error {
            let error = try #require(throws: FormatError.self) { try reader.readAll() }
            #expect(error.message.contains(message))
            #expect(error.file == ParquetFixtures.path(fixture))
            return
        }
        var batches = 0
        var rows = 0
        try reader.forEachBatch(columns: nil) { batch in
            batches += 1
            rows += batch.rowCount
            for column in batch.columns { #expect(column.count == batch.rowCount) }
        }
        #expect(batches == expected.rowGroups)
        #expect(rows == expected.rows)
        let all = try reader.readAll()
        for column in expected.columns {
            let actual = try #require(all.column(named: column.name))
            let values = CanonicalValues.of(actual)
            #expect(values.count == column.values.count, "column \(column.name)")
            for (index, (value, wanted)) in zip(values, column.values).enumerated() where value != wanted {
                Issue.record("\(fixture) column \(column.name) row \(index): read \(value), pyarrow read \(wanted)")
                break
            }
        }
    }
}
