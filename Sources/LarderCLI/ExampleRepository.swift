import ArgumentParser
import Foundation

/// The files of the example repository, taken from `feature_repo/` of a Larder checkout.
struct ExampleRepository {
    /// The Larder package checkout (holds Package.swift and feature_repo/).
    var larderCheckout: URL

    /// The text in feature_repo/Package.swift that locates Larder relative to the repository;
    /// a new repository gets the checkout's absolute path instead.
    static let relativeLocation = "URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().path"

    /// Finds the Larder checkout: the explicit path, else `LARDER_PACKAGE_PATH`, else the
    /// checkout this program was built from.
    static func larderCheckout(explicit: String?) throws -> URL {
        let builtFrom = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidate =
            explicit.map { URL(fileURLWithPath: $0) }
            ?? ProcessInfo.processInfo.environment["LARDER_PACKAGE_PATH"].map { URL(fileURLWithPath: $0) }
            ?? builtFrom
        let example = candidate.appendingPathComponent("feature_repo/definitions/main.swift")
        guard FileManager.default.fileExists(atPath: example.path) else {
            throw CLIError(
                "no Larder checkout at \(candidate.path) (expected feature_repo/definitions/main.swift); pass --larder-path or set LARDER_PACKAGE_PATH"
            )
        }
        return candidate.standardizedFileURL
    }

    /// Writes the repository's files into `target`.
    func write(to target: URL) throws {
        let source = larderCheckout.appendingPathComponent("feature_repo")
        let files = FileManager.default
        try files.createDirectory(at: target.appendingPathComponent("definitions"), withIntermediateDirectories: true)
        for name in ["feature_store.yaml", "definitions/main.swift", ".gitignore"] {
            let destination = target.appendingPathComponent(name)
            try? files.removeItem(at: destination)
            try files.copyItem(at: source.appendingPathComponent(name), to: destination)
        }
        let manifest = try String(contentsOf: source.appendingPathComponent("Package.swift"), encoding: .utf8)
        guard manifest.contains(Self.relativeLocation) else {
            throw CLIError("\(source.path)/Package.swift does not locate Larder the expected way")
        }
        let absolute = manifest.replacingOccurrences(of: Self.relativeLocation, with: "\"\(larderCheckout.path)\"")
        try absolute.write(to: target.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    }
}
