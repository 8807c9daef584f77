import ArgumentParser

/// `larder version`: print the version (the same as `larder --version`).
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version of larder.",
        discussion: """
            Example:
              larder version
            """)

    func run() {
        print(LarderVersion.current)
    }
}
