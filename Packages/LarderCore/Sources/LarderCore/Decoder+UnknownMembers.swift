/// A member name read from a document, whatever it is.
struct MemberKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        self.init(index: intValue)
    }

    /// The position of an element in an array.
    init(index: Int) {
        stringValue = "\(index)"
        intValue = index
    }
}

extension Decoder {
    /// Rejects members that `Key` does not name, so a misspelled member is an error rather
    /// than a silently missing value. Newer members come with a newer `manifest_version`.
    /// - Parameters:
    ///   - keys: the members this object has.
    ///   - extra: other accepted members (a source's `kind`).
    /// - Throws: `DecodingError.dataCorrupted` at the unknown member's path, suggesting the
    ///   closest known member.
    func rejectUnknownMembers<Key: CodingKey & CaseIterable>(of keys: Key.Type, allowing extra: [String] = []) throws {
        let known = Key.allCases.map(\.stringValue) + extra
        let members = try container(keyedBy: MemberKey.self).allKeys.map(\.stringValue).sorted()
        guard let unknown = members.first(where: { !known.contains($0) }) else { return }
        let hint = Spelling.suggestion(for: unknown, among: known) ?? "known members: \(known.joined(separator: ", "))"
        throw DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: codingPath + [MemberKey(stringValue: unknown)],
                debugDescription: "unknown member; \(hint)"))
    }
}
