import Foundation
import LarderCore
import Logging
import Subprocess
import SystemPackage

/// Builds a repository's Swift definitions and runs them to obtain the manifest.
struct DefinitionsBuilder {
    /// The Swift package holding the definitions.
    var packagePath: String
    /// The executable product that prints the manifest.
    var product: String
    var logger: Logger

    /// The most the compiler or the definitions program may print on one stream. A manifest
    /// of thousands of views is a few megabytes.
    static let outputLimit = 256 << 20

    /// Builds (incrementally) and runs the definitions.
    /// - Returns: the manifest they print.
    /// - Throws: ``DefinitionError`` with the compiler's or program's output when either fails
    ///   or cannot be started.
    func manifest() async throws -> Manifest {
        guard FileManager.default.fileExists(atPath: (packagePath as NSString).appendingPathComponent("Package.swift"))
        else {
            throw DefinitionError(
                object: "definitions package '\(packagePath)'",
                "has no Package.swift; set definitions.package in feature_store.yaml or pass --manifest FILE")
        }
        let clock = ContinuousClock()
        let started = clock.now
        let build = try await run(
            .name("swift"), ["build", "--package-path", packagePath, "--product", product], in: nil,
            object: "definitions package '\(packagePath)'")
        guard build.terminationStatus.isSuccess else {
            let output = String(decoding: build.standardOutput, as: UTF8.self) + build.standardError
            let errors = output.split(separator: "\n").filter { $0.contains("error:") }
            throw DefinitionError(
                object: "definitions package '\(packagePath)'",
                "does not build:\n" + (errors.isEmpty ? output : errors.joined(separator: "\n")))
        }
        logger.debug("built definitions", metadata: ["duration.seconds": "\((clock.now - started).seconds)"])
        let binary = URL(fileURLWithPath: packagePath).appendingPathComponent(".build/debug/\(product)").path
        let run = try await run(
            .path(FilePath(binary)), [], in: packagePath, object: "definitions program '\(product)'")
        guard run.terminationStatus.isSuccess else {
            throw DefinitionError(
                object: "definitions program '\(product)'", "\(run.terminationStatus.ending):\n\(run.standardError)")
        }
        return try Manifest.decode(from: Data(run.standardOutput))
    }

    /// Runs a program to completion, with no input, collecting what it prints.
    /// - Throws: ``DefinitionError`` naming `object` when it cannot be started or prints too much.
    private func run(
        _ executable: Executable, _ arguments: [String], in directory: String?, object: String
    ) async throws -> ExecutionResult<Void, BytesOutput, StringOutput<UTF8>> {
        do {
            return try await Subprocess.run(
                executable, arguments: Arguments(arguments), workingDirectory: directory.map { FilePath($0) },
                output: .bytes(limit: Self.outputLimit), error: .string(limit: Self.outputLimit))
        } catch {
            throw DefinitionError(object: object, "cannot be run: \(error)")
        }
    }
}

extension TerminationStatus {
    /// How the program ended, for a message: `exited with status 1`, `was ended by signal 9`.
    fileprivate var ending: String {
        switch self {
        case .exited(let code): "exited with status \(code)"
        case .signaled(let signal): "was ended by signal \(signal)"
        }
    }
}

extension Duration {
    /// The duration in seconds, with its fraction.
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
