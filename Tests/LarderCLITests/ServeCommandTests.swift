import Foundation
import LarderTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `larder serve` says where it listens, on what, and how to stop it; a busy port is named.
@Suite(.serialized) struct ServeCommandTests {
    /// Reads standard output of a running process up to the first line break.
    func firstLine(of pipe: Pipe, within seconds: Double) -> String? {
        let handle = pipe.fileHandleForReading
        let deadline = Date().addingTimeInterval(seconds)
        var bytes = Data()
        while Date() < deadline {
            var ready = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 100) > 0 else { continue }
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            bytes.append(chunk)
            if let end = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                return String(decoding: bytes[..<end], as: UTF8.self)
            }
        }
        return nil
    }

    @Test func serveSaysWhereItListensAndABusyPortIsNamed() async throws {
        let repository = try await ManifestRepository().applied()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: LarderExecutable.path)
        server.arguments = ["serve", "--repo", repository.path, "--port", "0"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            if server.isRunning {
                server.terminate()
                server.waitUntilExit()
            }
        }
        let line = try #require(firstLine(of: output, within: 30), "serve printed nothing")
        let pattern =
            #"^Serving 2 feature views and 1 feature service of \#(repository.path) on http://127\.0\.0\.1:(\d+) \(Ctrl-C or SIGTERM stops it\)$"#
        let match = try #require(line.range(of: pattern, options: .regularExpression), "\(line)")
        let port = try #require(line[match].split(separator: ":").last?.split(separator: " ").first.map(String.init))
        #expect(Int(port) ?? 0 > 0)

        let second = try await LarderExecutable.run(["serve", "--repo", repository.path, "--port", port])
        #expect(second.status == 1)
        #expect(
            second.standardError.contains(
                "error: port \(port) on 127.0.0.1 is in use (another `larder serve`?); choose another with --port"),
            "\(second.standardError)")
        #expect(!second.standardError.contains("errno"))

        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
    }

    @Test func uiServesTheConsoleAndNoFeatures() async throws {
        let repository = try await ManifestRepository().applied()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: LarderExecutable.path)
        server.arguments = ["ui", "--repo", repository.path, "--port", "0"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            if server.isRunning {
                server.terminate()
                server.waitUntilExit()
            }
        }
        let line = try #require(firstLine(of: output, within: 30), "ui printed nothing")
        let pattern =
            #"^Serving the console \(http://127\.0\.0\.1:(\d+)/ui\) for 2 feature views and 1 feature service"#
        let match = try #require(line.range(of: pattern, options: .regularExpression), "\(line)")
        let port = try #require(line[match].split(separator: ":").last?.split(separator: "/").first.map(String.init))
        let base = "http://127.0.0.1:\(port)"
        let page = try await Processes.run("curl", ["-s", "-w", "\n%{http_code}", base + "/ui/feature-views"])
        #expect(page.standardOutput.contains("<h1>Feature views</h1>"), "\(page)")
        #expect(page.standardOutput.hasSuffix("\n200"), "\(page)")
        let read = try await Processes.run(
            "curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-d", "{}", base + "/get-online-features"])
        #expect(read.standardOutput == "404", "\(read)")
        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
    }
}
