internal import CLMDB
public import LarderStores

/// A result code returned by an LMDB call, with LMDB's own description of it.
///
/// Codes are compared with `==` or matched in a `switch` through `~=`:
/// ```swift
/// switch code {
/// case .mapFull: growMap()
/// default: throw error
/// }
/// ```
public struct LMDBResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The integer LMDB returned: 0 for success, an `errno` value, or one of LMDB's negative codes.
    public let rawValue: Int32

    /// Wraps an LMDB result code.
    /// - Parameter rawValue: the integer LMDB returned.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The call succeeded.
    public static let success = LMDBResultCode(rawValue: MDB_SUCCESS)
    /// The key is not in the database.
    public static let notFound = LMDBResultCode(rawValue: MDB_NOTFOUND)
    /// The memory map is full: the map size must grow before the write can succeed.
    public static let mapFull = LMDBResultCode(rawValue: MDB_MAP_FULL)
    /// Another process grew the map: this process must adopt the new size.
    public static let mapResized = LMDBResultCode(rawValue: MDB_MAP_RESIZED)
    /// Every named database slot (`maxDatabases`) is in use.
    public static let databasesFull = LMDBResultCode(rawValue: MDB_DBS_FULL)
    /// Every reader slot (`maxReaders`) is in use.
    public static let readersFull = LMDBResultCode(rawValue: MDB_READERS_FULL)
    /// A write transaction touched more pages than LMDB can track at once.
    public static let transactionFull = LMDBResultCode(rawValue: MDB_TXN_FULL)
    /// A key, value or database name has an unsupported size.
    public static let badValueSize = LMDBResultCode(rawValue: MDB_BAD_VALSIZE)
    /// The file is not an LMDB environment.
    public static let invalid = LMDBResultCode(rawValue: MDB_INVALID)
    /// The environment was written by an incompatible LMDB version.
    public static let versionMismatch = LMDBResultCode(rawValue: MDB_VERSION_MISMATCH)
    /// The data is corrupted.
    public static let corrupted = LMDBResultCode(rawValue: MDB_CORRUPTED)

    /// LMDB's text for the code (`mdb_strerror`), which also covers `errno` values.
    public var description: String {
        String(cString: mdb_strerror(rawValue))
    }

    /// Matches a code in a `switch` case.
    /// - Parameters:
    ///   - pattern: the code of the case.
    ///   - value: the code being switched on.
    /// - Returns: whether both are the same code.
    public static func ~= (pattern: LMDBResultCode, value: LMDBResultCode) -> Bool {
        pattern == value
    }
}
