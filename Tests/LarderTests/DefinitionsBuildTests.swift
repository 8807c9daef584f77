import Larder
import LarderCore
import LarderTestSupport
import Logging
import Testing

/// Building a repository's Swift definitions: the manifest the program prints, or an error
/// that shows the user the compiler's errors or the program's own output.
@Suite(.serialized) struct DefinitionsBuildTests {
    /// A repository in its own directory (removed when the value goes away).
    struct Repository {
        let directory: TemporaryDirectory
        let store: FeatureStore
    }

    /// A repository whose definitions package `defs` has one executable, `definitions`, with
    /// `main` as its only source file (Foundation only, so it builds in seconds).
    static func repository(main: String) throws -> Repository {
        let directory = try TemporaryDirectory()
        try directory.write(
            "project: p\ndefinitions: {package: defs, product: definitions}\n", to: "feature_store.yaml")
        try directory.write(
            """
            // swift-tools-version:6.1
            import PackageDescription
            let package = Package(name: "defs", targets: [.executableTarget(name: "definitions")])

            """, to: "defs/Package.swift")
        try directory.write(main, to: "defs/Sources/definitions/main.swift")
        return Repository(
            directory: directory, store: try FeatureStore(repositoryPath: directory.path, logger: Logger(label: "test"))
        )
    }

    @Test func theProgramsOutputIsTheManifest() async throws {
        let manifest = FeatureRepository { Entity("user", joinKey: "user_id") }.manifest
        let text = manifest.jsonText()
        let repository = try Self.repository(main: "print(#\"\"\"\n\(text)\n\"\"\"#)\n")
        #expect(try await repository.store.buildManifest() == manifest)
    }

    @Test func aCompileErrorIsShownAsTheCompilerWroteIt() async throws {
        let repository = try Self.repository(main: "let count: Int = \"three\"\n")
        let error = try await #require(throws: DefinitionError.self) { try await repository.store.buildManifest() }
        #expect(error.object.hasPrefix("definitions package"))
        #expect(error.message.hasPrefix("does not build:"))
        #expect(error.message.contains("main.swift:1:"), "\(error.message)")
    }

    @Test func aFailingProgramShowsItsStatusAndStandardError() async throws {
        let main = """
            import Foundation
            FileHandle.standardError.write("no manifest today\\n".data(using: .utf8)!)
            exit(3)

            """
        let repository = try Self.repository(main: main)
        let error = try await #require(throws: DefinitionError.self) { try await repository.store.buildManifest() }
        #expect(error.object == "definitions program 'definitions'")
        #expect(error.message == "exited with status 3:\nno manifest today\n")
    }
}
