/// Gauges in the Prometheus text exposition format, for values computed when `/metrics` is
/// scraped (view freshness, the latest drift report) rather than counted as requests go by.
struct PrometheusGaugeText {
    /// The text written so far.
    private(set) var text = ""

    /// Starts a gauge family with its help line.
    /// - Parameters:
    ///   - name: the metric's name.
    ///   - help: what it measures.
    mutating func family(_ name: String, help: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
    }

    /// Adds one sample of the current family.
    /// - Parameters:
    ///   - name: the metric's name.
    ///   - labels: label names and values, in order.
    ///   - value: the value.
    mutating func sample(_ name: String, _ labels: [(String, String)] = [], _ value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.0)=\"\(Self.escaped($0.1))\"" }.joined(separator: ",") + "}"
        }
        text += " " + Self.number(value) + "\n"
    }

    /// A label value with backslashes, quotes and newlines escaped.
    static func escaped(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A number as Prometheus writes it (`+Inf`, `-Inf`, `NaN` for the specials).
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        return "\(value)"
    }
}
