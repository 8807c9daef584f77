import Foundation
import Testing

/// Runs the built `larder` executable.
struct LarderProcess {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// The `larder` binary next to the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("larder")
    }

    static func run(_ arguments: [String]) throws -> Result {
        try run(program: executable, arguments, input: nil)
    }

    /// Runs a program with `input` on its standard input (empty input when `nil`).
    static func run(program: URL, _ arguments: [String], input: String?) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        // Drain standard error on another thread so neither pipe can fill and block the child.
        nonisolated(unsafe) var err = Data()
        let drained = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            err = error.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            error: String(decoding: err, as: UTF8.self))
    }
}

@Suite(.serialized) struct CLITests {
    @Test func initApplyAndListEndToEnd() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("larder-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let repo = directory.appendingPathComponent("fraud").path

        let initialized = try LarderProcess.run(["init", repo])
        #expect(initialized.status == 0, "\(initialized.error)")
        #expect(FileManager.default.fileExists(atPath: repo + "/data/user_stats.csv"))

        let planned = try LarderProcess.run(["plan", "--repo", repo])
        #expect(planned.status == 0, "\(planned.error)")
        #expect(planned.output.contains("Would create feature view 'user_transaction_stats'"))
        // The first build of the definitions takes seconds: it is announced, later runs are not.
        #expect(planned.error.hasPrefix("Building the definitions in \(repo) for the first time (10-20 s;"), "\(planned.error)")
        #expect(!FileManager.default.fileExists(atPath: repo + "/.larder/registry.json"))

        let applied = try LarderProcess.run(["apply", "--repo", repo])
        #expect(applied.status == 0, "\(applied.error)")
        #expect(applied.output.contains("Created feature service 'fraud_detection_v1'"))
        #expect(!applied.error.contains("Building the definitions"))
        // The definitions resolve Larder's LarderCore package alone: no remote package is checked out.
        let checkouts = (try? FileManager.default.contentsOfDirectory(atPath: repo + "/.build/checkouts")) ?? []
        #expect(checkouts.isEmpty, "the definitions package resolved \(checkouts)")

        let again = try LarderProcess.run(["apply", "--repo", repo])
        #expect(again.output.contains("No changes to the registry."))

        let listed = try LarderProcess.run(["feature-views", "list", "--json", "--repo", repo])
        #expect(listed.status == 0)
        let views = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect(views.compactMap { $0["name"] as? String } == ["user_transaction_stats", "merchant_stats"])

        let manifestFile = directory.appendingPathComponent("manifest.json").path
        let dumped = try LarderProcess.run(["registry-dump", "--repo", repo])
        let registry = try #require(try JSONSerialization.jsonObject(with: Data(dumped.output.utf8)) as? [String: Any])
        let manifest = try JSONSerialization.data(withJSONObject: try #require(registry["manifest"]))
        try manifest.write(to: URL(fileURLWithPath: manifestFile))
        let fromFile = try LarderProcess.run(["apply", "--repo", repo, "--manifest", manifestFile])
        #expect(fromFile.output.contains("No changes to the registry."), "\(fromFile.error)")

        let teardown = try LarderProcess.run(["teardown", "--repo", repo])
        #expect(teardown.status != 0)
        #expect(teardown.error.contains("--yes"))
    }

    @Test func userErrorsAreOneLineOnStandardErrorWithNonZeroExit() throws {
        let missing = try LarderProcess.run(["apply", "--repo", "/nonexistent/repo"])
        #expect(missing.status != 0)
        #expect(missing.error.contains("feature_store.yaml"))
        #expect(missing.output.isEmpty)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("larder-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "project: p\nonline_store: {type: redis}\n".write(
            to: directory.appendingPathComponent("feature_store.yaml"), atomically: true, encoding: .utf8)
        let badConfig = try LarderProcess.run(["plan", "--repo", directory.path])
        #expect(badConfig.status != 0)
        #expect(badConfig.error.contains("online_store.type"))
        #expect(!badConfig.error.contains("Fatal"))
    }

    @Test func everyVerbHasHelpWithExamples() throws {
        for verb in ["init", "apply", "plan", "registry-dump", "teardown"] {
            let help = try LarderProcess.run([verb, "--help"])
            #expect(help.status == 0)
            #expect(help.output.contains("Example"), "\(verb) --help has no example")
        }
    }
}
