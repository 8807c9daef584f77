import LarderCore

#if canImport(Glibc)
import Glibc
#endif

/// `larder-bench http-latency`: a sequential keep-alive HTTP/1.1 client over one raw socket,
/// timing `POST /get-online-features` round trips against any Feast-compatible server
/// (`larder serve` or `feast serve`), so both are measured by the same client.
///
/// Options: `--port P` (required), `--requests N` (10000), `--warmup N` (1000),
/// `--entities K` per request (1), `--users U` (100000; keys drawn from 1...U),
/// `--service NAME` or `--features view:a,view:b`, `--key user_id`, `--seed S`, `--poll yes`
/// (wait for answers by polling the socket rather than sleeping in `recv`: what the server
/// takes, without the client's own wake-up), `--request 'JSON'` (members added to `entities`
/// for on-demand features' request fields, such as `"amount": [12.5]`).
enum HTTPLatencyBenchmark {
    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkOptions(
            arguments,
            known: [
                "port", "requests", "warmup", "entities", "users", "service", "features", "key", "seed", "poll",
                "request",
            ])
        let port = try options.int("port", default: 0)
        guard port > 0 else { throw BenchmarkInputError("--port is required") }
        let requests = try options.int("requests", default: 10_000)
        let warmup = try options.int("warmup", default: 1_000)
        let entities = try options.int("entities", default: 1)
        let users = try options.int("users", default: 100_000)
        var generator = SeededGenerator(seed: UInt64(try options.int("seed", default: 7)))
        let selection: String
        if let service = options.string("service") {
            selection = "\"feature_service\": \"\(service)\""
        } else if let features = options.string("features") {
            selection =
                "\"features\": [" + features.split(separator: ",").map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        } else {
            throw BenchmarkInputError("--service NAME or --features view:a,view:b is required")
        }
        let key = options.string("key") ?? "user_id"
        let extra = options.string("request").map { ", " + $0 } ?? ""
        let polls = options.string("poll") == "yes"
        let connection = try HTTPConnection(port: UInt16(port), polls: polls)
        var samples = LatencySamples(capacity: requests)
        var failures = 0
        for index in 0..<(warmup + requests) {
            let ids = (0..<entities).map { _ in String(1 + Int(generator.next() % UInt64(users))) }
            let body = "{\"entities\": {\"\(key)\": [\(ids.joined(separator: ", "))]\(extra)}, \(selection)}"
            let request = HTTPConnection.post(path: "/get-online-features", body: body)
            let started = LatencySamples.now()
            let status = try connection.send(request)
            let elapsed = LatencySamples.now() - started
            if status != 200 { failures += 1 }
            if index >= warmup { samples.record(elapsed) }
        }
        print(
            "http-latency entities=\(entities) requests=\(requests)\(polls ? " polling" : "") non-200=\(failures): \(samples.summary())"
        )
    }
}
