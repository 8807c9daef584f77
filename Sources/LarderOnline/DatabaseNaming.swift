import LarderStores
/// The names of the LMDB databases that hold views: one per view and schema version,
/// `larder/view/<view name>/<version as 16 lowercase hex digits>`.
enum DatabaseNaming {
    /// The prefix of every view database name.
    static let prefix = "larder/view/"

    /// The database name of a view version.
    /// - Parameters:
    ///   - view: the view name.
    ///   - version: the schema version.
    /// - Returns: the name.
    static func name(view: String, version: UInt64) -> String {
        let hex = String(version, radix: 16)
        return prefix + view + "/" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Splits a database name into view name and version.
    /// - Parameter name: a name from the main database.
    /// - Returns: the parts, or `nil` when the name is not a view database.
    static func parse(_ name: String) -> (view: String, version: UInt64)? {
        guard name.hasPrefix(prefix), let slash = name.lastIndex(of: "/") else { return nil }
        let view = name[name.index(name.startIndex, offsetBy: prefix.count)..<slash]
        let hex = name[name.index(after: slash)...]
        guard !view.isEmpty, hex.count == 16, let version = UInt64(hex, radix: 16) else { return nil }
        return (String(view), version)
    }
}
