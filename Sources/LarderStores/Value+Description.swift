package import LarderCore

extension Value {
    /// A short rendering of the value and its type for error messages, such as `string "abc"`.
    package var briefDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): "bool \(value)"
        case .int32(let value): "int32 \(value)"
        case .int64(let value): "int64 \(value)"
        case .float32(let value): "float32 \(value)"
        case .float64(let value): "float64 \(value)"
        case .string(let value): "string \"\(value.count > 40 ? value.prefix(40) + "…" : Substring(value))\""
        case .bytes(let value): "bytes (\(value.count) bytes)"
        case .timestamp(let value): "timestamp \(value)"
        case .list(let value): "list (\(value.count) elements)"
        }
    }
}
