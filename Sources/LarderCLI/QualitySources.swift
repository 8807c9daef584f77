import ArgumentParser
import Foundation
import Larder
import LarderCore
import LarderFormats
import LarderQuality

/// The options that choose the rows `larder profile` profiles and `larder drift` compares.
struct QualitySourceOptions: ParsableArguments {
    @Option(name: .long, help: "A CSV or Parquet file, relative to the current directory.")
    var file: String?

    @Option(name: .long, help: "A feature view: its rows in the offline store.")
    var view: String?

    @Option(name: .long, help: "With --view: rows with event time in the last DURATION (30m, 24h, 7d) or since a time.")
    var since: String?

    @Option(name: .long, help: "A saved dataset (see `larder datasets list`).")
    var dataset: String?

    func validate() throws {
        if since != nil && view == nil { throw ValidationError("--since applies to --view only") }
    }

    /// The source the options choose.
    func source() throws -> QualitySource {
        try QualitySource.chosen(
            file: file, view: view, since: try since.map { try SinceParser.parse($0) }, dataset: dataset)
    }
}

/// Where `larder profile` and `larder drift` read rows from: a CSV or Parquet file, a feature
/// view's stored rows, or a saved dataset.
enum QualitySource {
    case file(String)
    case view(String, since: Timestamp)
    case dataset(String)

    /// The source chosen by exactly one of the flags.
    static func chosen(file: String?, view: String?, since: Timestamp?, dataset: String?) throws -> QualitySource {
        switch (file, view, dataset) {
        case (let file?, nil, nil): return .file(file)
        case (nil, let view?, nil): return .view(view, since: since ?? Timestamp(nanosecondsSinceEpoch: .min))
        case (nil, nil, let dataset?): return .dataset(dataset)
        default: throw CLIError("give exactly one of --file, --view and --dataset")
        }
    }

    /// Opens the rows.
    /// - Parameter options: the repository, for views and datasets.
    /// - Returns: the rows, and the columns that are features (`nil` for all).
    func open(_ options: RepositoryOptions) throws -> (reader: any TableReader, features: [String]?) {
        switch self {
        case .file(let path):
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: absolute) else { throw CLIError("\(path): no such file") }
            return (try TableFiles.openReader(path: absolute), nil)
        case .view(let name, let since):
            let store = try options.openAppliedStore().store
            let reader = try store.viewRows(named: name, start: since, end: Timestamp(nanosecondsSinceEpoch: .max))
            let view = try store.registry().manifest.featureView(named: name)
            return (reader, view?.storedColumns.map(\.name))
        case .dataset(let name):
            let datasets = try options.savedDatasets()
            let dataset = try datasets.dataset(named: name)
            return (try datasets.openTrainingSet(of: dataset), dataset.featureColumns)
        }
    }

    /// How reports name the source.
    var label: String {
        switch self {
        case .file(let path): path
        case .view(let name, _): "view \(name)"
        case .dataset(let name): "dataset \(name)"
        }
    }
}

extension RepositoryOptions {
    /// The repository's saved datasets, beside its registry file.
    func savedDatasets() throws -> SavedDatasetStore {
        SavedDatasetStore.beside(registryPath: try openStore().registryFile.path)
    }
}

/// Parses `--since`: a duration back from now (`90s`, `30m`, `24h`, `7d`) or an RFC 3339 time.
enum SinceParser {
    static func parse(_ text: String, now: Timestamp = .now) throws -> Timestamp {
        if let time = Timestamp(parsing: text) { return time }
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]
        if let unit = text.last, let seconds = units[unit], let count = Int64(text.dropLast()), count >= 0 {
            return now - .seconds(count * seconds)
        }
        throw CLIError("--since \(text): give a duration such as 30m, 24h or 7d, or an RFC 3339 time")
    }
}
