import Larder
import LarderCore

/// Turns `--request amount=12.5,timestamp=2024-05-06T07:08:09Z` rows into typed request-data
/// columns for the on-demand features of a read.
struct RequestRowParser {
    /// The request fields the read's on-demand features need, with their types.
    var fields: [RequestField]

    /// The columns: one `--request` per entity row, or one for every row.
    /// - Parameters:
    ///   - rows: the `--request` arguments.
    ///   - rowCount: the number of entity rows.
    /// - Returns: a column per named field.
    /// - Throws: ``CLIError`` naming an unknown field, text that is not of the field's type,
    ///   or a number of rows that matches neither 1 nor the entity rows.
    func columns(from rows: [String], rowCount: Int) throws -> [EntityColumn] {
        guard rows.isEmpty || rows.count == 1 || rows.count == rowCount else {
            throw CLIError("give one --request for all \(rowCount) --entity rows, or one per row (got \(rows.count))")
        }
        var names: [String] = []
        var columns: [String: [Value]] = [:]
        for row in rows {
            for pair in row.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw CLIError("--request '\(row)': expected name=value") }
                guard let field = fields.first(where: { $0.name == parts[0] }) else {
                    throw CLIError(
                        "--request '\(row)': '\(parts[0])' is not a request field of the features read"
                            + (fields.isEmpty
                                ? " (they need none)" : " (they need \(fields.map(\.name).joined(separator: ", ")))"))
                }
                guard let value = RequestValues.parse(parts[1], as: field.type) else {
                    throw CLIError(
                        "--request '\(row)': request field '\(field.name)' is \(field.type); '\(parts[1])' is not")
                }
                if columns[field.name] == nil { names.append(field.name) }
                columns[field.name, default: []].append(value)
            }
        }
        return names.map { name in
            let values = columns[name] ?? []
            return EntityColumn(
                name: name, values: values.count == 1 ? Array(repeating: values[0], count: rowCount) : values)
        }
    }
}
