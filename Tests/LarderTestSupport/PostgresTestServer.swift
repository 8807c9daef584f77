import Foundation

/// A PostgreSQL server for the tests of one process: made by `initdb` in a temporary directory
/// and started with `pg_ctl` on a free port of 127.0.0.1 (and a Unix socket in the same
/// directory), on first use. Tests share it and keep apart by schema (``makeSchemaName()``).
///
/// PostgreSQL refuses to run as root: when the tests run as root, the server runs as the
/// `postgres` user that Debian's `postgresql` package creates (through `runuser`), and owns its
/// directory. A watchdog process stops the server and removes the directory when the test
/// process is gone, however it ended. Missing server programs are an error, never a skip:
/// `tools/install-deps.sh` installs them.
public final class PostgresTestServer: Sendable {
    /// The server's TCP port on 127.0.0.1.
    public let port: Int
    /// The user the tests log in as (trusted, no password).
    public let user = "larder"
    /// The database the tests use.
    public let database = "postgres"
    /// The directory holding the cluster, its socket and its log.
    public let directory: String
    private let programs: String
    private let runAs: [String]

    /// The process's server, started on first use; the same error for every test when it
    /// cannot start.
    /// - Throws: ``PostgresTestServerError`` naming what is missing or what failed.
    public static func shared() throws -> PostgresTestServer {
        try started.get()
    }

    private static let started = Result { try PostgresTestServer() }

    /// A schema name no other test uses.
    public static func makeSchemaName() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// The server's log, for messages.
    public var log: String {
        (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
    }

    private init() throws {
        programs = try Self.findPrograms()
        var template = Array("/tmp/larder-pg-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw PostgresTestServerError("cannot create a temporary directory") }
        directory = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if geteuid() == 0 {
            guard let account = getpwnam("postgres") else {
                throw PostgresTestServerError(
                    "running as root, but there is no 'postgres' user to run the server as; install Debian's postgresql package (tools/install-deps.sh)"
                )
            }
            guard chown(directory, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
                throw PostgresTestServerError("cannot hand \(directory) to the postgres user")
            }
            runAs = ["/usr/sbin/runuser", "-u", "postgres", "--"]
        } else {
            runAs = []
        }
        try Self.run(
            runAs + [
                programs + "/initdb", "-D", directory + "/data", "-U", user, "--auth=trust", "-E", "UTF8", "--no-sync",
            ], what: "initdb", in: directory)
        port = try Self.freePort()
        try Self.run(
            runAs + [
                programs + "/pg_ctl", "-D", directory + "/data", "-l", directory + "/server.log", "-w", "-t", "60",
                "-o", "-k \(directory) -p \(port) -h 127.0.0.1 -c fsync=off -c full_page_writes=off", "start",
            ], what: "pg_ctl start", in: directory)
        try startWatchdog()
    }

    /// Stops the server once this process is gone.
    private func startWatchdog() throws {
        let stop = (runAs + [programs + "/pg_ctl", "-D", directory + "/data", "-m", "immediate", "stop"])
            .map { "'\($0)'" }.joined(separator: " ")
        let script =
            "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop) >/dev/null 2>&1; rm -rf '\(directory)'"
        _ = try Self.spawn(["/bin/sh", "-c", script], output: "/dev/null")
    }

    /// The folder holding initdb, pg_ctl and postgres: the one of `initdb` on the `PATH`, or
    /// the newest of Debian's `/usr/lib/postgresql/<version>/bin`.
    private static func findPrograms() throws -> String {
        let manager = FileManager.default
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        var candidates = path.split(separator: ":").map(String.init)
        let debian = (try? manager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += debian.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        for folder in candidates
        where ["initdb", "pg_ctl", "postgres"].allSatisfy({ manager.isExecutableFile(atPath: folder + "/" + $0) }) {
            return folder
        }
        throw PostgresTestServerError(
            "PostgreSQL's server programs (initdb, pg_ctl, postgres) are not installed: run tools/install-deps.sh, which installs Debian's postgresql package"
        )
    }

    private static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw PostgresTestServerError("cannot open a socket to find a free port") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw PostgresTestServerError("cannot find a free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs a program to its end, its output going to a file in the server's directory.
    /// (posix_spawn and waitpid: Foundation's `Process` can miss a child's exit when tests run
    /// in parallel.)
    private static func run(_ arguments: [String], what: String, in directory: String) throws {
        let log = directory + "/\(what.replacingOccurrences(of: " ", with: "-")).out"
        // In /tmp, a folder the server's user may enter (initdb and pg_ctl warn about one it cannot).
        let child = try spawn(["/usr/bin/env", "-C", "/tmp"] + arguments, output: log)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            guard errno == EINTR else { throw PostgresTestServerError("\(what): waitpid failed (errno \(errno))") }
        }
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw PostgresTestServerError("\(what) failed (status \(status)): \(output)")
        }
    }

    /// Starts a program with no input, its output appended to a file.
    private static func spawn(_ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var child: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let result = posix_spawn(&child, arguments[0], &actions, nil, argv, environ)
        guard result == 0 else {
            throw PostgresTestServerError("cannot start \(arguments[0]): \(String(cString: strerror(result)))")
        }
        return child
    }
}

/// Why the tests' PostgreSQL server could not start.
public struct PostgresTestServerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
