/// How a program run by a test ended, and what it printed.
public struct ProcessOutput: Sendable, CustomStringConvertible {
    /// The command line, for messages.
    public var command: [String]
    /// The exit status, or `nil` when a signal ended the program.
    public var status: Int32?
    /// The signal that ended the program, or `nil` when it exited.
    public var signal: Int32?
    /// What it wrote to standard output (UTF-8).
    public var standardOutput: String
    /// What it wrote to standard error (UTF-8).
    public var standardError: String

    /// Whether it exited with status 0.
    public var succeeded: Bool { status == 0 }

    /// Whether it exited with a non-zero status, as a program reporting an error does (rather
    /// than crashing or being killed).
    public var exitedNonZero: Bool { status.map { $0 != 0 } ?? false }

    /// This output when the program exited with status 0.
    /// - Returns: the output.
    /// - Throws: ``ProcessFailure`` with what the program printed otherwise.
    public func checked() throws -> ProcessOutput {
        guard succeeded else { throw ProcessFailure(output: self) }
        return self
    }

    /// The command, how it ended and what it printed, for a test's failure message.
    public var description: String {
        let ending = status.map { "exited with status \($0)" } ?? "was ended by signal \(signal ?? 0)"
        return "`\(command.joined(separator: " "))` \(ending)\n--- standard error\n\(standardError)"
            + "--- standard output\n\(standardOutput)"
    }
}

/// A program that did not exit with status 0.
public struct ProcessFailure: Error, CustomStringConvertible {
    /// How it ended and what it printed.
    public var output: ProcessOutput

    /// The command, how it ended and what it printed.
    public var description: String { output.description }
}
