import LarderCore

extension JSONValue {
    /// An optional member that is an object of columns (`request_data`); absent, null or `{}`
    /// gives no columns.
    /// - Parameter key: the member.
    /// - Returns: the columns in document order.
    /// - Throws: ``APIError`` 400 when the member is not an object of arrays of values.
    func optionalColumns(_ key: String) throws -> [(String, [Value])] {
        guard let member = self[key], member != .null else { return [] }
        if case .object(let members) = member, members.isEmpty { return [] }
        return try requiredColumns(key)
    }
}
