import Foundation
import LarderCore
import Logging
import Synchronization

/// The drift gauges of the latest drift report, `<registry directory>/quality/drift-latest.json`
/// (written by `larder drift --push-metrics`; its format is documented in docs/data-quality.md):
/// `larder_feature_drift{baseline,feature,statistic}`, `larder_feature_drifted{baseline,feature}`
/// and `larder_drift_report_timestamp_seconds`. The file is read again only when its
/// modification time or size changes; without a file there are no drift gauges.
final class DriftReportGauges: Sendable {
    /// The report file.
    let path: String
    private let logger: Logger
    private let cached = Mutex<(signature: [Int64], text: String)?>(nil)

    /// The statistics exposed, in the order the report lists them.
    static let statistics = [
        "psi", "ks_statistic", "ks_p_value", "chi2_statistic", "chi2_p_value", "null_fraction_change",
    ]

    /// Gauges for a report file.
    /// - Parameters:
    ///   - path: the report's path.
    ///   - logger: where an unreadable report is reported.
    init(path: String, logger: Logger) {
        self.path = path
        self.logger = logger
    }

    /// The report's gauges as Prometheus text, or nothing when there is no report.
    func text() -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let modified = attributes[.modificationDate] as? Date
        else { return "" }
        let signature = [
            Int64(modified.timeIntervalSince1970 * 1e9), (attributes[.size] as? NSNumber)?.int64Value ?? -1,
        ]
        if let cached = cached.withLock({ $0 }), cached.signature == signature { return cached.text }
        var text = ""
        do {
            text = Self.render(
                try JSONDecoder().decode(DriftReport.self, from: Data(contentsOf: URL(fileURLWithPath: path))))
        } catch {
            logger.warning(
                "the drift report cannot be read; no drift gauges until it is rewritten",
                metadata: ["file": "\(path)", "error": "\(error)"])
        }
        cached.withLock { $0 = (signature, text) }
        return text
    }

    /// The gauges of a report.
    /// - Parameter report: the report.
    /// - Returns: the Prometheus text.
    static func render(_ report: DriftReport) -> String {
        var text = PrometheusGaugeText()
        text.family(
            "larder_feature_drift",
            help: "Drift statistics of a feature against a baseline, from the latest drift report.")
        for feature in report.features {
            for (statistic, value) in zip(statistics, feature.statistics) {
                guard let value else { continue }
                text.sample(
                    "larder_feature_drift",
                    [("baseline", report.baseline), ("feature", feature.name), ("statistic", statistic)], value)
            }
        }
        text.family("larder_feature_drifted", help: "1 when the latest drift report flags the feature, else 0.")
        for feature in report.features {
            text.sample(
                "larder_feature_drifted", [("baseline", report.baseline), ("feature", feature.name)],
                feature.drifted ? 1 : 0)
        }
        if let computed = Timestamp(parsing: report.computedAt) {
            text.family(
                "larder_drift_report_timestamp_seconds", help: "When the latest drift report was computed (Unix time).")
            text.sample(
                "larder_drift_report_timestamp_seconds", [], Double(computed.nanosecondsSinceEpoch) / 1e9)
        }
        return text.text
    }
}

/// The members of the drift report the gauges need (others are ignored).
struct DriftReport: Decodable {
    /// One feature's statistics; those that do not apply are null.
    struct Feature: Decodable {
        var name: String
        var psi: Double?
        var ksStatistic: Double?
        var ksPValue: Double?
        var chi2Statistic: Double?
        var chi2PValue: Double?
        var nullFractionChange: Double?
        var drifted: Bool

        /// The statistics in the order of ``DriftReportGauges/statistics``.
        var statistics: [Double?] {
            [psi, ksStatistic, ksPValue, chi2Statistic, chi2PValue, nullFractionChange]
        }

        enum CodingKeys: String, CodingKey {
            case name, psi, drifted
            case ksStatistic = "ks_statistic"
            case ksPValue = "ks_p_value"
            case chi2Statistic = "chi2_statistic"
            case chi2PValue = "chi2_p_value"
            case nullFractionChange = "null_fraction_change"
        }
    }

    var baseline: String
    var computedAt: String
    var features: [Feature]

    enum CodingKeys: String, CodingKey {
        case baseline, features
        case computedAt = "computed_at"
    }
}
