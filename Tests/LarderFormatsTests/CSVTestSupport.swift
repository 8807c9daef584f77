import Foundation
import Testing

@testable import LarderFormats

/// Reads a CSV file whose every column is declared `string`, as rows of optional strings.
func readStrings(_ path: String, chunkSize: Int = 1 << 22) throws -> [[String?]] {
    let header = try CSVReader(path: path, inferenceRows: 0).schema.columns.map(\.name)
    let reader = try CSVReader(
        path: path, declaredTypes: Dictionary(uniqueKeysWithValues: header.map { ($0, ColumnType.string) }),
        batchSize: 3, inferenceRows: 0, chunkSize: chunkSize)
    return try rows(of: reader.readAll())
}

/// The rows of a batch as values.
func rows(of batch: ColumnBatch) -> [[String?]] {
    (0..<batch.rowCount).map { row in
        batch.columns.map { column in
            if column.isNull(at: row) { return nil }
            if case .string(let text) = column.value(at: row) { return text }
            return "\(column.value(at: row))"
        }
    }
}

/// The error a throwing call raised, as a `FormatError`.
func formatError(_ body: () throws -> Void) -> FormatError? {
    do {
        try body()
        return nil
    } catch let error as FormatError {
        return error
    } catch {
        Issue.record("expected a FormatError, got \(error)")
        return nil
    }
}
