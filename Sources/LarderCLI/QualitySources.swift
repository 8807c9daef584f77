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

    @Flag(
        name: .long,
        help: "What the feature server logged (feature_logging), with --since; drift reads the baseline's service.")
    var logged = false

    @Option(name: .long, help: "With --logged: the feature service whose served features were logged.")
    var service: String?

    func validate() throws {
        if since != nil && view == nil && !logged {
            throw ValidationError("--since applies to --view and --logged only")
        }
        if service != nil && !logged { throw ValidationError("--service applies to --logged only") }
    }

    /// The source the options choose.
    /// - Parameter defaultService: the feature service `--logged` reads when `--service` is not given.
    func source(defaultService: String? = nil) throws -> QualitySource {
        let start = try since.map { try SinceParser.parse($0) }
        if logged {
            guard file == nil, view == nil, dataset == nil else {
                throw CLIError("give exactly one of --file, --view, --dataset and --logged")
            }
            guard let name = service ?? defaultService else {
                throw CLIError("--logged needs --service (the feature service whose requests were logged)")
            }
            return .logged(service: name, since: start ?? Timestamp(nanosecondsSinceEpoch: .min))
        }
        return try QualitySource.chosen(file: file, view: view, since: start, dataset: dataset)
    }
}

/// Where `larder profile` and `larder drift` read rows from: a CSV or Parquet file, a feature
/// view's stored rows, a saved dataset, or the features the server logged for a service.
enum QualitySource {
    case file(String)
    case view(String, since: Timestamp)
    case dataset(String)
    case logged(service: String, since: Timestamp)

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
        case .logged(let service, let since):
            let store = try options.openAppliedStore().store
            let reader = try store.loggedFeatures(service: service, since: since)
            let features = try store.registry().manifest.references(ofService: service).map(\.feature)
            return (reader, features)
        }
    }

    /// How reports name the source.
    var label: String {
        switch self {
        case .file(let path): path
        case .view(let name, _): "view \(name)"
        case .dataset(let name): "dataset \(name)"
        case .logged(let service, _): "features logged for service \(service)"
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
