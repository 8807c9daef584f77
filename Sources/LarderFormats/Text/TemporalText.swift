internal import LarderCore

/// Dates and timestamps as text, computed from the stored integer and its unit so every
/// value prints exactly (no detour through nanoseconds, which would overflow far dates).
enum TemporalText {
    /// Appends `YYYY-MM-DD` for a day count since 1970-01-01.
    static func appendDate(daysSinceEpoch days: Int64, into output: inout [UInt8]) {
        let (year, month, day) = CivilCalendar.date(fromDaysSinceEpoch: days)
        if year < 0 { output.append(UInt8(ascii: "-")) }
        appendPadded(year.magnitude, width: 4, into: &output)
        output.append(UInt8(ascii: "-"))
        appendPadded(UInt64(month), width: 2, into: &output)
        output.append(UInt8(ascii: "-"))
        appendPadded(UInt64(day), width: 2, into: &output)
    }

    /// Appends RFC 3339 text for a timestamp stored in `unit`: `2026-01-02T03:04:05.123456Z`
    /// with exactly as many fraction digits as the unit has; without the `Z` for a naive
    /// (not UTC-adjusted) timestamp.
    static func appendTimestamp(_ value: Int64, unit: TimeUnit, utc: Bool, into output: inout [UInt8]) {
        let perSecond = TimeUnit.seconds.nanoseconds / unit.nanoseconds
        let (seconds, fraction) = floorDivided(value, by: perSecond)
        let (days, secondOfDay) = floorDivided(seconds, by: 86_400)
        appendDate(daysSinceEpoch: days, into: &output)
        output.append(UInt8(ascii: "T"))
        appendPadded(UInt64(secondOfDay / 3600), width: 2, into: &output)
        output.append(UInt8(ascii: ":"))
        appendPadded(UInt64(secondOfDay / 60 % 60), width: 2, into: &output)
        output.append(UInt8(ascii: ":"))
        appendPadded(UInt64(secondOfDay % 60), width: 2, into: &output)
        if unit.fractionDigits > 0 {
            output.append(UInt8(ascii: "."))
            appendPadded(UInt64(fraction), width: unit.fractionDigits, into: &output)
        }
        if utc { output.append(UInt8(ascii: "Z")) }
    }

    /// Parses exactly `YYYY-MM-DD` (spaces around it allowed) into days since 1970-01-01.
    static func daysSinceEpoch(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        let bytes = NumberText.trimmed(text)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = digits(bytes, 0..<4), let month = digits(bytes, 5..<7), let day = digits(bytes, 8..<10),
            (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(month, year: year)
        else { return nil }
        return CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
    }

    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        var value: Int64 = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }

    /// Appends an integer left-padded with zeros to `width` digits.
    static func appendPadded(_ value: UInt64, width: Int, into output: inout [UInt8]) {
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var remaining = value
            var count = 0
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            } while remaining > 0
            for _ in count..<max(width, count) { output.append(UInt8(ascii: "0")) }
            output.append(contentsOf: buffer[(20 - count)...])
        }
    }

    private static func floorDivided(_ value: Int64, by divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
