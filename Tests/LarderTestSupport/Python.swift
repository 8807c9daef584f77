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
        try await output(["-c", script] + arguments).checked().standardOutput
    }

    /// Runs `python3` with a script file and its arguments, such as a tool of this repository.
    /// - Parameter arguments: the script's path, then its arguments.
    /// - Returns: what it printed on standard output.
    /// - Throws: ``ProcessFailure`` with what it printed when it exits non-zero.
    @discardableResult
    public static func run(_ arguments: [String]) async throws -> String {
        try await output(arguments).checked().standardOutput
    }

    /// Runs `python3` with a script file (or `-c TEXT`) and its arguments, and returns how it
    /// ended whatever its status.
    /// - Parameter arguments: the script's path (or `-c` and the program's text), then its
    ///   arguments.
    /// - Returns: its status and what it printed.
    /// - Throws: when `python3` cannot be started.
    public static func output(_ arguments: [String]) async throws -> ProcessOutput {
        try await Processes.run("python3", ["-c", launcher] + arguments)
    }

    /// What pyarrow reads from a Parquet file, as `tools/make_parquet_fixtures.py --describe`
    /// prints it: the JSON of the fixtures' sidecars.
    /// - Parameter path: the Parquet file.
    /// - Returns: the description's JSON text.
    /// - Throws: ``ProcessFailure`` when the tool fails.
    public static func describeParquet(_ path: String) async throws -> String {
        try await run([RepositoryFiles.path("tools/make_parquet_fixtures.py"), "--describe", path])
    }

    /// Runs a program (`-c TEXT ARGS...` or `PATH ARGS...`) as `python3` would, then ends the
    /// process with the program's status without the interpreter's teardown. pyarrow's
    /// thread pools sometimes abort in that teardown on a busy machine ("terminate called
    /// without an active exception", signal 6) after the program has done its work and
    /// printed everything; the test is about the work, so the teardown is skipped.
    static let launcher = """
        import os, runpy, sys
        status = 0
        try:
            if sys.argv[1] == "-c":
                text = sys.argv[2]
                sys.argv = ["-c"] + sys.argv[3:]
                exec(compile(text, "<string>", "exec"), {"__name__": "__main__"})
            else:
                sys.argv = sys.argv[1:]
                sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[0])))
                runpy.run_path(sys.argv[0], run_name="__main__")
        except SystemExit as exit:
            status = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        except BaseException:
            import traceback
            traceback.print_exc()
            status = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
        """
}
