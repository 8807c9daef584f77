import Foundation
import LarderCore

/// A time zone for local dates and times: UTC by arithmetic, any other zone through its
/// offset from UTC at the instant (so daylight-saving days are right).
struct LocalTime: Sendable {
    private let zone: TimeZone?

    /// A zone by name; `UTC` (and unknown names, which the type checker rejects) use UTC.
    init(zone: String) {
        self.zone = zone == "UTC" ? nil : TimeZone(identifier: zone)
    }

    /// Seconds since the epoch of the local wall-clock time of an instant, rounded down.
    func localSeconds(_ time: Timestamp) -> Int64 {
        let seconds = time.wholeSecondsSinceEpoch
        guard let zone else { return seconds }
        return seconds + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
    }
}

/// `hour`, `day_of_week` (Monday 0, as pandas), `day_of_month` and `month` kernels.
enum TimeParts {
    static func kernel(_ part: TimePart, _ argument: @escaping Kernel, zone: LocalTime) -> Kernel {
        { row in
            guard case .timestamp(let time) = argument(row) else { return .null }
            let seconds = zone.localSeconds(time)
            let (days, secondOfDay) = floorDivision(seconds, 86_400)
            switch part {
            case .hour: return .int64(secondOfDay / 3_600)
            // 1970-01-01 was a Thursday (3 when Monday is 0).
            case .dayOfWeek: return .int64(floorDivision(days + 3, 7).remainder)
            case .dayOfMonth: return .int64(CivilCalendar.date(fromDaysSinceEpoch: days).day)
            case .month: return .int64(CivilCalendar.date(fromDaysSinceEpoch: days).month)
            }
        }
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
