import ArgumentParser
import Foundation
import Larder
import LarderCore
import LarderFormats
import LarderQuality

/// `larder drift`: has what is served (or a file, or a view's recent rows) drifted from a saved dataset?
struct Drift: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Compare features with a saved dataset: PSI, Kolmogorov-Smirnov, chi-squared, null fraction.",
        discussion: """
            Per feature of the baseline: the population stability index over the baseline's \
            histogram bins (categories for strings and booleans), the two-sample \
            Kolmogorov-Smirnov statistic and p-value for numbers (equal to \
            scipy.stats.ks_2samp), the chi-squared statistic and p-value of the 2 x k table of \
            category counts for strings and booleans (equal to scipy.stats.chi2_contingency), \
            and the change in null fraction. A feature drifts when its p-value is below \
            --p-value divided by the number of features tested (Bonferroni), or its PSI is at \
            least --psi. The exit status is 3 when a feature drifts (1 on an error), so a scheduler can alert.

            --file is a CSV or Parquet file whose columns are named as the baseline's features \
            (other columns are ignored). --push-metrics writes the JSON report to \
            quality/drift-latest.json beside the registry, where `larder serve` reads it for \
            /metrics.

            Examples:
              larder drift --baseline fraud_training --file scored.parquet
              larder drift --baseline fraud_training --view user_transactions --since 7d --json
              larder drift --baseline fraud_training --logged --since 24h
            """)

    @OptionGroup var options: RepositoryOptions

    @Option(name: .long, help: "The saved dataset to compare with.")
    var baseline: String

    @OptionGroup var rows: QualitySourceOptions

    @Option(name: .long, help: "Compare only these of the baseline's features, comma-separated.")
    var features: String?

    @Option(name: .long, help: "The family-wise p-value threshold (default: the service's drift policy, else 0.05).")
    var pValue: Double?

    @Option(name: .long, help: "The PSI at or above which a feature drifts (default: the service's policy, else 0.25).")
    var psi: Double?

    @Flag(name: .long, help: "Judge each p-value against the threshold itself, without the Bonferroni correction.")
    var noBonferroni = false

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Flag(name: .long, help: "Also write the JSON report to quality/drift-latest.json beside the registry.")
    var pushMetrics = false

    func validate() throws {
        if let pValue, !(pValue > 0 && pValue < 1) {
            throw ValidationError("--p-value must be between 0 and 1, not \(pValue)")
        }
        if let psi, !(psi > 0) { throw ValidationError("--psi must be positive, not \(psi)") }
    }

    func run() throws {
        let datasets = try options.savedDatasets()
        let saved = try datasets.dataset(named: baseline)
        let source = try rows.source(defaultService: saved.featureService)
        let (current, _) = try source.open(options)
        var compared = try chosenFeatures(of: saved)
        if case .logged = source, features == nil {
            // A log holds what was served and sent: a training set's label is in neither.
            compared = compared.filter { current.schema[$0] != nil }
        }
        let missing = compared.filter { current.schema[$0] == nil }
        guard missing.isEmpty else {
            throw CLIError(
                "\(source.label) lacks the baseline's feature column\(missing.count == 1 ? "" : "s") "
                    + missing.map { "'\($0)'" }.joined(separator: ", ") + " (its columns: "
                    + current.schema.columns.map(\.name).joined(separator: ", ") + ")")
        }
        let thresholds = try thresholds(for: saved)
        let report = try DriftDetector.compare(
            baseline: ColumnSample.read(try datasets.openTrainingSet(of: saved), columns: compared),
            current: ColumnSample.read(current, columns: compared), baselineName: baseline,
            thresholds: thresholds)
        if pushMetrics {
            let path = try DriftReportFile.write(report, registryPath: try options.openStore().registryFile.path)
            if !json { print("Wrote \(path)") }
        }
        if json {
            print(try QualityJSON.text(report))
        } else {
            print(DriftText.render(report, source: source.label), terminator: "")
        }
        if !report.drifted.isEmpty { throw ExitCode(QualityExitStatus.finding) }
    }
}

extension Drift {
    /// The thresholds: the flags, else the drift policy the baseline's feature service declares,
    /// else the defaults.
    func thresholds(for saved: SavedDataset) throws -> DriftThresholds {
        var thresholds = DriftThresholds()
        if let service = saved.featureService {
            let manifest = try options.openAppliedStore().registry.manifest
            if let policy = manifest.featureServices.first(where: { $0.name == service })?.drift {
                thresholds.pValue = policy.pValue ?? thresholds.pValue
                thresholds.psi = policy.psi ?? thresholds.psi
                thresholds.bonferroni = policy.bonferroni ?? thresholds.bonferroni
            }
        }
        thresholds.pValue = pValue ?? thresholds.pValue
        thresholds.psi = psi ?? thresholds.psi
        if noBonferroni { thresholds.bonferroni = false }
        return thresholds
    }

    /// The baseline features `--features` names (all of them without it).
    func chosenFeatures(of saved: SavedDataset) throws -> [String] {
        guard let features else { return saved.featureColumns }
        let names = features.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        for name in names where !saved.featureColumns.contains(name) {
            throw CLIError(
                "dataset \(saved.name) has no feature '\(name)' (features: "
                    + saved.featureColumns.joined(separator: ", ") + ")")
        }
        return names
    }
}

/// Where `--push-metrics` writes the report: `<registry directory>/quality/drift-latest.json`,
/// replaced atomically so the server never reads half a report.
enum DriftReportFile {
    static func write(_ report: DriftReport, registryPath: String) throws -> String {
        let directory = (registryPath as NSString).deletingLastPathComponent + "/quality"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/drift-latest.json"
        try Data(try QualityJSON.text(report).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }
}

/// A drift report as a terminal table.
enum DriftText {
    static func render(_ report: DriftReport, source: String) -> String {
        let headers = ["feature", "kind", "psi", "ks", "ks p", "chi2", "chi2 p", "null Δ", "drifted"]
        var table = TextTable(
            headers: headers, rightAligned: [false, false] + Array(repeating: true, count: 6) + [false])
        for feature in report.features {
            table.appendRow([
                feature.name, feature.kind.rawValue, ProfileText.number(feature.psi),
                ProfileText.number(feature.ksStatistic), pValueText(feature.ksPValue),
                ProfileText.number(feature.chi2Statistic), pValueText(feature.chi2PValue),
                String(format: "%+.4f", feature.nullFractionChange), feature.drifted ? "DRIFT" : "",
            ])
        }
        let tested = report.features.filter { $0.pValue != nil }.count
        let rule =
            report.bonferroni
            ? "p < \(report.pValueThreshold)/\(tested) (Bonferroni) or PSI >= \(report.psiThreshold)"
            : "p < \(report.pValueThreshold) or PSI >= \(report.psiThreshold)"
        let verdict =
            report.drifted.isEmpty
            ? "No feature drifted (\(rule))."
            : "Drifted: \(report.drifted.joined(separator: ", ")) (\(rule))."
        return "\(source) against dataset \(report.baseline):\n\n" + table.rendered() + "\n" + verdict + "\n"
    }

    static func pValueText(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%.3g", value)
    }
}
