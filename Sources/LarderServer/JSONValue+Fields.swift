import LarderCore

extension JSONValue {
    /// The value as a loosely typed feature or key value: integers as `int64`, other numbers
    /// as `float64`, arrays as lists of scalars.
    /// - Parameter field: the field, for the error message.
    /// - Throws: ``APIError`` 400 for an object or a nested array.
    func featureValue(field: @autoclosure () -> String) throws -> Value {
        switch self {
        case .null: return .null
        case .bool(let v): return .bool(v)
        case .integer(let v): return .int64(v)
        case .number(let v): return .float64(v)
        case .string(let v): return .string(v)
        case .array(let elements):
            return .list(
                try elements.enumerated().map { index, element in
                    if case .array = element {
                        throw APIError.invalidRequest("\(nested(field(), index)): nested lists are not supported")
                    }
                    return try element.featureValue(field: nested(field(), index))
                })
        case .object:
            throw APIError.invalidRequest("\(field()): objects are not supported as values")
        }
    }

    /// The name of a list element, `'df.user_id[0][1]'` for element 1 of `'df.user_id[0]'`.
    private func nested(_ field: String, _ index: Int) -> String {
        field.hasSuffix("'") ? "\(field.dropLast())[\(index)]'" : "\(field)[\(index)]"
    }

    /// A required member that is a string.
    /// - Throws: ``APIError`` 400 when it is missing or not a string.
    func requiredString(_ key: String) throws -> String {
        guard let member = self[key], member != .null else { throw APIError.invalidRequest("'\(key)' is required") }
        guard case .string(let text) = member else {
            throw APIError.invalidRequest("'\(key)' must be a string, not \(member.kindDescription)")
        }
        return text
    }

    /// An optional member that is a string.
    /// - Throws: ``APIError`` 400 when it is present and not a string.
    func optionalString(_ key: String) throws -> String? {
        guard let member = self[key], member != .null else { return nil }
        guard case .string(let text) = member else {
            throw APIError.invalidRequest("'\(key)' must be a string, not \(member.kindDescription)")
        }
        return text
    }

    /// An optional member that is a boolean.
    func optionalBool(_ key: String) throws -> Bool? {
        guard let member = self[key], member != .null else { return nil }
        guard case .bool(let flag) = member else {
            throw APIError.invalidRequest("'\(key)' must be true or false, not \(member.kindDescription)")
        }
        return flag
    }

    /// An optional member that is an array of strings.
    func optionalStrings(_ key: String) throws -> [String]? {
        guard let member = self[key], member != .null else { return nil }
        guard case .array(let elements) = member else {
            throw APIError.invalidRequest("'\(key)' must be an array of strings, not \(member.kindDescription)")
        }
        return try elements.enumerated().map { index, element in
            guard case .string(let text) = element else {
                throw APIError.invalidRequest("'\(key)[\(index)]' must be a string, not \(element.kindDescription)")
            }
            return text
        }
    }

    /// A required member that is an object of equal-or-unequal length arrays (the entity
    /// table of an online read), converted column by column.
    /// - Returns: the columns in document order.
    func requiredColumns(_ key: String) throws -> [(String, [Value])] {
        guard let member = self[key] else { throw APIError.invalidRequest("'\(key)' is required") }
        guard case .object(let members) = member else {
            throw APIError.invalidRequest(
                "'\(key)' must be an object of column name to array of values, not \(member.kindDescription)")
        }
        guard !members.isEmpty else { throw APIError.invalidRequest("'\(key)' has no columns") }
        return try members.map { name, column in
            guard case .array(let elements) = column else {
                throw APIError.invalidRequest(
                    "'\(key).\(name)' must be an array of values, not \(column.kindDescription)")
            }
            return (
                name,
                try elements.enumerated().map { row, element in
                    try element.featureValue(field: "'\(key).\(name)[\(row)]'")
                }
            )
        }
    }
}
