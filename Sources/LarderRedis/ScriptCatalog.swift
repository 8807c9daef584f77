import Crypto
import LarderStores

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loading the store's scripts and calling them by digest.
///
/// Every new connection runs `SCRIPT LOAD` for each script, so a restarted server has the
/// scripts again before it is used; calls then send only the SHA1 digest (`EVALSHA`).
enum ScriptCatalog {
    /// The SHA1 digest of each script, in lowercase hex, indexed by raw value.
    private static let digests: [String] = RedisScript.allCases.map { script in
        Insecure.SHA1.hash(data: Array(script.source.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Loads every script on a new connection.
    /// - Parameter connection: the connection.
    /// - Throws: ``OnlineStoreError`` when the server refuses a script (Redis before 7.0
    ///   does not know script flags).
    static func load(on connection: RedisConnection) throws {
        let replies = try connection.send(
            RedisScript.allCases.map { RedisCommand(["SCRIPT", "LOAD", $0.source].map { Array($0.utf8) }) })
        for (script, reply) in zip(RedisScript.allCases, replies) where reply.text != digests[script.rawValue] {
            throw OnlineStoreError(
                .storage(ENOTSUP),
                "Redis at \(connection.endpoint) refused Larder's \(script) script (\(reply.errorMessage ?? "unexpected digest")); Larder needs Redis 7.0 or later"
            )
        }
    }

    /// The `EVALSHA` command running a script with arguments (and no declared keys).
    /// - Parameters:
    ///   - script: the script.
    ///   - arguments: its arguments.
    /// - Returns: the command.
    static func command(_ script: RedisScript, _ arguments: [[UInt8]]) -> RedisCommand {
        var all: [[UInt8]] = [Array("EVALSHA".utf8), Array(digests[script.rawValue].utf8), [UInt8(ascii: "0")]]
        all.append(contentsOf: arguments)
        return RedisCommand(all)
    }
}
