import LarderCore
import PropertyBased
import Testing

/// RFC 3339 text written by Larder reads back as the same instant; an offset names the same
/// instant as UTC does.
@Suite struct TimestampTextPropertyTests {
    /// Any instant Larder can hold (nanoseconds in an Int64: 1677 to 2262), but the first and
    /// last second, whose truncation to coarser units would leave the range.
    static let instants = Gen.int64(in: (Int64.min + 1_000_000_000)...(Int64.max - 1_000_000_000))
        .map { Timestamp(nanosecondsSinceEpoch: $0) }

    @Test func theShortestExactTextReadsBackExactly() async {
        await propertyCheck(count: 2000, input: Self.instants) { instant in
            let text = instant.rfc3339()
            #expect(Timestamp(parsing: text) == instant, "\(text)")
            var bytes: [UInt8] = []
            instant.appendRFC3339(to: &bytes)
            #expect(bytes == Array(text.utf8))
        }
    }

    @Test func fewerDigitsTruncateTowardThePast() async {
        await propertyCheck(count: 2000, input: Self.instants, Gen.int(in: 0...9)) { instant, digits in
            var unit: Int64 = 1
            for _ in digits..<9 { unit *= 10 }
            let nanoseconds = instant.nanosecondsSinceEpoch
            let truncated = nanoseconds - ((nanoseconds % unit) + unit) % unit
            let text = instant.rfc3339(fractionDigits: digits)
            #expect(Timestamp(parsing: text)?.nanosecondsSinceEpoch == truncated, "\(text)")
        }
    }

    /// Instants a day or more inside the range, so the wall-clock time at any offset is too.
    static let innerInstants = Gen.int64(in: (Int64.min + 86_400_000_000_000)...(Int64.max - 86_400_000_000_000))
        .map { Timestamp(nanosecondsSinceEpoch: $0) }

    @Test func anOffsetNamesTheSameInstantAsUTC() async {
        await propertyCheck(count: 2000, input: Self.innerInstants, Gen.int(in: -(23 * 60 + 59)...(23 * 60 + 59))) {
            instant, minutes in
            // The wall-clock time at that offset, then the offset.
            let local = Timestamp(
                nanosecondsSinceEpoch: instant.nanosecondsSinceEpoch + Int64(minutes) * 60_000_000_000)
            let wallClock = String(local.rfc3339(fractionDigits: 9).dropLast())
            let sign = minutes < 0 ? "-" : "+"
            let offset = sign + Self.twoDigits(abs(minutes) / 60) + ":" + Self.twoDigits(abs(minutes) % 60)
            for separator in ["T", " "] {
                let text = wallClock.prefix(10) + separator + wallClock.dropFirst(11) + offset
                #expect(Timestamp(parsing: text) == instant, "\(text)")
            }
        }
    }

    static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }
}
