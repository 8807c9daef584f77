import Foundation

/// The built `larder` command-line tool, run as a user runs it.
public enum LarderExecutable {
    /// The `larder` binary, built next to the test bundle (`.build/debug/larder`).
    public static var path: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("larder").path
    }

    /// Runs `larder ARGUMENTS...` to completion.
    /// - Parameter arguments: the command line after `larder`.
    /// - Returns: how it ended and what it printed.
    /// - Throws: when it cannot be started.
    public static func run(_ arguments: [String]) async throws -> ProcessOutput {
        try await Processes.run(path, arguments)
    }

    /// Runs `larder ARGUMENTS...` and sends it a signal after a delay, as an operator's
    /// `kill` would in the middle of a run.
    /// - Parameters:
    ///   - arguments: the command line after `larder`.
    ///   - signal: the signal, such as `SIGKILL`.
    ///   - delay: how long it runs first.
    /// - Returns: how it ended.
    /// - Throws: when it cannot be started or signalled.
    public static func run(
        _ arguments: [String], sending signal: Int32, after delay: Duration
    ) async throws
        -> ProcessOutput
    {
        try await Processes.run(path, arguments, sending: signal, after: delay)
    }
}
