internal import CLMDB
import LarderStores

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open LMDB environment (a directory holding `data.mdb` and `lock.mdb`).
///
/// Owns the `MDB_env` handle and closes it in `deinit`; a failed open frees the handle and
/// throws. Opened with `MDB_NOTLS`, so read transactions are not tied to threads and can be
/// pooled.
///
/// `@unchecked Sendable` because LMDB allows an environment handle to be shared by threads;
/// the one call that needs exclusive use, ``setMapSize(_:)``, is made only while
/// ``LMDBOnlineStore``'s resize gate keeps every other transaction of the process out.
final class LMDBEnvironment: @unchecked Sendable {
    /// The `MDB_env *`.
    let handle: OpaquePointer
    /// The directory of the environment, for error messages.
    let path: String
    /// The largest key LMDB accepts, in bytes.
    let maxKeySize: Int

    /// Opens (creating when missing) the environment in a directory.
    /// - Parameters:
    ///   - path: the directory; created with its parents when it does not exist.
    ///   - mapSize: the initial map size in bytes (rounded up to a whole page); an existing
    ///     environment that is larger keeps its size.
    ///   - maxDatabases: how many named databases may exist.
    ///   - maxReaders: how many read transactions may be open at once, over all processes.
    /// - Throws: ``OnlineStoreError`` naming the path when the directory cannot be created
    ///   or LMDB refuses to open it.
    init(path: String, mapSize: Int, maxDatabases: Int, maxReaders: Int) throws {
        self.path = path
        try FileSystem.createDirectory(path)
        var created: OpaquePointer?
        try Self.check(mdb_env_create(&created), "creating the environment", path: path)
        guard let environment = created else {
            throw OnlineStoreError.storage(.invalid, "creating the environment", path: path)
        }
        do {
            try Self.check(mdb_env_set_maxdbs(environment, MDB_dbi(maxDatabases)), "setting max databases", path: path)
            try Self.check(mdb_env_set_maxreaders(environment, UInt32(maxReaders)), "setting max readers", path: path)
            try Self.check(
                mdb_env_set_mapsize(environment, Self.pageRounded(mapSize)), "setting the map size", path: path)
            try Self.check(mdb_env_open(environment, path, UInt32(MDB_NOTLS), 0o644), "opening", path: path)
        } catch {
            mdb_env_close(environment)
            throw error
        }
        handle = environment
        maxKeySize = Int(mdb_env_get_maxkeysize(environment))
        // Free the reader slots left behind by processes that died holding them.
        var dead: Int32 = 0
        _ = mdb_reader_check(environment, &dead)
    }

    deinit {
        mdb_env_close(handle)
    }

    /// The current map size in bytes.
    var mapSize: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return Int(info.me_mapsize)
    }

    /// Sets the map size. The caller guarantees that no transaction of this process is open.
    /// - Parameter bytes: the new size, rounded up to a whole page; 0 adopts the size another
    ///   process set.
    /// - Throws: ``OnlineStoreError`` when LMDB refuses the size.
    func setMapSize(_ bytes: Int) throws {
        try check(
            mdb_env_set_mapsize(handle, bytes == 0 ? 0 : Self.pageRounded(bytes)),
            "setting the map size to \(bytes) bytes")
    }

    /// Throws when an LMDB call did not succeed.
    /// - Parameters:
    ///   - code: what LMDB returned.
    ///   - operation: what was being done, for the message.
    /// - Throws: ``OnlineStoreError`` with LMDB's text and this environment's path.
    func check(_ code: Int32, _ operation: @autoclosure () -> String) throws {
        try Self.check(code, operation(), path: path)
    }

    private static func check(_ code: Int32, _ operation: @autoclosure () -> String, path: String) throws {
        guard code == MDB_SUCCESS else {
            throw OnlineStoreError.storage(LMDBResultCode(rawValue: code), operation(), path: path)
        }
    }

    private static func pageRounded(_ bytes: Int) -> Int {
        let page = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4096)
        return (max(bytes, page * 8) + page - 1) / page * page
    }
}
