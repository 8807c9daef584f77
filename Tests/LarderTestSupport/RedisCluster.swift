#if canImport(Glibc)
import Glibc
#endif

/// A Redis Cluster of three primaries the test starts itself (`redis-server --cluster-enabled
/// yes` three times, then `redis-cli --cluster create`), each node on 127.0.0.1 in a
/// temporary directory. The cluster keeps serving the slots of live nodes while one is down.
public final class RedisCluster: Sendable {
    /// The nodes.
    public let nodes: [RedisServer]

    /// A cluster shared by every test of the process; tests keep apart by key prefix.
    public static let shared: Result<RedisCluster, any Error> = Result { try RedisCluster() }

    /// Starts three nodes and joins them into a cluster, waiting until it is `ok`.
    /// - Throws: ``RedisServerError`` when a node or the cluster does not start.
    public init() throws {
        let options = [
            "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000",
            "--cluster-require-full-coverage", "no",
        ]
        nodes = try (0..<3).map { _ in try RedisServer(extraArguments: options) }
        try RedisServer.run(
            "redis-cli", ["--cluster", "create"] + nodes.map { "127.0.0.1:\($0.port)" } + ["--cluster-yes"])
        for _ in 0..<100 {
            let ready = try nodes.allSatisfy { try $0.cli(["CLUSTER", "INFO"]).contains("cluster_state:ok") }
            if ready { return }
            usleep(100_000)
        }
        throw RedisServerError(message: "the Redis Cluster did not reach cluster_state:ok")
    }

    /// The seed list of a connection string: one node is enough.
    public var seed: String { "127.0.0.1:\(nodes[0].port)" }
}
