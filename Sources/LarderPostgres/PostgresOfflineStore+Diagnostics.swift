internal import PostgresNIO

extension PostgresOfflineStore {
    /// The server process serving this store's connection (`pg_backend_pid()`), for tests
    /// that end it to see what a killed client leaves behind.
    /// - Throws: ``PostgresStoreError``.
    package func backendProcessID() throws -> Int32 {
        try integers("SELECT pg_backend_pid()::bigint").map(Int32.init).first ?? 0
    }

    /// Ends another connection's server process, as a killed client's connection ends.
    /// - Parameter processID: the process, from ``backendProcessID()``.
    /// - Throws: ``PostgresStoreError``.
    package func terminateBackend(_ processID: Int32) throws {
        _ = try integers("SELECT pg_terminate_backend(\(processID))::int::bigint")
    }

    /// The tables in the store's schema, ordered by name: the catalog and the data tables.
    /// - Throws: ``PostgresStoreError``.
    package func tableNames() throws -> [String] {
        let logger = logger
        let sql = """
            SELECT tablename FROM pg_tables WHERE schemaname = \(configuration.schema.postgresLiteral) ORDER BY tablename
            """
        return try session.run { connection in
            var names: [String] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                names.append(try row.decode(String.self))
            }
            return names
        }
    }

    private func integers(_ sql: String) throws -> [Int64] {
        let logger = logger
        return try session.run { connection in
            var values: [Int64] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                values.append(try row.decode(Int64.self))
            }
            return values
        }
    }
}
