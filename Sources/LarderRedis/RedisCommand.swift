/// One command to send: its arguments as bytes, the first being the command name.
struct RedisCommand: Sendable {
    /// The arguments, command name first.
    var arguments: [[UInt8]]

    /// Creates a command from arguments given as bytes.
    /// - Parameter arguments: the arguments, command name first.
    init(_ arguments: [[UInt8]]) {
        self.arguments = arguments
    }

    /// Creates a command from text arguments.
    /// - Parameter arguments: the arguments, command name first.
    init(_ arguments: String...) {
        self.arguments = arguments.map { Array($0.utf8) }
    }

    /// The command name, for messages.
    var name: String { String(decoding: arguments.first ?? [], as: UTF8.self) }
}
