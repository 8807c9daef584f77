public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A `redis-server` the test starts itself: on 127.0.0.1, on a free port, in a temporary
/// directory, without persistence (`--save ''`). A watchdog shell stops it when the test
/// process ends, so no server outlives the tests; it is also stopped when released.
public final class RedisServer: Sendable {
    /// The port it listens on.
    public let port: Int
    /// Its working directory (the cluster's `nodes.conf`, its log).
    public let directory: TemporaryDirectory
    /// The server's process id.
    public let processID: Int32

    /// A standalone server shared by every test of the process; tests keep apart by key prefix.
    public static let shared: Result<RedisServer, any Error> = Result { try RedisServer() }

    /// Starts a server and waits until it answers `PING`.
    /// - Parameters:
    ///   - extraArguments: more `redis-server` options, such as cluster mode.
    ///   - fixedPort: the port to listen on, or `nil` for a free one.
    /// - Throws: ``RedisServerError`` when `redis-server` is missing or does not start.
    public init(extraArguments: [String] = [], port fixedPort: Int? = nil) throws {
        guard let binary = Self.find("redis-server"), Self.find("redis-cli") != nil else {
            throw RedisServerError(
                message: "redis-server and redis-cli must be on PATH (install them with tools/install-deps.sh)")
        }
        directory = try TemporaryDirectory()
        var lastError = ""
        for _ in 0..<5 {
            let port = try fixedPort ?? Self.freePort()
            let pidFile = directory.appending("redis-\(port).pid")
            let arguments =
                [
                    "--port", "\(port)", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--dir", directory.path, "--pidfile", pidFile, "--logfile",
                    directory.appending("redis-\(port).log"),
                ] + extraArguments
            // The watchdog polls the test process and stops the server when it is gone.
            let watchdog = """
                "$0" "$@" & server=$!
                while kill -0 \(getpid()) 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 0.5; done
                kill -9 $server 2>/dev/null
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", watchdog, binary] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if let pid = Self.waitForStart(port: port, pidFile: pidFile) {
                self.port = port
                processID = pid
                return
            }
            lastError = (try? String(contentsOfFile: directory.appending("redis-\(port).log"), encoding: .utf8)) ?? ""
        }
        throw RedisServerError(message: "redis-server did not start: \(lastError.suffix(500))")
    }

    deinit {
        kill(processID, SIGCONT)
        kill(processID, SIGKILL)
    }

    /// Kills the server (`SIGKILL`, its data is lost) and starts a new one on the same port.
    /// - Returns: the new server.
    /// - Throws: ``RedisServerError`` when it does not start.
    public func restarted() throws -> RedisServer {
        kill(processID, SIGCONT)
        kill(processID, SIGKILL)
        // A killed process holds no socket, even before its parent reaps it.
        usleep(100_000)
        return try RedisServer(port: port)
    }

    /// `redis://127.0.0.1:<port>`.
    public var connectionString: String { "redis://127.0.0.1:\(port)" }

    /// Freezes the server (`SIGSTOP`): connections stay open but nothing answers, as with a
    /// hung machine.
    public func pause() { kill(processID, SIGSTOP) }

    /// Lets a paused server run again (`SIGCONT`).
    public func resume() { kill(processID, SIGCONT) }

    /// Runs `redis-cli` against the server.
    /// - Parameter arguments: the command and its arguments.
    /// - Returns: what it printed.
    /// - Throws: ``RedisServerError`` when it fails.
    @discardableResult
    public func cli(_ arguments: [String]) throws -> String {
        try Self.run("redis-cli", ["-h", "127.0.0.1", "-p", "\(port)"] + arguments)
    }

    /// Runs a program (such as `redis-cli`) to completion.
    /// - Parameters:
    ///   - name: the program, looked up on `PATH`.
    ///   - arguments: its arguments.
    /// - Returns: what it printed on both streams.
    /// - Throws: ``RedisServerError`` when it exits with a failure.
    @discardableResult
    public static func run(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: find(name) ?? name)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw RedisServerError(message: "\(name) \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    /// Waits up to 10 seconds for the server to answer and write its pid file.
    private static func waitForStart(port: Int, pidFile: String) -> Int32? {
        for _ in 0..<100 {
            usleep(100_000)
            guard let reply = try? run("redis-cli", ["-h", "127.0.0.1", "-p", "\(port)", "PING"]),
                // A server with a password answers NOAUTH, which says it is up just as well.
                reply.contains("PONG") || reply.contains("NOAUTH"),
                let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            else { continue }
            return pid
        }
        return nil
    }

    /// A port in 20000-50000 that is free, and whose cluster bus port (+10000) is free too.
    private static func freePort() throws -> Int {
        for _ in 0..<200 {
            let port = Int.random(in: 20000...50000)
            if canBind(port), canBind(port + 10000) { return port }
        }
        throw RedisServerError(message: "no free loopback port found for redis-server")
    }

    private static func canBind(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// The path of a program on `PATH`, or `nil`.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}

/// Why a test's Redis server could not be started.
public struct RedisServerError: Error, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The message.
    public var description: String { message }
}
