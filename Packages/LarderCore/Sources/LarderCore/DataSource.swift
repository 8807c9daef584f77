/// A CSV or Parquet file of feature rows, each with an event timestamp.
public struct FileSource: Hashable, Sendable, Codable {
    /// The source's unique name (defaults to the file name without extension).
    public var name: String
    /// The file's path, relative to the feature repository (or absolute).
    public var path: String
    /// The file's format; `nil` means "by extension".
    public var format: FileFormat?
    /// The column holding each row's event time: when the values became true.
    public var timestampField: String
    /// The column holding when each row was written, used to break ties between rows with
    /// the same event time; `nil` when the file has none.
    public var createdTimestampColumn: String?
    /// Renames from a column in the file to the feature or key name used in definitions.
    public var fieldMapping: [String: String]
    /// What the data is.
    public var description: String

    /// A file source.
    /// - Parameters:
    ///   - path: the file, relative to the feature repository.
    ///   - name: a unique name; defaults to the file name without its extension.
    ///   - format: `.csv` or `.parquet`; defaults to the extension's.
    ///   - timestamp: the event-timestamp column.
    ///   - created: the created-timestamp column, if any.
    ///   - fieldMapping: renames from file columns to definition names.
    ///   - description: what the data is.
    public init(
        _ path: String, name: String? = nil, format: FileFormat? = nil, timestamp: String = "event_timestamp",
        created: String? = nil, fieldMapping: [String: String] = [:], description: String = ""
    ) {
        self.path = path
        self.name = name ?? FileSource.defaultName(forPath: path)
        self.format = format
        self.timestampField = timestamp
        self.createdTimestampColumn = created
        self.fieldMapping = fieldMapping
        self.description = description
    }

    /// The format to read the file with: the declared one, else the extension's.
    public var resolvedFormat: FileFormat? { format ?? FileFormat(path: path) }

    /// The column in the file that holds a definition name (the reverse of `fieldMapping`).
    /// - Parameter name: a feature or join-key name.
    /// - Returns: the file's column name.
    public func sourceColumn(for name: String) -> String {
        fieldMapping.first { $0.value == name }?.key ?? name
    }

    static func defaultName(forPath path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.split(separator: ".").first.map(String.init) ?? file
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, path, format, timestampField = "timestamp_field"
        case createdTimestampColumn = "created_timestamp_column", fieldMapping = "field_mapping", description
    }

    /// Decodes a file source; optional members may be absent.
    /// - Throws: `DecodingError` when `name`, `path` or `timestamp_field` is missing.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self, allowing: ["kind"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        path = try container.decode(String.self, forKey: .path)
        format = try container.decodeIfPresent(FileFormat.self, forKey: .format)
        timestampField = try container.decode(String.self, forKey: .timestampField)
        createdTimestampColumn = try container.decodeIfPresent(String.self, forKey: .createdTimestampColumn)
        fieldMapping = try container.decodeIfPresent([String: String].self, forKey: .fieldMapping) ?? [:]
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
    }
}

/// A source that applications write rows to directly (`push`), backed by a file source that
/// defines its schema and receives the rows offline.
public struct PushSource: Hashable, Sendable, Codable {
    /// The push source's unique name, used in push requests.
    public var name: String
    /// The file source that also receives pushed rows and defines their columns.
    public var batchSource: FileSource
    /// What is pushed.
    public var description: String

    /// A push source.
    /// - Parameters:
    ///   - name: the push source's unique name.
    ///   - batchSource: the file source behind it.
    ///   - description: what is pushed.
    public init(_ name: String, batchSource: FileSource, description: String = "") {
        self.name = name
        self.batchSource = batchSource
        self.description = description
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, batchSource = "batch_source", description
    }

    /// Decodes a push source; `description` may be absent.
    /// - Throws: `DecodingError` when `name` or `batch_source` is missing.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self, allowing: ["kind"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        batchSource = try container.decode(FileSource.self, forKey: .batchSource)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
    }
}

/// Where a feature view's rows come from.
public enum DataSource: Hashable, Sendable {
    case file(FileSource)
    case push(PushSource)

    /// The source's unique name.
    public var name: String {
        switch self {
        case .file(let source): source.name
        case .push(let source): source.name
        }
    }

    /// The file that holds the rows offline (a push source's batch source).
    public var fileSource: FileSource {
        switch self {
        case .file(let source): source
        case .push(let source): source.batchSource
        }
    }
}
