import Foundation
import Larder
import LarderCore

/// Writes online features as the feature server's JSON: `metadata.feature_names` and one
/// result per column with `values`, `statuses` and `event_timestamps`.
enum OnlineFeaturesJSON {
    static func text(_ features: OnlineFeatures) -> String {
        var out = "{\"metadata\": {\"feature_names\": [" + features.featureNames.map(string).joined(separator: ", ") + "]},\n \"results\": ["
        out += features.columns.map { column in
            "\n  {\"values\": [" + column.values.map(value).joined(separator: ", ") + "], \"statuses\": ["
                + column.statuses.map { string($0.rawValue) }.joined(separator: ", ") + "], \"event_timestamps\": ["
                + column.eventTimestamps.map { $0.map { string($0.rfc3339()) } ?? "null" }.joined(separator: ", ") + "]}"
        }.joined(separator: ",")
        return out + "\n]}"
    }

    static func value(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let v): v ? "true" : "false"
        case .int32(let v): String(v)
        case .int64(let v): String(v)
        case .float32(let v): v.isFinite ? "\(v)" : "null"
        case .float64(let v): v.isFinite ? "\(v)" : "null"
        case .string(let v): string(v)
        case .bytes(let v): string(Data(v).base64EncodedString())
        case .timestamp(let v): string(v.rfc3339())
        case .list(let v): "[" + v.map(self.value).joined(separator: ", ") + "]"
        }
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
