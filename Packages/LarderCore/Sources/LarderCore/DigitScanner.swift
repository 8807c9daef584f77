/// A cursor over UTF-8 bytes that reads the pieces of a timestamp.
struct DigitScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var atEnd: Bool { index >= bytes.count }

    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Reads exactly `count` decimal digits.
    mutating func fixedDigits(_ count: Int) -> Int64? {
        guard index + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for _ in 0..<count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return value
    }

    mutating func expect(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    /// Nanoseconds since the epoch of the whole input, or `nil` (also when the instant is
    /// outside the nanosecond range, 1677 to 2262).
    mutating func parseTimestamp() -> Int64? {
        guard let (seconds, nanos) = parseSecondsAndNanoseconds() else { return nil }
        return combine(seconds, nanos)
    }

    /// Whole seconds since the epoch (rounded toward the past) and the nanoseconds past them
    /// (0 to 999,999,999) of the whole input, or `nil`. Covers years 0000 to 9999.
    mutating func parseSecondsAndNanoseconds() -> (seconds: Int64, nanoseconds: Int64)? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard start < end else { return nil }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
        var scanner = DigitScanner(bytes: trimmed)
        if let epoch = scanner.epochSeconds() { return (epoch, 0) }
        scanner.index = 0
        return scanner.dateTime()
    }

    /// An optionally signed (`+`/`-`) integer of up to 12 digits filling the input: epoch seconds.
    private mutating func epochSeconds() -> Int64? {
        var negative = false
        if peek() == UInt8(ascii: "-") || peek() == UInt8(ascii: "+") {
            negative = peek() == UInt8(ascii: "-")
            index += 1
        }
        let digitsStart = index
        var value: Int64 = 0
        while let byte = peek(), byte &- UInt8(ascii: "0") < 10 {
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            index += 1
            if index - digitsStart > 12 { return nil }
        }
        guard atEnd, index > digitsStart else { return nil }
        return negative ? -value : value
    }

    private mutating func dateTime() -> (seconds: Int64, nanoseconds: Int64)? {
        guard let year = fixedDigits(4), expect(UInt8(ascii: "-")),
            let month = fixedDigits(2), expect(UInt8(ascii: "-")),
            let day = fixedDigits(2),
            (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(month, year: year)
        else { return nil }
        var seconds = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) * 86_400
        var nanos: Int64 = 0
        if atEnd { return (seconds, nanos) }
        guard let separator = peek(),
            separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
                || separator == UInt8(ascii: " ")
        else { return nil }
        index += 1
        guard let hour = fixedDigits(2), expect(UInt8(ascii: ":")), let minute = fixedDigits(2),
            hour < 24, minute < 60
        else { return nil }
        seconds += hour * 3600 + minute * 60
        if expect(UInt8(ascii: ":")) {
            guard let second = fixedDigits(2), second <= 60 else { return nil }
            seconds += second
            if expect(UInt8(ascii: ".")) || expect(UInt8(ascii: ",")) {
                guard let fraction = fractionNanoseconds() else { return nil }
                nanos = fraction
            }
        }
        while peek() == UInt8(ascii: " ") { index += 1 }
        guard let offset = offsetSeconds() else { return nil }
        return (seconds - offset, nanos)
    }

    /// Fractional seconds as nanoseconds; digits past the ninth must be present but are dropped.
    private mutating func fractionNanoseconds() -> Int64? {
        var nanos: Int64 = 0
        var digits = 0
        while let byte = peek(), byte &- UInt8(ascii: "0") < 10 {
            if digits < 9 { nanos = nanos * 10 + Int64(byte - UInt8(ascii: "0")) }
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        for _ in min(digits, 9)..<9 { nanos *= 10 }
        return nanos
    }

    /// The UTC offset in seconds at the end of the input; 0 when there is none.
    private mutating func offsetSeconds() -> Int64? {
        guard let byte = peek() else { return 0 }
        if byte == UInt8(ascii: "Z") || byte == UInt8(ascii: "z") {
            index += 1
            return atEnd ? 0 : nil
        }
        if bytes.count - index == 3, byte == UInt8(ascii: "U"), bytes[index + 1] == UInt8(ascii: "T"),
            bytes[index + 2] == UInt8(ascii: "C")
        {
            return 0
        }
        guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") else { return nil }
        index += 1
        guard let hours = fixedDigits(2), hours < 24 else { return nil }
        var minutes: Int64 = 0
        if !atEnd {
            _ = expect(UInt8(ascii: ":"))
            guard let parsed = fixedDigits(2), parsed < 60 else { return nil }
            minutes = parsed
        }
        guard atEnd else { return nil }
        let offset = hours * 3600 + minutes * 60
        return byte == UInt8(ascii: "-") ? -offset : offset
    }

    private func combine(_ seconds: Int64, _ nanos: Int64) -> Int64? {
        // Before 1970 with a fraction, borrow a second so the product stays in range down to
        // the earliest instant (`Int64.min` nanoseconds, which the registry may hold).
        let borrow: Int64 = seconds < 0 && nanos > 0 ? 1 : 0
        let (scaled, overflow) = (seconds + borrow).multipliedReportingOverflow(by: Timestamp.nanosecondsPerSecond)
        guard !overflow else { return nil }
        let (total, overflow2) = scaled.addingReportingOverflow(nanos - borrow * Timestamp.nanosecondsPerSecond)
        return overflow2 ? nil : total
    }
}
