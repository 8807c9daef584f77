public import Larder
import LarderCore
import LarderStores

/// Writes an online read as Feast's server does:
/// `{"metadata": {"feature_names": [...]}, "results": [{"values", "statuses", "event_timestamps"}]}`.
/// Join keys and lookups with no stored row get the event time `1970-01-01T00:00:00Z`, as
/// Feast's empty protobuf timestamp renders.
///
/// The one encoding of an online read: the feature server answers with it and
/// `larder get-online-features` prints it, so both give the same values for the same read.
public enum OnlineFeaturesEncoder {
    /// The event time written when there is none.
    static let noTimestamp: StaticString = "\"1970-01-01T00:00:00Z\""

    /// Encodes a result.
    /// - Parameters:
    ///   - features: the result.
    ///   - columnPerLine: start each result column on a line of its own, for a person to
    ///     read; the values are the same.
    /// - Returns: the JSON bytes.
    public static func encode(_ features: OnlineFeatures, columnPerLine: Bool = false) -> [UInt8] {
        var writer = JSONWriter(capacity: 128 + features.columns.count * (64 + features.rowCount * 48))
        writer.raw("{\"metadata\":{\"feature_names\":[")
        for (index, name) in features.featureNames.enumerated() {
            if index > 0 { writer.byte(",") }
            writer.string(name)
        }
        writer.raw("]},\"results\":[")
        // The features of a view share one column of event times: its text is written once
        // and copied for the features after it.
        var previousTimestamps: (column: ResultColumn<Timestamp?>, text: Range<Int>)?
        for index in features.columns.indices {
            if index > 0 { writer.byte(",") }
            if columnPerLine { writer.byte("\n") }
            let column = features.columns[index]
            writer.raw("{\"values\":[")
            column.values.withUnsafeBufferPointer { values in
                for row in values.indices {
                    if row > 0 { writer.byte(",") }
                    writer.value(values[row])
                }
            }
            writer.raw("],\"statuses\":[")
            column.statuses.withUnsafeBufferPointer { statuses in
                for row in statuses.indices {
                    if row > 0 { writer.byte(",") }
                    writer.raw(statuses[row].jsonText)
                }
            }
            writer.raw("],\"event_timestamps\":")
            if let previous = previousTimestamps, previous.column.isSameWindow(as: column.eventTimestamps) {
                writer.repeatWritten(previous.text)
            } else {
                let start = writer.count
                write(column.eventTimestamps, into: &writer)
                previousTimestamps = (column.eventTimestamps, start..<writer.count)
            }
            writer.byte("}")
        }
        if columnPerLine { writer.byte("\n") }
        writer.raw("]}")
        return writer.bytes
    }

    /// Writes a column of event times as a JSON array.
    private static func write(_ timestamps: ResultColumn<Timestamp?>, into writer: inout JSONWriter) {
        writer.byte("[")
        timestamps.withUnsafeBufferPointer { timestamps in
            for row in timestamps.indices {
                if row > 0 { writer.byte(",") }
                if let timestamp = timestamps[row] {
                    writer.timestamp(timestamp)
                } else {
                    writer.raw(noTimestamp)
                }
            }
        }
        writer.byte("]")
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
