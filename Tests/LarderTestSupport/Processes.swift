import Subprocess
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// Runs programs for tests through swift-subprocess: both output streams are read while the
/// program runs (so neither pipe fills and blocks it), without tying up a thread per program.
public enum Processes {
    /// The most a test's program may print on each stream; more is a failure of the test.
    static let outputLimit = 64 << 20

    /// Runs a program to completion.
    /// - Parameters:
    ///   - executable: a path, or a name looked up on `PATH` (such as `python3`).
    ///   - arguments: its arguments.
    ///   - input: what it reads on standard input (nothing when `nil`).
    /// - Returns: how it ended and what it printed; a non-zero exit is not an error here.
    /// - Throws: when the program cannot be started.
    public static func run(
        _ executable: String, _ arguments: [String], input: String? = nil
    ) async throws
        -> ProcessOutput
    {
        let result = try await Subprocess.run(
            Self.executable(executable), arguments: Arguments(arguments), input: .string(input ?? ""),
            output: .string(limit: outputLimit), error: .string(limit: outputLimit))
        return ProcessOutput(
            command: [executable] + arguments, termination: result.terminationStatus,
            standardOutput: result.standardOutput, standardError: result.standardError)
    }

    /// Starts a program, sends it a signal after a delay (if it is still running), and waits
    /// for it to end.
    /// - Parameters:
    ///   - executable: a path, or a name looked up on `PATH`.
    ///   - arguments: its arguments.
    ///   - signal: the signal, such as `SIGKILL`.
    ///   - delay: how long it runs before the signal.
    /// - Returns: how it ended (``ProcessOutput/signal`` is set when the signal ended it); its
    ///   output is discarded.
    /// - Throws: when the program cannot be started, or the signal cannot be sent to a program
    ///   that is still running.
    public static func run(
        _ executable: String, _ arguments: [String], sending signal: Int32, after delay: Duration
    ) async throws -> ProcessOutput {
        let result = try await Subprocess.run(
            Self.executable(executable), arguments: Arguments(arguments), input: .none, output: .discarded,
            error: .discarded
        ) { execution in
            try await Task.sleep(for: delay)
            do {
                try execution.send(signal: Signal(rawValue: signal))
            } catch {
                // A program that already ended cannot be signalled; any other failure is one.
                guard kill(execution.processIdentifier.value, 0) != 0, errno == ESRCH else { throw error }
            }
        }
        return ProcessOutput(
            command: [executable] + arguments, termination: result.terminationStatus, standardOutput: "",
            standardError: "")
    }

    /// The executable for a path (anything with a `/`) or a name on `PATH`.
    private static func executable(_ text: String) -> Executable {
        text.contains("/") ? .path(FilePath(text)) : .name(text)
    }
}

extension ProcessOutput {
    /// Output of a program that ended as `termination` says.
    init(command: [String], termination: TerminationStatus, standardOutput: String, standardError: String) {
        switch termination {
        case .exited(let code):
            self.init(
                command: command, status: code, signal: nil, standardOutput: standardOutput,
                standardError: standardError)
        case .signaled(let code):
            self.init(
                command: command, status: nil, signal: code, standardOutput: standardOutput,
                standardError: standardError)
        }
    }
}
