/// Exact decimal numbers as text: a decimal column stores an unscaled integer and a scale,
/// so `12.30` in a `decimal(5,2)` column is the integer 1230.
enum DecimalText {
    /// Parses decimal text (`-12.3`, `+0.05`, `7`) into the unscaled integer for `scale`.
    /// - Returns: `nil` when the text is not a plain decimal number, has more fraction digits
    ///   than `scale`, or has more than `precision` digits in all.
    static func unscaled(_ text: UnsafeBufferPointer<UInt8>, precision: Int, scale: Int) -> Int128? {
        let bytes = NumberText.trimmed(text)
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        var value: Int128 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var sawDigit = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            sawDigit = true
            if seenPoint {
                fractionDigits += 1
                guard fractionDigits <= scale else { return nil }
            }
            if value != 0 || digit != 0 { digits += 1 }
            guard digits <= 38 else { return nil }
            value = value * 10 + Int128(digit)
        }
        guard sawDigit else { return nil }
        for _ in fractionDigits..<scale {
            value *= 10
            if value != 0 { digits += 1 }
        }
        guard digits <= max(precision, 1) else { return nil }
        return negative ? -value : value
    }

    /// Appends the text of an unscaled integer at a scale: 1230 at scale 2 is `12.30`.
    static func append(unscaled: Int128, scale: Int, into output: inout [UInt8]) {
        let negative = unscaled < 0
        var magnitude = negative ? UInt128(bitPattern: 0 &- unscaled) : UInt128(unscaled)
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        appendDigits(digits.reversed(), negative: negative, scale: scale, into: &output)
    }

    /// Appends the text of a big-endian two's-complement unscaled integer of any width.
    static func append(bigEndian bytes: ArraySlice<UInt8>, scale: Int, into output: inout [UInt8]) {
        let negative = (bytes.first ?? 0) & 0x80 != 0
        // The magnitude, big-endian: the bytes themselves, or their two's-complement negation.
        var magnitude = Array(bytes)
        if negative {
            var carry = true
            for index in magnitude.indices.reversed() {
                magnitude[index] = ~magnitude[index]
                if carry {
                    let (sum, overflow) = magnitude[index].addingReportingOverflow(1)
                    magnitude[index] = sum
                    carry = overflow
                }
            }
        }
        var digits: [UInt8] = []
        while magnitude.contains(where: { $0 != 0 }) {
            var remainder = 0
            for index in magnitude.indices {
                let current = remainder << 8 | Int(magnitude[index])
                magnitude[index] = UInt8(current / 10)
                remainder = current % 10
            }
            digits.append(UInt8(ascii: "0") + UInt8(remainder))
        }
        if digits.isEmpty { digits = [UInt8(ascii: "0")] }
        appendDigits(digits.reversed(), negative: negative, scale: scale, into: &output)
    }

    /// The big-endian two's-complement bytes of an unscaled integer, 16 bytes wide.
    static func bigEndianBytes(_ value: Int128) -> [UInt8] {
        let bits = UInt128(bitPattern: value)
        return (0..<16).map { UInt8(truncatingIfNeeded: bits >> (8 * (15 - $0))) }
    }

    private static func appendDigits(
        _ digits: some Collection<UInt8>, negative: Bool, scale: Int, into output: inout [UInt8]
    ) {
        if negative { output.append(UInt8(ascii: "-")) }
        guard scale > 0 else {
            output.append(contentsOf: digits)
            return
        }
        let padded =
            digits.count <= scale
            ? [UInt8](repeating: UInt8(ascii: "0"), count: scale + 1 - digits.count) + digits : Array(digits)
        output.append(contentsOf: padded[..<(padded.count - scale)])
        output.append(UInt8(ascii: "."))
        output.append(contentsOf: padded[(padded.count - scale)...])
    }
}
