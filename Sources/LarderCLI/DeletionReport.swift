import Larder
import LarderCore

/// The feature views and services a registry change deletes, with what each held, so plan
/// and apply say it plainly and a non-interactive apply deletes only when told to.
struct DeletionReport {
    /// The deleted views and services, each with a note on what it stored or served.
    var changes: [RegistryChange]

    /// The flag that lets apply delete.
    static let flag = "--allow-deletes"

    /// Reads, for each view or service the diff deletes, what the stores hold for it.
    /// - Parameters:
    ///   - diff: the planned change.
    ///   - store: the repository, before the change.
    init(_ diff: RegistryDiff, store: FeatureStore) throws {
        let manifest = try store.registry().manifest
        changes = try diff.changes.filter { $0.action == .delete }.compactMap { change -> RegistryChange? in
            var change = change
            switch change.kind {
            case .featureView:
                let stored = try store.storedData(ofView: change.name)
                change.details = [stored.isEmpty ? stored.summary : "stores \(stored.summary)"]
            case .featureService:
                let count = (try? manifest.references(ofService: change.name).count) ?? 0
                change.details = ["serves \(count) features to the models that use it"]
            case .entity, .source, .onDemandFeatureView:
                return nil
            }
            return change
        }
    }

    /// Whether nothing that stores or serves features is deleted.
    var isEmpty: Bool { changes.isEmpty }

    /// `feature view 'user_stats' (stores 120 rows offline, …) and feature service 'fraud_v1' (…)`.
    var objects: String {
        changes.map { "\($0.kind.rawValue) '\($0.name)' (\($0.details.joined(separator: "; ")))" }
            .joined(separator: " and ")
    }

    /// The diff with these notes on its deletions.
    func annotating(_ diff: RegistryDiff) -> RegistryDiff {
        var diff = diff
        diff.changes = diff.changes.map { change in
            changes.first { $0.kind == change.kind && $0.name == change.name && change.action == .delete } ?? change
        }
        return diff
    }
}
