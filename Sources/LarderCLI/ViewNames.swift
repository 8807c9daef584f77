import ArgumentParser
import Foundation

/// `--views a,b --views c` (commas, repeats or spaces, like `--features`): the feature views a
/// command works on.
struct ViewNames: ParsableArguments {
    @Option(
        name: .long, parsing: .upToNextOption,
        help: "The feature views, comma-separated (default: all).")
    var views: [String] = []

    /// The names given, or `nil` for every view.
    var names: [String]? {
        let names = views.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        return names.isEmpty ? nil : names
    }

    func validate() throws {
        if views.contains(where: {
            $0.split(separator: ",", omittingEmptySubsequences: false).contains {
                $0.trimmingCharacters(in: .whitespaces).isEmpty
            }
        }) {
            throw ValidationError("--views has an empty view name: '\(views.joined(separator: " "))'")
        }
    }
}
