import LarderCore
import LarderFormats
import LarderStores

/// Logged rows as columns: entity columns, `request_id`, `log_time`, then the features.
struct LoggedFeatureTable {
    /// The join keys and request fields the requests sent, in first-seen order.
    var entityColumns: [Column] = []
    /// `request_id` and `log_time`.
    var logColumns: [Column] = []
    /// One column per feature of the service, named as a training set names it.
    var featureColumns: [Column] = []
    /// The number of rows.
    var rowCount: Int
    /// What the table is, for messages.
    var description: String

    /// Lays out logged rows.
    /// - Parameters:
    ///   - records: the rows.
    ///   - service: their feature service.
    ///   - references: the service's features.
    ///   - manifest: the definitions the column types come from.
    /// - Throws: ``DefinitionError`` when two features have the same name.
    init(records: [FeatureLogRecord], service: String, references: [FeatureReference], manifest: Manifest) throws {
        rowCount = records.count
        description = "logged features of feature service '\(service)'"
        var outputNames: [String] = []
        for reference in references {
            guard !outputNames.contains(reference.feature) else {
                throw DefinitionError(
                    object: "feature service '\(service)'",
                    "two features are named '\(reference.feature)'; a training set of it needs full feature names, which logged features do not have"
                )
            }
            outputNames.append(reference.feature)
        }
        var entityNames: [String] = []
        for record in records {
            for name in record.entityNames where !entityNames.contains(name) { entityNames.append(name) }
        }
        for name in entityNames {
            let values = records.map { record in
                record.entityNames.firstIndex(of: name).map { record.entityValues[$0] } ?? .null
            }
            entityColumns.append(Self.column(name, values, declared: manifest.declaredType(ofEntityColumn: name)))
        }
        logColumns = [
            Self.column("request_id", records.map { .string($0.requestID) }, declared: .string),
            Self.column("log_time", records.map { .timestamp($0.logTime) }, declared: .timestamp),
        ]
        for (index, reference) in references.enumerated() {
            let key = reference.description
            let values = records.map { record in
                record.featureNames.firstIndex(of: key).map { record.values[$0] } ?? .null
            }
            let declared =
                manifest.featureView(named: reference.view)?.feature(named: reference.feature)?.type
                ?? manifest.onDemandFeatureViews.first { $0.name == reference.view }?.feature(named: reference.feature)?
                .type
            featureColumns.append(Self.column(outputNames[index], values, declared: declared))
        }
    }

    /// The whole table, as ``FeatureStore/loggedFeatures(service:since:)`` returns it.
    var reader: any TableReader {
        Self.reader(entityColumns + logColumns + featureColumns, rowCount: rowCount, path: description)
    }

    /// A reader over columns.
    static func reader(_ columns: [Column], rowCount: Int, path: String) -> any TableReader {
        let schema = TableSchema(columns: columns.map { ColumnSchema(name: $0.name, type: $0.type, nullable: true) })
        return ColumnBatchReader(
            path: path, schema: schema, batches: [ColumnBatch(columns: columns, rowCount: rowCount)])
    }

    /// A column of values of one type: the declared one, else the first value's.
    static func column(_ name: String, _ values: [Value], declared: ValueType?) -> Column {
        let type = declared ?? values.lazy.compactMap(\.loggedType).first ?? .string
        var builder = FeatureColumnBuilder(name: name, type: type)
        for value in values { builder.append(value.coerced(to: type) ?? .null) }
        return builder.build()
    }
}

extension Manifest {
    /// The declared type of a join key, from the entity that has it, or of a request field of
    /// an on-demand feature view.
    fileprivate func declaredType(ofEntityColumn name: String) -> ValueType? {
        entities.lazy.flatMap(\.joinKeys).first { $0.name == name }?.type
            ?? onDemandFeatureViews.lazy.flatMap(\.requestFields).first { $0.name == name }?.type
    }
}

extension Value {
    /// The type of a non-null value.
    fileprivate var loggedType: ValueType? {
        switch self {
        case .null: nil
        case .bool: .bool
        case .int32: .int32
        case .int64: .int64
        case .float32: .float32
        case .float64: .float64
        case .string: .string
        case .bytes: .bytes
        case .timestamp: .timestamp
        case .list(let elements):
            elements.lazy.compactMap(\.loggedType).first?.scalar.map(ValueType.list)
        }
    }
}
