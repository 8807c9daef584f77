import ArgumentParser
import LarderCore

/// A verb that is not a command (`larder materialise …`, `larder entities lst`), found
/// before parsing so the answer is "unknown command, did you mean …" rather than a
/// complaint about unexpected arguments.
struct UnknownCommand {
    /// What to tell the user.
    var message: String

    /// Checks the leading words of a command line against the command tree.
    /// - Parameters:
    ///   - arguments: the arguments after the program name.
    ///   - root: the root command.
    /// - Returns: `nil` when every leading word names a command (or an option or argument
    ///   follows), else the unknown verb with the closest known one.
    init?(arguments: [String], root: any ParsableCommand.Type) {
        var command = root
        var path = [root.configuration.commandName ?? "larder"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-") else { return nil }
            let names = subcommands.map(Self.name(of:)) + ["help"]
            guard let next = subcommands.first(where: { Self.name(of: $0) == word }) else {
                if word == "help" { return nil }
                let suggestion = Spelling.closest(to: word, among: names).map { " did you mean '\($0)'?" } ?? ""
                let listing = path.joined(separator: " ") + " --help"
                message =
                    "unknown command '\(path.dropFirst().joined(separator: " ") + (path.count > 1 ? " " : "") + word)';"
                    + "\(suggestion) (`\(listing)` lists the commands)"
                return
            }
            command = next
            path.append(word)
        }
        return nil
    }

    /// The name a command is invoked by.
    static func name(of command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? command._commandName
    }
}
