import LarderTestSupport
import Foundation
import LarderCore

/// A repository in a temporary directory whose definitions are a manifest file (so tests
/// need not build Swift definitions): merchant statistics and merchant risk from two CSV
/// files, and a service over the statistics. Removed when the value is deinitialized.
final class ManifestRepository {
    let directory: URL
    var path: String { directory.path }
    var manifestPath: String { directory.appendingPathComponent("manifest.json").path }

    /// Three merchants, two days each.
    static let statsCSV = """
        merchant_id,event_timestamp,tx_count,category
        1,2026-01-01T00:00:00Z,10,grocery
        1,2026-01-02T00:00:00Z,12,grocery
        2,2026-01-01T00:00:00Z,5,online
        2,2026-01-02T00:00:00Z,6,online
        3,2026-01-01T00:00:00Z,7,fuel
        3,2026-01-02T00:00:00Z,8,fuel

        """

    init(statsCSV: String = ManifestRepository.statsCSV) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("larder-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        try write("project: merchants\n", to: "feature_store.yaml")
        try write(statsCSV, to: "data/merchants.csv")
        try write("merchant_id,event_timestamp,risk\n1,2026-01-01T00:00:00Z,0.5\n", to: "data/risk.csv")
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ text: String, to relativePath: String) throws {
        try text.write(to: directory.appendingPathComponent(relativePath), atomically: true, encoding: .utf8)
    }

    /// The definitions; `categoryType` is the declared type of `category`.
    static func manifest(categoryType: ValueType = .string, withStats: Bool = true) -> Manifest {
        let merchant = Entity("merchant", joinKey: "merchant_id")
        let stats = FeatureView(
            "merchant_stats", entities: [merchant], ttl: .days(2), source: FileSource("data/merchants.csv")
        ) {
            Field("tx_count", .int64)
            Field("category", categoryType)
        }
        let risk = FeatureView("merchant_risk", entities: [merchant], source: FileSource("data/risk.csv")) {
            Field("risk", .float64)
        }
        if !withStats { return FeatureRepository { risk }.manifest }
        return FeatureRepository {
            stats
            risk
            FeatureService("merchant_v1") { stats }
        }.manifest
    }

    /// Writes manifest JSON to `manifest.json` and returns `apply --manifest` arguments.
    func applyArguments(_ json: String, verb: String = "apply") throws -> [String] {
        try write(json, to: "manifest.json")
        return [verb, "--repo", path, "--manifest", manifestPath]
    }

    /// Applies the standard definitions, failing when apply does.
    func applied() async throws -> ManifestRepository {
        let result = try await LarderExecutable.run(try applyArguments(Self.manifest().jsonText()))
        guard result.status == 0 else { throw ApplyFailed(message: result.standardError) }
        return self
    }

    struct ApplyFailed: Error {
        var message: String
    }
}
