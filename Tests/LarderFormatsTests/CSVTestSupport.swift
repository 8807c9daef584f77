import Foundation
import Testing

@testable import LarderFormats

/// A temporary directory for one test, removed when the value is released.
final class CSVScratchDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/larder-csv-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `contents` (UTF-8) to a file in the directory and returns its path.
    func file(_ name: String, _ contents: String) throws -> String {
        try bytesFile(name, Array(contents.utf8))
    }

    /// Writes bytes to a file in the directory and returns its path.
    func bytesFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let filePath = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: filePath))
        return filePath
    }

    /// The names of the files in the directory.
    func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

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

/// Runs `python3` with a script and arguments; returns its standard output.
func runPython(_ script: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw PythonFailure(message: String(decoding: errorData, as: UTF8.self))
    }
    return String(decoding: data, as: UTF8.self)
}

struct PythonFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "python3 failed: \(message)" }
}

