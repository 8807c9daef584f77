import ArgumentParser
import LarderCore
import LarderFormats

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `larder cat`: prints a CSV or Parquet file's schema or rows.
struct Cat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat",
        abstract: "Print a CSV or Parquet file's schema or rows.",
        discussion: """
            Without a format flag, rows are shown as an aligned table (the first \(Cat.defaultTableRows) \
            unless --limit says otherwise). --jsonl prints one JSON object per row: integers as \
            JSON integers, floats in shortest round-trip form (NaN and infinities as null), \
            timestamps as RFC 3339 in UTC with the stored unit's fraction digits, dates as \
            YYYY-MM-DD, bytes as base64, lists as arrays. --csv prints RFC 4180 CSV. CSV column \
            types are inferred from the first rows. Files other than .csv and Parquet files are \
            refused.

            Examples:
              larder cat data/payments.parquet
              larder cat data/payments.parquet --schema
              larder cat events.csv --jsonl --columns user_id,event_timestamp --limit 5
              larder cat events.parquet --csv > events.csv
            """
    )

    /// How rows are printed.
    enum RowFormat: String, EnumerableFlag {
        case table, jsonl, csv

        static func help(for value: RowFormat) -> ArgumentHelp? {
            switch value {
            case .table: "Print rows as an aligned table (the default)."
            case .jsonl: "Print one JSON object per row."
            case .csv: "Print rows as CSV with a header row."
            }
        }
    }

    /// Rows the table shows when no limit is given.
    static let defaultTableRows = 20

    @Argument(help: "The CSV or Parquet file to print.")
    var file: String

    @Flag(help: "Print the columns (name, type, nullable) instead of rows.")
    var schema = false

    @Flag
    var format: RowFormat = .table

    @Option(help: "Only these columns, comma-separated, in this order.")
    var columns: String?

    @Option(help: "Print at most this many rows.")
    var limit: Int?

    /// The column names asked for, or `nil` for all.
    var columnList: [String]? {
        columns.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more, not \(limit)") }
        if let names = columnList, names.contains(where: \.isEmpty) {
            throw ValidationError("--columns has an empty column name: '\(columns ?? "")'")
        }
    }

    func run() throws {
        var output = StandardOutput()
        do {
            try write { output.append($0) }
            output.flush()
        } catch let error as FormatError {
            output.flush()
            StandardOutput.writeError("error: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// Opens the file and hands the text to print to `emit`, piece by piece.
    /// - Parameter emit: receives UTF-8 text.
    /// - Throws: ``FormatError`` when the file cannot be read.
    func write(_ emit: ([UInt8]) -> Void) throws {
        let name = file.split(separator: "/").last ?? ""
        let suffix = name.contains(".") ? name.split(separator: ".").last?.lowercased() ?? "" : ""
        if !["csv", "parquet", "pq"].contains(suffix), try TableFiles.sniffFormat(path: file) != .parquet {
            throw FormatError(file: file, "not a CSV or Parquet file; cat prints .csv files and Parquet files")
        }
        let reader = try TableFiles.openReader(path: file)
        if schema {
            emit(Array(try schemaTable(reader.schema, columns: columnList).rendered().utf8))
            return
        }
        switch format {
        case .table: try writeTable(reader, emit)
        case .jsonl: try writeJSONLines(reader, emit)
        case .csv: try writeCSV(reader, emit)
        }
    }
}
