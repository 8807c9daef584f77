import Foundation

/// Runs `python3 -c SCRIPT ARGS...` and fails with its output when it exits non-zero.
/// - Returns: what the script printed.
@discardableResult
func runPython(_ script: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
        throw PythonError(message: "python3 exited with \(process.terminationStatus):\n\(text)")
    }
    return text
}

/// A Python helper script that failed.
struct PythonError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
