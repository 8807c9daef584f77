import ArgumentParser
import Foundation

/// `larder init DIR`: a new repository holding the fraud-detection example.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a feature repository with the fraud-detection example.",
        discussion: """
            Writes feature_store.yaml, the Swift definitions (definitions/main.swift and \
            Package.swift), and small generated CSV files under data/. The new repository's \
            Package.swift points at this Larder checkout, so it builds wherever it is created.

            Examples:
              larder init fraud_repo
              larder init fraud_repo && larder apply --repo fraud_repo
            """)

    @Argument(help: "The directory to create (must not exist, or be empty).")
    var directory: String

    @Option(
        name: .long,
        help:
            "The Larder package checkout the definitions build against (default: LARDER_PACKAGE_PATH, else the checkout this larder was built from)."
    )
    var larderPath: String?

    func run() throws {
        let larder = try ExampleRepository.larderCheckout(explicit: larderPath)
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let files = FileManager.default
        if let contents = try? files.contentsOfDirectory(atPath: target.path), !contents.isEmpty {
            throw CLIError("\(target.path) already exists and is not empty")
        }
        try ExampleRepository(larderCheckout: larder).write(to: target)
        try ExampleData(seed: 42).write(to: target.appendingPathComponent("data"))
        print(
            """
            Created a feature repository in \(target.path):
              feature_store.yaml        project settings
              definitions/main.swift    entities, feature views and the fraud_detection_v1 service
              data/                     example payments and merchant profiles
            Next: larder apply --repo \(directory)
            """)
    }
}
