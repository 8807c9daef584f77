import LarderStores
extension String {
    /// The text as a double-quoted SQL identifier, with embedded quotes doubled.
    var quotedIdentifier: String {
        "\"" + split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// The text with every character that is not an ASCII letter, digit or underscore replaced
    /// by an underscore, for readable table names.
    var identifierSafe: String {
        String(
            String.UnicodeScalarView(
                unicodeScalars.map { scalar in
                    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
                        ? scalar : "_"
                }))
    }
}
