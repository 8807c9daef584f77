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
        var timestamps = RowTimestampTexts(rowCount: features.rowCount)
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
                    timestamps.write(timestamp, row: row, into: &writer)
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

/// The JSON text of each row's last event time: the features of one view share their rows'
/// event times, so each is formatted once per response and copied for the other features.
private struct RowTimestampTexts {
    private var texts: [UInt8] = []
    private var rows: [(timestamp: Timestamp, text: Range<Int>)?]

    init(rowCount: Int) {
        rows = Array(repeating: nil, count: rowCount)
    }

    mutating func write(_ timestamp: Timestamp, row: Int, into writer: inout JSONWriter) {
        if let known = rows[row], known.timestamp == timestamp {
            writer.raw(texts[known.text])
            return
        }
        let start = texts.count
        texts.append(UInt8(ascii: "\""))
        timestamp.appendRFC3339(to: &texts)
        texts.append(UInt8(ascii: "\""))
        rows[row] = (timestamp, start..<texts.count)
        writer.raw(texts[start...])
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
