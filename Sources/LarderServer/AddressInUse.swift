import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether an error from starting the server means its address is taken (another server
/// listens on the port), so the CLI can say so and suggest another port.
/// - Parameter error: what running the server threw.
/// - Returns: `true` for `EADDRINUSE`.
public func isAddressInUse(_ error: any Error) -> Bool {
    (error as? IOError)?.errnoCode == EADDRINUSE
}
