import LarderCore
import LarderFormats

extension FeatureStore {
    /// How many rows of a CSV source `apply` and `plan` parse with the declared types. The
    /// header and these rows are read (milliseconds); a bad value further down is reported by
    /// `ingest` and `materialize` with its line.
    public static let csvSampleRows = 1_000

    /// Parses the header and the first ``csvSampleRows`` rows of a view's CSV source with the
    /// types the definitions declare, so a column that cannot hold its declared type (a
    /// feature declared `int64` holding `online`) fails at apply, as a Parquet file's would.
    /// - Parameters:
    ///   - view: the view.
    ///   - file: its source file, a CSV file whose header has every declared column.
    ///   - keys: the view's join keys.
    /// - Returns: the first bad value, as an error naming the view's field, the file, the line
    ///   and the column; empty when the sample parses.
    func csvSampleErrors(view: FeatureView, file: FileSource, keys: [JoinKey]) -> [DefinitionError] {
        var fields: [(column: String, type: ColumnType, field: String)] = [
            (file.timestampField, .timestamp(.microseconds, utcAdjusted: true), "source.timestamp_field")
        ]
        if let created = file.createdTimestampColumn {
            fields.append((created, .timestamp(.microseconds, utcAdjusted: true), "source.created_timestamp_column"))
        }
        fields += keys.map { (file.sourceColumn(for: $0.name), ColumnType($0.type), "entities") }
        fields += view.storedColumns.enumerated().map { index, feature in
            (file.sourceColumn(for: feature.name), ColumnType(feature.type), Self.member(of: view, column: index))
        }
        let declared = Dictionary(fields.map { ($0.column, $0.type) }, uniquingKeysWith: { first, _ in first })
        do {
            let reader = try CSVReader(
                path: path(of: file), declaredTypes: declared, batchSize: Self.csvSampleRows,
                inferenceRows: Self.csvSampleRows)
            try reader.forEachBatch(columns: Array(declared.keys)) { _ in throw SampleRead() }
        } catch is SampleRead {
            return []
        } catch let error as FormatError {
            let field = fields.first { $0.column == error.column }?.field ?? "source"
            return [
                DefinitionError(
                    object: "feature view '\(view.name)'", field: field,
                    "\(error) (apply parses the header and the first \(Self.csvSampleRows) rows; "
                        + "`larder ingest` reports a bad value further down with its line)")
            ]
        } catch {
            return [DefinitionError(object: "feature view '\(view.name)'", field: "source", "\(error)")]
        }
        return []
    }
}

extension FeatureStore {
    /// The definition member a stored column comes from: `features[i]`, or for an aggregation
    /// view the first aggregation reading the event column.
    static func member(of view: FeatureView, column index: Int) -> String {
        guard let aggregations = view.aggregations else { return "features[\(index)]" }
        let name = view.storedColumns[index].name
        return "aggregations[\(aggregations.firstIndex { $0.column == name } ?? index)].column"
    }
}

/// Stops reading a CSV source after its first batch.
private struct SampleRead: Error {}
