import Foundation
public import LarderFormats

/// The saved datasets of a repository: one directory per dataset under
/// `<directory of registry.json>/datasets/NAME/`, holding the training set file and
/// `dataset.json`. A dataset is written in a hidden directory beside it and renamed into place,
/// so a dataset is either complete or absent.
public struct SavedDatasetStore: Sendable {
    /// The directory holding the datasets.
    public let directory: String

    /// The store under a directory (created when the first dataset is saved).
    /// - Parameter directory: the datasets' directory.
    public init(directory: String) {
        self.directory = directory
    }

    /// The store of a repository whose registry file is at `registryPath`.
    /// - Parameter registryPath: the registry file's absolute path.
    /// - Returns: the store in `datasets/` beside it.
    public static func beside(registryPath: String) -> SavedDatasetStore {
        SavedDatasetStore(directory: (registryPath as NSString).deletingLastPathComponent + "/datasets")
    }

    /// The datasets, by name.
    /// - Returns: their descriptions.
    /// - Throws: ``QualityError`` when a `dataset.json` cannot be read.
    public func list() throws -> [SavedDataset] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return try names.filter { !$0.hasPrefix(".") }.sorted().map { try dataset(named: $0) }
    }

    /// One dataset's description.
    /// - Parameter name: the dataset.
    /// - Returns: its description.
    /// - Throws: ``QualityError`` naming an unknown dataset (and the saved ones).
    public func dataset(named name: String) throws -> SavedDataset {
        let path = directory + "/" + name + "/dataset.json"
        guard Self.isValidName(name), let data = FileManager.default.contents(atPath: path) else {
            let saved = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted()
            throw QualityError(
                "no saved dataset '\(name)' (saved: \(saved.isEmpty ? "none" : saved.joined(separator: ", "))); "
                    + "save one with `larder get-historical-features ... --save-as \(name)`")
        }
        do {
            return try JSONDecoder().decode(SavedDataset.self, from: data)
        } catch {
            throw QualityError("\(path): not a saved dataset description: \(error)")
        }
    }

    /// Opens a dataset's training set.
    /// - Parameter dataset: the dataset.
    /// - Returns: a reader of its rows.
    /// - Throws: ``FormatError`` when the file cannot be read.
    public func openTrainingSet(of dataset: SavedDataset) throws -> any TableReader {
        try TableFiles.openReader(path: directory + "/" + dataset.name + "/" + dataset.file)
    }

    /// Saves a training set under a name: copies the file, profiles it and writes its
    /// description, all in a hidden directory that is then renamed into place.
    /// - Parameters:
    ///   - name: the dataset's name (letters, digits, `_`, `-`, `.`; not starting with `.`).
    ///   - trainingSetPath: the training set file (CSV or Parquet).
    ///   - describe: makes the description from the copied file's reader and its profile.
    /// - Returns: the saved description.
    /// - Throws: ``QualityError`` for a bad or taken name; file errors.
    @discardableResult
    public func save(
        name: String, trainingSetPath: String,
        describe: (_ reader: any TableReader, _ file: String, _ profile: TableProfile) throws -> SavedDataset
    ) throws -> SavedDataset {
        guard Self.isValidName(name) else {
            throw QualityError(
                "dataset name '\(name)': use letters, digits, '_', '-' and '.', not starting with '.'")
        }
        let manager = FileManager.default
        let final = directory + "/" + name
        guard !manager.fileExists(atPath: final) else {
            throw QualityError(
                "a saved dataset '\(name)' exists already; delete it with `larder datasets delete \(name)`")
        }
        let partial = directory + "/.\(name).partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? manager.removeItem(atPath: partial)
        try manager.createDirectory(atPath: partial, withIntermediateDirectories: true)
        do {
            let fileExtension = (trainingSetPath as NSString).pathExtension.lowercased()
            let file = "training_set." + (fileExtension == "csv" ? "csv" : "parquet")
            try manager.copyItem(atPath: trainingSetPath, toPath: partial + "/" + file)
            let reader = try TableFiles.openReader(path: partial + "/" + file)
            let profile = try ColumnProfiler.profile(reader, source: "dataset \(name)")
            let dataset = try describe(reader, file, profile)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(dataset).write(to: URL(fileURLWithPath: partial + "/dataset.json"), options: .atomic)
            guard rename(partial, final) == 0 else {
                throw QualityError("cannot move the dataset into \(final): \(String(cString: strerror(errno)))")
            }
            return dataset
        } catch {
            try? manager.removeItem(atPath: partial)
            throw error
        }
    }

    /// Deletes a dataset: renames it to a hidden name, then removes it.
    /// - Parameter name: the dataset.
    /// - Throws: ``QualityError`` naming an unknown dataset.
    public func delete(named name: String) throws {
        _ = try dataset(named: name)
        let doomed = directory + "/.\(name).deleted-\(ProcessInfo.processInfo.processIdentifier)"
        guard rename(directory + "/" + name, doomed) == 0 else {
            throw QualityError("cannot delete dataset '\(name)': \(String(cString: strerror(errno)))")
        }
        try FileManager.default.removeItem(atPath: doomed)
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                    || "_-.".unicodeScalars.contains($0)
            }
    }
}
