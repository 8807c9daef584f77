import Foundation
import LarderCore
import Logging

/// Builds a repository's Swift definitions and runs them to obtain the manifest.
struct DefinitionsBuilder {
    /// The Swift package holding the definitions.
    var packagePath: String
    /// The executable product that prints the manifest.
    var product: String
    var logger: Logger

    /// Builds (incrementally) and runs the definitions.
    /// - Returns: the manifest they print.
    /// - Throws: ``DefinitionError`` with the compiler's or program's output when either fails.
    func manifest() throws -> Manifest {
        guard FileManager.default.fileExists(atPath: (packagePath as NSString).appendingPathComponent("Package.swift")) else {
            throw DefinitionError(
                object: "definitions package '\(packagePath)'",
                "has no Package.swift; set definitions.package in feature_store.yaml or pass --manifest FILE")
        }
        let started = Date()
        let build = try Subprocess.run(["swift", "build", "--package-path", packagePath, "--product", product])
        guard build.status == 0 else {
            let output = String(decoding: build.standardOutput, as: UTF8.self) + build.standardError
            let errors = output.split(separator: "\n").filter { $0.contains("error:") }
            throw DefinitionError(
                object: "definitions package '\(packagePath)'",
                "does not build:\n" + (errors.isEmpty ? output : errors.joined(separator: "\n")))
        }
        logger.debug("built definitions", metadata: ["duration.seconds": "\(Date().timeIntervalSince(started))"])
        let binary = URL(fileURLWithPath: packagePath).appendingPathComponent(".build/debug/\(product)").path
        let run = try Subprocess.run([binary], in: packagePath)
        guard run.status == 0 else {
            throw DefinitionError(
                object: "definitions program '\(product)'", "exited with status \(run.status):\n\(run.standardError)")
        }
        return try Manifest.decode(from: run.standardOutput)
    }
}
