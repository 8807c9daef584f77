import LarderCore

/// The value of the `Date` response header (RFC 9110's IMF-fixdate,
/// `Sun, 06 Nov 1994 08:49:37 GMT`), formatted at most once a second.
struct HTTPDateCache {
    private var second = Int64.min
    private var text = ""

    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The header value for now.
    mutating func current() -> String {
        let second = Timestamp.now.nanosecondsSinceEpoch / 1_000_000_000
        if second != self.second {
            self.second = second
            text = Self.format(secondsSinceEpoch: second)
        }
        return text
    }

    /// Formats an instant as IMF-fixdate.
    /// - Parameter secondsSinceEpoch: seconds since 1970-01-01T00:00:00Z, not negative.
    /// - Returns: the text.
    static func format(secondsSinceEpoch: Int64) -> String {
        let days = secondsSinceEpoch / 86_400
        let secondOfDay = secondsSinceEpoch % 86_400
        let (year, month, day) = CivilCalendar.date(fromDaysSinceEpoch: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[Int(days % 7)]), \(two(day)) \(months[Int(month) - 1]) \(year) "
            + "\(two(secondOfDay / 3_600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) GMT"
    }
}
