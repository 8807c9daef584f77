#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsing numbers straight from UTF-8 bytes, without building a `String` per value.
///
/// Accepted integers: optional `+`/`-`, then decimal digits. Accepted floats: an integer
/// part and/or a fraction (`1`, `1.5`, `.5`, `1.`), an optional exponent (`e-3`), or one of
/// `nan`, `inf`, `infinity` (any case, optionally signed). Spaces and tabs around a number are
/// ignored. Every parse is exact: floats round correctly to nearest, as `strtod` does.
enum NumberText {
    /// The bytes with leading and trailing spaces and tabs removed.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// A signed 64-bit integer, or `nil` when the text is not one or is out of range.
    static func int64(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        let bytes = trimmed(text)
        guard let first = bytes.first else { return nil }
        let negative = first == UInt8(ascii: "-")
        let digitsStart = negative || first == UInt8(ascii: "+") ? 1 : 0
        guard let magnitude = unsignedDigits(bytes, from: digitsStart) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// An unsigned 64-bit integer, or `nil` when the text is not one or is out of range.
    static func uint64(_ text: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let bytes = trimmed(text)
        guard let first = bytes.first else { return nil }
        return unsignedDigits(bytes, from: first == UInt8(ascii: "+") ? 1 : 0)
    }

    /// Decimal digits from `start` to the end as an unsigned integer, checking for overflow.
    private static func unsignedDigits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64? {
        guard start < bytes.count else { return nil }
        var value: UInt64 = 0
        for index in start..<bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (scaled, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = scaled.addingReportingOverflow(UInt64(digit))
            guard !overflow, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// A `Double` rounded correctly from decimal text, or `nil` when the text is not a number.
    static func double(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        let bytes = trimmed(text)
        if let plain = plainDecimal(bytes), plain.mantissa <= 1 << 53, plain.exponent >= -22 {
            let scaled = Double(plain.mantissa) / doublePowersOfTen[-plain.exponent]
            return plain.negative ? -scaled : scaled
        }
        guard let shape = FloatShape(bytes) else { return nil }
        if let special = shape.special { return Double(special) }
        if shape.significantDigits <= 19, shape.mantissa <= 1 << 53, abs(shape.exponent) <= 22 {
            let mantissa = Double(shape.mantissa)
            let scaled =
                shape.exponent < 0
                ? mantissa / doublePowersOfTen[-shape.exponent] : mantissa * doublePowersOfTen[shape.exponent]
            return shape.negative ? -scaled : scaled
        }
        return withCString(bytes) { strtod($0, nil) }
    }

    /// A `Float` rounded correctly from decimal text (not through `Double`, which could round
    /// twice), or `nil` when the text is not a number.
    static func float(_ text: UnsafeBufferPointer<UInt8>) -> Float? {
        let bytes = trimmed(text)
        if let plain = plainDecimal(bytes), plain.mantissa <= 1 << 24, plain.exponent >= -10 {
            let scaled = Float(plain.mantissa) / floatPowersOfTen[-plain.exponent]
            return plain.negative ? -scaled : scaled
        }
        guard let shape = FloatShape(bytes) else { return nil }
        if let special = shape.special { return special }
        if shape.significantDigits <= 19, shape.mantissa <= 1 << 24, abs(shape.exponent) <= 10 {
            let mantissa = Float(shape.mantissa)
            let scaled =
                shape.exponent < 0
                ? mantissa / floatPowersOfTen[-shape.exponent] : mantissa * floatPowersOfTen[shape.exponent]
            return shape.negative ? -scaled : scaled
        }
        return withCString(bytes) { strtof($0, nil) }
    }

    /// The common shape `-123.45`: an optional minus, at most 19 digits with an optional
    /// decimal point, nothing else. Returns the digits as an integer and the power of ten
    /// (zero or negative) that scales them; `nil` for any other shape.
    @inline(__always)
    private static func plainDecimal(
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> (negative: Bool, mantissa: UInt64, exponent: Int)? {
        let count = bytes.count
        var index = 0
        let negative = count > 0 && bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            digits += 1
            index += 1
        }
        var exponent = 0
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
                exponent -= 1
                index += 1
            }
        }
        guard index == count, digits > 0, digits <= 19 else { return nil }
        return (negative, mantissa, exponent)
    }

    /// Calls `body` with the bytes copied into a NUL-terminated buffer.
    private static func withCString<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<CChar>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            for index in 0..<bytes.count { buffer[index] = CChar(bitPattern: bytes[index]) }
            buffer[bytes.count] = 0
            return body(buffer.baseAddress!)
        }
    }

    private static let doublePowersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
    private static let floatPowersOfTen: [Float] = (0...10).map { exponent in
        (0..<exponent).reduce(Float(1)) { value, _ in value * 10 }
    }
}

/// The validated shape of a decimal float's text: sign, up to 19 significant digits as an
/// integer, and the power of ten that scales them.
private struct FloatShape {
    var negative = false
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var exponent = 0
    /// NaN or an infinity, when the text names one.
    var special: Float?

    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "n") || bytes[index] | 0x20 == UInt8(ascii: "i") {
            guard let value = Self.specialValue(UnsafeBufferPointer(rebasing: bytes[index...])) else { return nil }
            special = negative ? -value : value
            return
        }
        var digits = 0
        var droppedDigits = 0
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
            appendDigit(bytes[index], dropped: &droppedDigits)
            digits += 1
            index += 1
        }
        exponent = droppedDigits
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
                var dropped = 0
                appendDigit(bytes[index], dropped: &dropped)
                if dropped == 0 { exponent -= 1 }
                digits += 1
                index += 1
            }
        }
        guard digits > 0 else { return nil }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            var exponentDigits = 0
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
                written = min(written * 10 + Int(bytes[index] - UInt8(ascii: "0")), 100_000)
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == bytes.count else { return nil }
    }

    /// Adds a digit to the mantissa, or counts it as dropped once 19 significant digits are
    /// held (the slow path then parses the text exactly).
    @inline(__always)
    private mutating func appendDigit(_ byte: UInt8, dropped: inout Int) {
        let digit = UInt64(byte - UInt8(ascii: "0"))
        if significantDigits == 0, digit == 0 { return }
        if significantDigits < 19 {
            mantissa = mantissa * 10 + digit
            significantDigits += 1
        } else {
            dropped += 1
            significantDigits += 1
        }
    }

    private static func specialValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Float? {
        let lower = String(decoding: bytes, as: UTF8.self).lowercased()
        switch lower {
        case "nan": return .nan
        case "inf", "infinity": return .infinity
        default: return nil
        }
    }
}
