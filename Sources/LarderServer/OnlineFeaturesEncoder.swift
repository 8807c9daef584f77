import Larder
import LarderCore
import LarderOnline

/// Writes an online read as Feast's server does:
/// `{"metadata": {"feature_names": [...]}, "results": [{"values", "statuses", "event_timestamps"}]}`.
/// Join keys and lookups with no stored row get the event time `1970-01-01T00:00:00Z`, as
/// Feast's empty protobuf timestamp renders.
enum OnlineFeaturesEncoder {
    /// The event time written when there is none.
    static let noTimestamp: StaticString = "\"1970-01-01T00:00:00Z\""

    /// Encodes a result.
    /// - Parameter features: the result.
    /// - Returns: the JSON bytes.
    static func encode(_ features: OnlineFeatures) -> [UInt8] {
        var writer = JSONWriter(capacity: 128 + features.columns.count * (64 + features.rowCount * 48))
        writer.raw("{\"metadata\":{\"feature_names\":[")
        for (index, name) in features.featureNames.enumerated() {
            if index > 0 { writer.byte(",") }
            writer.string(name)
        }
        writer.raw("]},\"results\":[")
        var timestamps = TimestampTextCache()
        for (index, column) in features.columns.enumerated() {
            if index > 0 { writer.byte(",") }
            writer.raw("{\"values\":[")
            for (row, value) in column.values.enumerated() {
                if row > 0 { writer.byte(",") }
                writer.value(value)
            }
            writer.raw("],\"statuses\":[")
            for (row, status) in column.statuses.enumerated() {
                if row > 0 { writer.byte(",") }
                writer.raw(status.jsonText)
            }
            writer.raw("],\"event_timestamps\":[")
            for (row, timestamp) in column.eventTimestamps.enumerated() {
                if row > 0 { writer.byte(",") }
                if let timestamp {
                    timestamps.write(timestamp, into: &writer)
                } else {
                    writer.raw(noTimestamp)
                }
            }
            writer.raw("]}")
        }
        writer.raw("]}")
        return writer.bytes
    }
}

/// Remembers the text of the last timestamps written: the features of one view share their
/// rows' event times, so each is formatted once per response.
private struct TimestampTextCache {
    private var texts: [Timestamp: String] = [:]

    mutating func write(_ timestamp: Timestamp, into writer: inout JSONWriter) {
        if let text = texts[timestamp] {
            writer.string(text)
            return
        }
        let text = timestamp.rfc3339()
        if texts.count < 4_096 { texts[timestamp] = text }
        writer.string(text)
    }
}

extension FeatureStatus {
    /// The status as a JSON string literal.
    fileprivate var jsonText: StaticString {
        switch self {
        case .present: "\"PRESENT\""
        case .nullValue: "\"NULL_VALUE\""
        case .notFound: "\"NOT_FOUND\""
        case .outsideMaxAge: "\"OUTSIDE_MAX_AGE\""
        }
    }
}
