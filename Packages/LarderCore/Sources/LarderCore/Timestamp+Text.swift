extension Timestamp {
    /// Parses a timestamp written the ways feature data writes them.
    ///
    /// Accepted: RFC 3339 / ISO 8601 with `T` or a space between date and time
    /// (`2026-01-02T03:04:05.123456789Z`, `2026-01-02 03:04:05+02:00`), seconds optional,
    /// fractional seconds up to nanoseconds, an offset of `Z`, `±hh:mm`, `±hhmm` or `±hh`
    /// (none means UTC), a date alone (`2026-01-02`, midnight UTC), and integer epoch seconds
    /// (`1767323045`).
    /// - Parameter text: the text to parse.
    /// - Returns: `nil` when the text is not a timestamp or is outside the representable range.
    public init?(parsing text: some StringProtocol) {
        var text = String(text)
        guard let parsed = text.withUTF8({ Timestamp(parsingUTF8: $0) }) else { return nil }
        self = parsed
    }

    /// Parses UTF-8 bytes; see ``init(parsing:)`` for the accepted forms.
    /// - Parameter bytes: the UTF-8 text.
    /// - Returns: `nil` when the bytes are not a timestamp.
    public init?(parsingUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        var scanner = DigitScanner(bytes: bytes)
        guard let value = scanner.parseTimestamp() else { return nil }
        self.init(nanosecondsSinceEpoch: value)
    }

    /// Parses UTF-8 bytes (any form ``init(parsing:)`` accepts) into whole seconds since the
    /// epoch and the nanoseconds past them, for instants outside the nanosecond range of
    /// ``Timestamp`` (years 0000 to 9999), such as those of microsecond columns.
    /// - Parameter bytes: the UTF-8 text.
    /// - Returns: seconds (rounded toward the past) and nanoseconds (0 to 999,999,999), or
    ///   `nil` when the bytes are not a timestamp.
    public static func secondsAndNanoseconds(
        parsingUTF8 bytes: UnsafeBufferPointer<UInt8>
    ) -> (
        seconds: Int64, nanoseconds: Int64
    )? {
        var scanner = DigitScanner(bytes: bytes)
        return scanner.parseSecondsAndNanoseconds()
    }

    /// The RFC 3339 text in UTC, such as `2026-01-02T03:04:05.123456Z`.
    /// - Parameter fractionDigits: digits after the decimal point (0 to 9); `nil` writes the
    ///   fewest of 0, 3, 6 or 9 that keep the value exact.
    /// - Returns: the text.
    public func rfc3339(fractionDigits: Int? = nil) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(30)
        appendRFC3339(to: &bytes, fractionDigits: fractionDigits)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the RFC 3339 text of ``rfc3339(fractionDigits:)`` as UTF-8, without making a
    /// string: for writers of JSON or CSV.
    /// - Parameters:
    ///   - bytes: where to append.
    ///   - fractionDigits: digits after the decimal point (0 to 9); `nil` writes the fewest
    ///     of 0, 3, 6 or 9 that keep the value exact.
    public func appendRFC3339(to bytes: inout [UInt8], fractionDigits: Int? = nil) {
        let (seconds, nanos) = nanosecondsSinceEpoch.floorDivided(by: Timestamp.nanosecondsPerSecond)
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        let (year, month, day) = CivilCalendar.date(fromDaysSinceEpoch: days)
        let digits = fractionDigits.map { min(max($0, 0), 9) } ?? Self.fewestFractionDigits(nanos)
        // At most: sign, 19 year digits, "-MM-DDTHH:MM:SS", "." and 9 digits, "Z".
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var end = 0
            func put(_ ascii: Unicode.Scalar) {
                buffer[end] = UInt8(ascii: ascii)
                end += 1
            }
            func put(_ value: UInt64, width: Int) {
                var count = 1
                var rest = value / 10
                while rest > 0 {
                    count += 1
                    rest /= 10
                }
                count = max(count, width)
                rest = value
                for index in stride(from: end + count - 1, through: end, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                end += count
            }
            if year < 0 { put("-") }
            put(year.magnitude, width: 4)
            put("-")
            put(month.magnitude, width: 2)
            put("-")
            put(day.magnitude, width: 2)
            put("T")
            put(UInt64(secondOfDay / 3600), width: 2)
            put(":")
            put(UInt64(secondOfDay / 60 % 60), width: 2)
            put(":")
            put(UInt64(secondOfDay % 60), width: 2)
            if digits > 0 {
                var divisor: Int64 = 1
                for _ in digits..<9 { divisor *= 10 }
                put(".")
                put(UInt64(nanos / divisor), width: digits)
            }
            put("Z")
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<end]))
        }
    }

    /// The date part alone, `YYYY-MM-DD`, in UTC.
    public var dateText: String {
        let (days, _) = nanosecondsSinceEpoch.floorDivided(by: 86_400 * Timestamp.nanosecondsPerSecond)
        let (year, month, day) = CivilCalendar.date(fromDaysSinceEpoch: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    private static func fewestFractionDigits(_ nanos: Int64) -> Int {
        if nanos == 0 { return 0 }
        if nanos % 1_000_000 == 0 { return 3 }
        if nanos % 1_000 == 0 { return 6 }
        return 9
    }

    private func pad(_ value: some BinaryInteger, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Timestamp: CustomStringConvertible {
    /// The RFC 3339 text in UTC.
    public var description: String { rfc3339() }
}

extension Timestamp: Codable {
    /// Decodes RFC 3339 text (any form ``init(parsing:)`` accepts).
    /// - Throws: `DecodingError.dataCorrupted` when the text is not a timestamp.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = Timestamp(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an RFC 3339 timestamp")
        }
        self = parsed
    }

    /// Encodes RFC 3339 text in UTC.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339())
    }
}

extension Int64 {
    /// Quotient and remainder with the quotient rounded toward negative infinity, so the
    /// remainder is never negative for a positive divisor.
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = self / divisor
        let remainder = self % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}

/// Proleptic Gregorian calendar arithmetic (days since 1970-01-01).
public enum CivilCalendar {
    /// Days since 1970-01-01 of a calendar date.
    /// - Parameters:
    ///   - year: the year (may be negative).
    ///   - month: 1 to 12.
    ///   - day: 1 to 31.
    /// - Returns: days since the epoch.
    public static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day count since 1970-01-01.
    /// - Parameter days: days since the epoch.
    /// - Returns: year, month (1 to 12) and day (1 to 31).
    public static func date(fromDaysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The number of days in a month.
    /// - Parameters:
    ///   - month: 1 to 12.
    ///   - year: the year, for February.
    /// - Returns: 28 to 31.
    public static func daysInMonth(_ month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
