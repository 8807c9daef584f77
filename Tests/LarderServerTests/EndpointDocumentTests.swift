import Foundation
import HTTPTypes
@testable import LarderServer
import Testing

/// Every route the server registers is in docs/openapi.yaml with its method, and the document
/// lists no other, so a new route joins the contract (and tools/api_contract.py's run).
@Suite struct EndpointDocumentTests {
    /// The `(method, path)` operations of the document's `paths:` section: a path at two
    /// spaces of indentation, its methods at four.
    static func documentedOperations() throws -> Set<String> {
        let document = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/openapi.yaml")
        let lines = try String(contentsOf: document, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let methods: Set<Substring> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var operations: Set<String> = []
        var inPaths = false
        var path: Substring?
        for line in lines {
            if !line.hasPrefix(" ") { inPaths = line == "paths:" }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = line.dropFirst(2).dropLast()
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"),
                methods.contains(line.dropFirst(4).dropLast()), let path
            {
                operations.insert("\(line.dropFirst(4).dropLast().uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test func theDocumentListsEveryEndpointAndNoOther() throws {
        let served = Set(Endpoint.allCases.map { "\($0.method.rawValue) \($0.path)" })
        let documented = try Self.documentedOperations()
        #expect(!documented.isEmpty)
        #expect(served == documented)
    }
}
