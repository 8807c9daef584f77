import Foundation
import LarderFormats
import LarderQuality

/// A profile as terminal tables: one for numeric columns, one for the others.
enum ProfileText {
    static func render(_ profile: TableProfile) -> String {
        var text = "\(profile.source): \(profile.rows) rows\n"
        let numeric = profile.features.filter { $0.kind == .numeric }
        if !numeric.isEmpty {
            let headers = ["feature", "nulls", "min", "p1", "p25", "p50", "p75", "p99", "max", "mean", "stddev"]
            var table = TextTable(
                headers: headers, rightAligned: [false] + Array(repeating: true, count: headers.count - 1))
            for feature in numeric {
                let q = feature.quantiles ?? [:]
                table.appendRow(
                    [feature.name, percent(feature.nullFraction)]
                        + [
                            feature.min, q["p1"], q["p25"], q["p50"], q["p75"], q["p99"], feature.max, feature.mean,
                            feature.stddev,
                        ].map(number))
            }
            text += "\n" + table.rendered()
        }
        let others = profile.features.filter { $0.kind != .numeric }
        if !others.isEmpty {
            var table = TextTable(headers: ["feature", "type", "nulls", "distinct", "top values"])
            table.maxCellWidth = 60
            for feature in others {
                let top = (feature.topValues ?? []).prefix(3).map { "\($0.value) (\($0.count))" }.joined(
                    separator: ", ")
                table.appendRow([
                    feature.name, feature.type, percent(feature.nullFraction),
                    feature.distinctCount.map(String.init) ?? "",
                    top,
                ])
            }
            text += "\n" + table.rendered()
        }
        return text
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 1e-3 { return String(format: "%.4g", value) }
        return String(format: "%.4f", value)
    }

    static func percent(_ fraction: Double) -> String {
        String(format: "%.1f%%", fraction * 100)
    }
}
