/// Which `Content-Type` values the server reads as JSON: `application/json` in any letter
/// case, with or without parameters (`application/json; charset=utf-8`). One check for the
/// router and for ``OnlineReadRequestScanner``, so both answer a request alike: any other
/// type gets 415.
enum JSONMediaType {
    private static let mediaType: StaticString = "application/json"

    /// Whether a `Content-Type` value names JSON.
    /// - Parameter value: the header's value.
    /// - Returns: `true` for `application/json`, with or without parameters.
    static func accepts(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { accepts(UnsafeRawBufferPointer($0)) }
    }

    /// Whether the bytes of a `Content-Type` value name JSON, without making a string.
    /// - Parameter value: the header's value, as received.
    /// - Returns: `true` for `application/json`, with or without parameters.
    static func accepts(_ value: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        while start < value.count, value[start] == UInt8(ascii: " ") || value[start] == UInt8(ascii: "\t") {
            start += 1
        }
        let count = mediaType.utf8CodeUnitCount
        guard value.count - start >= count else { return false }
        for index in 0..<count {
            let byte = value[start + index]
            let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            guard lowered == mediaType.utf8Start[index] else { return false }
        }
        // After the type: nothing but white space, or white space then parameters.
        for byte in value[(start + count)...] {
            if byte == UInt8(ascii: ";") { return true }
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { return false }
        }
        return true
    }
}
