import Synchronization
import LarderStores

/// The LMDB database handle of one view version, once it is known to this process.
///
/// Read plans keep a reference, so the hot path loads the handle with one atomic read
/// instead of looking the database up by name.
final class DatabaseSlot: Sendable {
    /// The database name (see ``DatabaseNaming``).
    let name: String
    /// The handle, or 0 (LMDB's free-page database, never a named one) while unknown.
    private let handle = Atomic<UInt32>(0)

    /// Creates a slot whose handle is not known yet.
    /// - Parameter name: the database name.
    init(name: String) {
        self.name = name
    }

    /// The handle, or `nil` while unknown.
    var resolved: UInt32? {
        let value = handle.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// Records the handle after the database was opened.
    /// - Parameter dbi: the handle.
    func resolve(_ dbi: UInt32) {
        handle.store(dbi, ordering: .releasing)
    }

    /// Forgets the handle after the database was deleted (its handle was closed).
    func invalidate() {
        handle.store(0, ordering: .releasing)
    }
}
