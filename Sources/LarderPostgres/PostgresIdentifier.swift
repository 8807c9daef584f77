extension String {
    /// The string as a PostgreSQL identifier, in double quotes (quotes inside doubled).
    var quotedPostgresIdentifier: String {
        "\"" + split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// The string as a PostgreSQL string literal (quotes inside doubled).
    var postgresLiteral: String {
        "'" + split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// Lower-case letters, digits and underscores only, at most `limit` characters: a part of
    /// a table name that needs no quoting and leaves room in PostgreSQL's 63-byte names.
    func postgresNameFragment(limit: Int) -> String {
        let safe = lowercased().unicodeScalars.map { scalar -> Character in
            (97...122).contains(scalar.value) || (48...57).contains(scalar.value) ? Character(scalar) : "_"
        }
        return String(safe.prefix(limit))
    }
}

/// The longest identifier PostgreSQL keeps (longer ones are cut, which could merge two columns).
let postgresIdentifierLimit = 63
