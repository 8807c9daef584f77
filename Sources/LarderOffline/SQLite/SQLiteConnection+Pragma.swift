extension SQLiteConnection {
    /// Runs `body` with a setting of the connection changed, and changes it back afterwards,
    /// also when `body` throws.
    /// - Parameters:
    ///   - setting: the `PRAGMA` to run first, without the keyword.
    ///   - original: the `PRAGMA` that restores the setting, without the keyword.
    ///   - body: the work to do with the setting.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws, or ``SQLiteError`` when a setting cannot be changed.
    func withPragma<Result>(
        _ setting: String, restoring original: String, _ body: () throws -> Result
    ) throws
        -> Result
    {
        try execute("PRAGMA \(setting)")
        let result: Result
        do {
            result = try body()
        } catch {
            try? execute("PRAGMA \(original)")
            throw error
        }
        try execute("PRAGMA \(original)")
        return result
    }
}
