/// An instant in time: nanoseconds since 1970-01-01T00:00:00Z, in UTC.
///
/// The representable range is 1677-09-21 to 2262-04-11. Timestamps compare as instants, so
/// two texts with different UTC offsets that name the same instant are equal.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Nanoseconds since the Unix epoch (negative before it).
    public var nanosecondsSinceEpoch: Int64

    /// Creates a timestamp from nanoseconds since the Unix epoch.
    /// - Parameter nanosecondsSinceEpoch: nanoseconds since 1970-01-01T00:00:00Z.
    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// Creates a timestamp from whole seconds since the Unix epoch.
    /// - Parameter secondsSinceEpoch: seconds since 1970-01-01T00:00:00Z.
    public init(secondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = secondsSinceEpoch &* Self.nanosecondsPerSecond
    }

    /// The instant as microseconds since the epoch, rounded toward negative infinity.
    public var microsecondsSinceEpoch: Int64 {
        nanosecondsSinceEpoch >= 0
            ? nanosecondsSinceEpoch / 1_000
            : (nanosecondsSinceEpoch - 999) / 1_000
    }

    /// The instant as whole seconds since the epoch, rounded toward negative infinity (the
    /// value of Feast's `UnixTimestamp`).
    public var wholeSecondsSinceEpoch: Int64 {
        nanosecondsSinceEpoch.floorDivided(by: Self.nanosecondsPerSecond).quotient
    }

    /// The instant as seconds since the epoch, with a fractional part.
    public var secondsSinceEpoch: Double {
        Double(nanosecondsSinceEpoch) / Double(Self.nanosecondsPerSecond)
    }

    /// The current instant.
    public static var now: Timestamp {
        let now = WallClock.nanosecondsSinceEpoch()
        return Timestamp(nanosecondsSinceEpoch: now)
    }

    /// Orders by instant.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    /// The timestamp moved by a duration, saturating at the representable range.
    /// - Parameters:
    ///   - lhs: the starting instant.
    ///   - rhs: how far to move it.
    /// - Returns: the moved instant.
    public static func - (lhs: Timestamp, rhs: Duration) -> Timestamp {
        let (result, overflow) = lhs.nanosecondsSinceEpoch.subtractingReportingOverflow(rhs.totalNanoseconds)
        return Timestamp(nanosecondsSinceEpoch: overflow ? Int64.min : result)
    }

    /// The timestamp moved forward by a duration, saturating at the representable range.
    /// - Parameters:
    ///   - lhs: the starting instant.
    ///   - rhs: how far to move it.
    /// - Returns: the moved instant.
    public static func + (lhs: Timestamp, rhs: Duration) -> Timestamp {
        let (result, overflow) = lhs.nanosecondsSinceEpoch.addingReportingOverflow(rhs.totalNanoseconds)
        return Timestamp(nanosecondsSinceEpoch: overflow ? Int64.max : result)
    }

    static let nanosecondsPerSecond: Int64 = 1_000_000_000
}

extension Duration {
    /// A duration of whole days.
    /// - Parameter days: the number of days.
    /// - Returns: the duration.
    public static func days(_ days: Int) -> Duration { .seconds(days * 86_400) }

    /// A duration of whole hours.
    /// - Parameter hours: the number of hours.
    /// - Returns: the duration.
    public static func hours(_ hours: Int) -> Duration { .seconds(hours * 3_600) }

    /// A duration of whole minutes.
    /// - Parameter minutes: the number of minutes.
    /// - Returns: the duration.
    public static func minutes(_ minutes: Int) -> Duration { .seconds(minutes * 60) }

    /// The duration in nanoseconds, saturating at the range of `Int64`.
    public var totalNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (total, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow2 { return seconds < 0 ? .min : .max }
        return total
    }
}
