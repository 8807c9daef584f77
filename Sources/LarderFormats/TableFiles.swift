public import LarderCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens table files of any supported format, chosen by extension or by content.
public enum TableFiles {
    /// Opens a table file for reading.
    /// - Parameters:
    ///   - path: the file.
    ///   - format: the format; `nil` to take it from the extension (`.csv`, `.parquet`,
    ///     `.pq`) or, for other names, from the content (Parquet files start with `PAR1`;
    ///     anything else is read as CSV).
    ///   - declaredTypes: column types for CSV files (Parquet files carry their own).
    /// - Returns: a reader.
    /// - Throws: ``FormatError`` when the file cannot be opened or is not a valid file of
    ///   its format.
    public static func openReader(
        path: String, format: FileFormat? = nil, declaredTypes: [String: ColumnType]? = nil
    ) throws -> any TableReader {
        switch try format ?? FileFormat(path: path) ?? sniffFormat(path: path) {
        case .csv: return try CSVReader(path: path, declaredTypes: declaredTypes)
        case .parquet: return try ParquetReader(path: path)
        }
    }

    /// Creates a table file for writing; it appears at `path` when the writer is closed.
    /// - Parameters:
    ///   - path: where the file goes.
    ///   - schema: its columns.
    ///   - format: the format; `nil` to take it from the extension.
    /// - Returns: a writer.
    /// - Throws: ``FormatError`` when the format cannot be told or the file cannot be created.
    public static func openWriter(
        path: String, schema: TableSchema, format: FileFormat? = nil
    ) throws -> any TableWriter {
        guard let chosen = format ?? FileFormat(path: path) else {
            throw FormatError(
                file: path, "cannot tell the format from the file name; name it .csv or .parquet, or choose a format")
        }
        switch chosen {
        case .csv: return try CSVWriter(path: path, schema: schema)
        case .parquet: return try ParquetWriter(path: path, schema: schema)
        }
    }

    /// The format of a file judged by its first bytes: Parquet when it starts with `PAR1`,
    /// CSV otherwise.
    /// - Parameter path: the file.
    /// - Returns: the format.
    /// - Throws: ``FormatError`` when the file cannot be read.
    public static func sniffFormat(path: String) throws(FormatError) -> FileFormat {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FormatError(file: path, "cannot open: \(currentSystemErrorText())") }
        defer { close(descriptor) }
        var magic: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let count = withUnsafeMutableBytes(of: &magic) { read(descriptor, $0.baseAddress, 4) }
        guard count >= 0 else { throw FormatError(file: path, "cannot read: \(currentSystemErrorText())") }
        return count == 4 && magic == (0x50, 0x41, 0x52, 0x31) ? .parquet : .csv
    }
}
