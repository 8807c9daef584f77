import Foundation
import LarderTestSupport
import Testing
@testable import LarderFormats

/// Files Larder writes read back identically in Larder, pyarrow and pandas.
@Suite struct ParquetRoundTripTests {
    /// What `--describe` adds for pandas.
    struct PandasDescription: Decodable {
        var pandasRows: Int
        var pandasDtypes: [String: String]
        enum CodingKeys: String, CodingKey { case pandasRows = "pandas_rows", pandasDtypes = "pandas_dtypes" }
    }

    static let optionSets: [ParquetWriter.Options] = [
        .init(),
        .init(compression: .none, dictionary: false),
        .init(compression: .snappy, dictionary: true, rowGroupRows: 7, pageRows: 3),
        .init(compression: .none, dictionary: true, rowGroupRows: 1_000, pageRows: 4),
    ]

    @Test(arguments: optionSets)
    func pyarrowAndPandasReadWhatLarderWrote(options: ParquetWriter.Options) async throws {
        let directory = try TemporaryDirectory()
        let path = directory.appending("out.parquet")
        let batch = ParquetSampleData.batch(rows: 23)
        let writer = try ParquetWriter(path: path, schema: ParquetSampleData.schema, options: options)
        try writer.write(batch.slicing(rows: 0..<10))
        try writer.write(batch.slicing(rows: 10..<23))
        try writer.close()

        let reader = try ParquetReader(path: path)
        #expect(reader.schema == ParquetSampleData.schema)
        #expect(reader.rowCount == 23)
        #expect(reader.rowGroupCount == (options.rowGroupRows == 7 ? 4 : 1))
        let back = try reader.readAll()
        for column in batch.columns {
            #expect(
                CanonicalValues.of(try #require(back.column(named: column.name))) == CanonicalValues.of(column),
                "column \(column.name)")
        }

        let output = Data(try await Python.describeParquet(path).utf8)
        let described = try ParquetExpectation.decode(output)
        #expect(described.rows == 23)
        #expect(described.unsupported.isEmpty)
        #expect(described.columns.map(\.name) == batch.columns.map(\.name))
        for (expected, column) in zip(ParquetSampleData.schema.columns, described.columns) {
            #expect(column.type == expected.type.description, "column \(expected.name)")
            #expect(column.nullable == expected.nullable, "column \(expected.name)")
            let original = try #require(batch.column(named: expected.name))
            #expect(column.values == CanonicalValues.of(original), "column \(expected.name)")
        }
        let pandas = try JSONDecoder().decode(PandasDescription.self, from: output)
        #expect(pandas.pandasRows == 23)
        #expect(pandas.pandasDtypes["event_timestamp"] == "datetime64[us, UTC]")
        #expect(pandas.pandasDtypes["amount"] == "float64")
        #expect(pandas.pandasDtypes["tiny"] == "int8")
    }

    @Test func timestampsOfCoarserUnitsAreWrittenAsMicroseconds() throws {
        let directory = try TemporaryDirectory()
        let path = directory.appending("ms.parquet")
        let schema = TableSchema(columns: [
            ColumnSchema(name: "t", type: .timestamp(.milliseconds, utcAdjusted: false), nullable: false)
        ])
        let writer = try ParquetWriter(path: path, schema: schema)
        try writer.write(
            ColumnBatch(
                columns: [
                    Column(
                        name: "t", type: .timestamp(.milliseconds, utcAdjusted: false),
                        storage: .int64([1_700_000_000_123, -5]))
                ], rowCount: 2))
        try writer.close()
        let reader = try ParquetReader(path: path)
        #expect(reader.schema.columns[0].type == .timestamp(.microseconds, utcAdjusted: true))
        guard case .int64(let values) = try reader.readAll().columns[0].storage else {
            Issue.record("timestamps not read as int64")
            return
        }
        #expect(values == [1_700_000_000_123_000, -5_000])
    }

    @Test func writesAFileWithZeroRows() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.appending("empty.parquet")
        let writer = try ParquetWriter(path: path, schema: ParquetSampleData.schema)
        try writer.close()
        let reader = try ParquetReader(path: path)
        #expect(reader.rowCount == 0)
        #expect(try reader.readAll().columns.count == ParquetSampleData.schema.columns.count)
        let described = try ParquetExpectation.decode(Data(try await Python.describeParquet(path).utf8))
        #expect(described.rows == 0)
        #expect(described.columns.map(\.type) == ParquetSampleData.schema.columns.map(\.type.description))
    }
}
