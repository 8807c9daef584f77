import LarderCore

/// String kernels: `lower` (Unicode lower case), `length` (Unicode scalars), `contains` and
/// `starts_with` (Swift's string comparison, which treats canonically equivalent text alike).
enum Text {
    static func kernel(_ function: ExpressionFunction, _ arguments: [Kernel]) -> Kernel {
        let text = arguments[0]
        switch function {
        case .lower:
            return { row in
                guard case .string(let value) = text(row) else { return .null }
                return .string(value.lowercased())
            }
        case .length:
            return { row in
                guard case .string(let value) = text(row) else { return .null }
                return .int64(Int64(value.unicodeScalars.count))
            }
        default:
            let other = arguments[1]
            let isPrefix = function == .startsWith
            return { row in
                guard case .string(let value) = text(row), case .string(let part) = other(row) else { return .null }
                return .bool(isPrefix ? value.hasPrefix(part) : part.isEmpty || value.contains(part))
            }
        }
    }
}
