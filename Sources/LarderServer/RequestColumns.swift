import Larder
import LarderCore

/// A data frame in a request body, `{column: [values]}` (the `df` of `/push` and
/// `/write-to-online-store`), decoded by `JSONDecoder`. Values are typed loosely, as JSON
/// has them: integers as `int64`, other numbers as `float64`, arrays as lists of scalars;
/// the feature view's schema converts them.
struct RequestColumns: Decodable {
    /// The columns by name.
    var columns: PushColumns

    /// Decodes the frame.
    /// - Throws: ``APIError`` 400 for a frame without columns, a column that is not an array,
    ///   or a value that is an object or a nested list, naming it (`df.user_id[2]`).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ColumnName.self)
        guard !container.allKeys.isEmpty else {
            throw APIError.invalidRequest("'\(JSONBodyDecoder.memberPath(decoder.codingPath))' has no columns")
        }
        var columns: [String: [Value]] = [:]
        for key in container.allKeys {
            columns[key.stringValue] = try container.decode([RequestValue].self, forKey: key).map(\.value)
        }
        self.columns = PushColumns(columns)
    }
}

/// A column's name, any string.
private struct ColumnName: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// One value of a request's data frame: null, a boolean, a number, a string, or a list of
/// those.
struct RequestValue: Decodable {
    /// The value.
    var value: Value

    /// Decodes a value.
    /// - Throws: ``APIError`` 400 naming the value for an object or a nested list.
    init(from decoder: any Decoder) throws {
        if let scalar = Self.scalar(decoder) {
            value = scalar
            return
        }
        guard var list = try? decoder.unkeyedContainer() else {
            throw APIError.invalidRequest(
                "'\(JSONBodyDecoder.memberPath(decoder.codingPath))': objects are not supported as values")
        }
        var elements: [Value] = []
        while !list.isAtEnd {
            let element = try list.superDecoder()
            guard let scalar = Self.scalar(element) else {
                throw APIError.invalidRequest(
                    "'\(JSONBodyDecoder.memberPath(element.codingPath))': a list holds null, booleans, numbers or strings only"
                )
            }
            elements.append(scalar)
        }
        value = .list(elements)
    }

    /// The value as a scalar, or `nil` for an array or an object.
    private static func scalar(_ decoder: any Decoder) -> Value? {
        guard let container = try? decoder.singleValueContainer() else { return nil }
        if container.decodeNil() { return .null }
        if let integer = try? container.decode(Int64.self) { return .int64(integer) }
        if let number = try? container.decode(Double.self) { return .float64(number) }
        if let text = try? container.decode(String.self) { return .string(text) }
        if let flag = try? container.decode(Bool.self) { return .bool(flag) }
        return nil
    }
}
