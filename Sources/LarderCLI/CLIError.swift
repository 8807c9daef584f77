/// A user error found while a command runs: printed as one line, exit code 1, no usage text.
struct CLIError: Error, CustomStringConvertible {
    /// What is wrong, naming the argument, file or key.
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
