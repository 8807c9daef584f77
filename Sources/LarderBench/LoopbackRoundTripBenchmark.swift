import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `larder-bench loopback-rtt`: the floor under `http-latency` on this machine. An echo
/// thread answers each 200-byte message on a loopback TCP socket with 1,500 bytes (about a
/// one-entity answer), and a sequential client times the round trips: what any server pays
/// to be woken, read and write, with no HTTP and no work.
///
/// Options: `--requests N` (20000), `--warmup N` (2000), `--poll yes` (the client polls the
/// socket instead of sleeping in `recv`, as `http-latency --poll yes` does).
enum LoopbackRoundTripBenchmark {
    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkOptions(arguments, known: ["requests", "warmup", "poll"])
        let flags = options.string("poll") == "yes" ? Int32(MSG_DONTWAIT) : 0
        let requests = try options.int("requests", default: 20_000)
        let warmup = try options.int("warmup", default: 2_000)
        let (listener, port) = try LoopbackSocket.listen()
        Thread.detachNewThread { echo(accepting: listener) }
        let client = try LoopbackSocket.connect(port: port)
        defer { close(client) }
        var message = [UInt8](repeating: UInt8(ascii: "r"), count: 200)
        var answer = [UInt8](repeating: 0, count: 4_096)
        var samples = LatencySamples(capacity: requests)
        for index in 0..<(warmup + requests) {
            let started = LatencySamples.now()
            guard message.withUnsafeMutableBytes({ send(client, $0.baseAddress!, $0.count, 0) }) == message.count else {
                throw BenchmarkInputError("send failed: \(String(cString: strerror(errno)))")
            }
            var received = 0
            while received < answerSize {
                let count = answer.withUnsafeMutableBytes { recv(client, $0.baseAddress!, $0.count, flags) }
                if count < 0, errno == EAGAIN { continue }
                guard count > 0 else { throw BenchmarkInputError("the echo thread closed the connection") }
                received += count
            }
            if index >= warmup { samples.record(LatencySamples.now() - started) }
        }
        print("loopback-rtt requests=\(requests)\(flags != 0 ? " polling" : ""): \(samples.summary())")
    }

    private static let answerSize = 1_500

    private static func echo(accepting listener: Int32) {
        let connection = accept(listener, nil, nil)
        close(listener)
        guard connection >= 0 else { return }
        LoopbackSocket.setNoDelay(connection)
        var request = [UInt8](repeating: 0, count: 4_096)
        var answer = [UInt8](repeating: UInt8(ascii: "x"), count: answerSize)
        while request.withUnsafeMutableBytes({ recv(connection, $0.baseAddress!, $0.count, 0) }) > 0 {
            _ = answer.withUnsafeMutableBytes { send(connection, $0.baseAddress!, $0.count, 0) }
        }
        close(connection)
    }
}
