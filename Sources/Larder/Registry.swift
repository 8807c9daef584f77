public import LarderCore

/// A time range of a view that `materialize` has copied to the online store.
public struct MaterializedInterval: Hashable, Sendable, Codable {
    /// The first event time included.
    public var start: Timestamp
    /// The last event time included.
    public var end: Timestamp
    /// When the run finished.
    public var completedAt: Timestamp
    /// The newest event time among the rows the run read, `nil` when it read none (or for
    /// runs recorded before Larder kept it). The console's freshness table shows it.
    public var newestEvent: Timestamp?

    /// An interval.
    /// - Parameters:
    ///   - start: the first event time included.
    ///   - end: the last event time included.
    ///   - completedAt: when the run finished.
    ///   - newestEvent: the newest event time among the rows read, if any.
    public init(start: Timestamp, end: Timestamp, completedAt: Timestamp, newestEvent: Timestamp? = nil) {
        self.start = start
        self.end = end
        self.completedAt = completedAt
        self.newestEvent = newestEvent
    }

    enum CodingKeys: String, CodingKey {
        case start, end, completedAt = "completed_at", newestEvent = "newest_event"
    }
}

/// When an object entered the registry and when it last changed.
public struct ObjectTimestamps: Hashable, Sendable, Codable {
    /// When `apply` first created the object.
    public var created: Timestamp
    /// When `apply` last changed the object.
    public var updated: Timestamp
}

/// The applied state of a feature repository: its definitions plus what Larder keeps about
/// them (creation times, materialized intervals). Stored as a JSON document that the CLI and
/// the server read without the Swift toolchain.
public struct Registry: Hashable, Sendable, Codable {
    /// The registry format version this build writes and reads.
    public static let currentVersion = 1

    /// The format version.
    public var version: Int
    /// The project's name.
    public var project: String
    /// When the registry was last written.
    public var lastUpdated: Timestamp
    /// The applied definitions.
    public var manifest: Manifest
    /// Creation and update times by object key (`feature_view/user_stats`).
    public var objectTimestamps: [String: ObjectTimestamps]
    /// Materialized intervals by feature view name, oldest first.
    public var materializations: [String: [MaterializedInterval]]

    /// An empty registry for a project.
    /// - Parameter project: the project's name.
    public init(project: String) {
        version = Self.currentVersion
        self.project = project
        lastUpdated = Timestamp(nanosecondsSinceEpoch: 0)
        manifest = Manifest()
        objectTimestamps = [:]
        materializations = [:]
    }

    /// Where the last materialization of a view ended, if it was ever materialized.
    /// - Parameter view: the view's name.
    public func lastMaterializedEnd(of view: String) -> Timestamp? {
        materializations[view]?.map(\.end).max()
    }

    enum CodingKeys: String, CodingKey {
        case version = "registry_version", project, lastUpdated = "last_updated", manifest
        case objectTimestamps = "object_timestamps", materializations
    }
}
