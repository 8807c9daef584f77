/// `python3` for tests: pyarrow, pandas and DuckDB write fixtures and cross-check results
/// (`tools/install-deps.sh` installs them). A missing module fails the test that needs it.
public enum Python {
    /// Runs `python3 -c SCRIPT ARGUMENTS...`.
    /// - Parameters:
    ///   - script: the program's text.
    ///   - arguments: its arguments (`sys.argv[1:]`).
    /// - Returns: what it printed on standard output.
    /// - Throws: ``ProcessFailure`` with what it printed when it exits non-zero.
    @discardableResult
    public static func run(script: String, _ arguments: [String] = []) async throws -> String {
        try await Processes.run("python3", ["-c", script] + arguments).checked().standardOutput
    }

    /// Runs `python3` with a script file and its arguments, such as a tool of this repository.
    /// - Parameter arguments: the script's path, then its arguments.
    /// - Returns: what it printed on standard output.
    /// - Throws: ``ProcessFailure`` with what it printed when it exits non-zero.
    @discardableResult
    public static func run(_ arguments: [String]) async throws -> String {
        try await Processes.run("python3", arguments).checked().standardOutput
    }

    /// What pyarrow reads from a Parquet file, as `tools/make_parquet_fixtures.py --describe`
    /// prints it: the JSON of the fixtures' sidecars.
    /// - Parameter path: the Parquet file.
    /// - Returns: the description's JSON text.
    /// - Throws: ``ProcessFailure`` when the tool fails.
    public static func describeParquet(_ path: String) async throws -> String {
        try await run([RepositoryFiles.path("tools/make_parquet_fixtures.py"), "--describe", path])
    }
}
