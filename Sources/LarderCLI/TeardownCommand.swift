import ArgumentParser
import Foundation
import Larder

/// `larder teardown`: delete the repository's stores.
struct Teardown: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete the offline and online stores of the repository.",
        discussion: """
            Removes the SQLite offline store and the LMDB online store and forgets what was \
            materialized. The definitions in the registry stay; `larder materialize` rebuilds \
            the stores from the source files. Asks for confirmation unless --yes is given.

            Examples:
              larder teardown --repo feature_repo
              larder teardown --repo feature_repo --yes
            """)

    @OptionGroup var options: RepositoryOptions

    @Flag(name: .long, help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let store = try options.openStore()
        if !yes {
            guard isatty(STDIN_FILENO) != 0 else {
                throw CLIError("teardown deletes the stores of \(store.repositoryPath); pass --yes to confirm")
            }
            print("Delete the offline and online stores of \(store.repositoryPath)? [y/N] ", terminator: "")
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                print("Nothing deleted.")
                return
            }
        }
        for path in try store.teardown() {
            print("Deleted \(path)")
        }
    }
}
