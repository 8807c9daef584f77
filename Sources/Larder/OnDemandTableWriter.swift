import LarderCore
import LarderFormats
import LarderStores

/// Writes a training set with on-demand features: takes the point-in-time join's batches
/// (entity columns, then the stored features ``OnDemandReadPlan/storedReferences`` with full
/// names), computes the on-demand features row by row with the same program as online reads,
/// and writes the entity columns and the requested features, in requested order.
final class OnDemandTableWriter: TableWriter {
    private let output: any TableWriter
    private let plan: OnDemandReadPlan
    private let entityCount: Int
    /// Per input slot: the batch column holding its values, and the request field to convert
    /// to (nil for a stored feature).
    private let inputColumns: [(column: Int, field: RequestField?)]
    private let outputNames: [String]
    private let computedTypes: [ValueType]

    /// The output schema for a join's schema: the entity columns, then the requested features.
    /// - Parameters:
    ///   - joined: the join's schema (entity columns, then the stored features).
    ///   - plan: the on-demand plan.
    ///   - file: the entity file, for messages.
    /// - Returns: the schema to write.
    /// - Throws: ``RequestDataError`` naming a request field the entity file lacks;
    ///   ``DefinitionError`` when a feature would be named like an entity column.
    static func schema(joined: TableSchema, plan: OnDemandReadPlan, file: String) throws -> TableSchema {
        let entityCount = joined.columns.count - plan.storedReferences.count
        let entityColumns = Array(joined.columns[..<entityCount])
        for case .request(let field) in plan.inputs where !entityColumns.contains(where: { $0.name == field.name }) {
            throw RequestDataError(
                field: field.name,
                "\(file) has no column '\(field.name)', which an on-demand feature reads (\(field.type)); the file has \(entityColumns.map(\.name).joined(separator: ", "))"
            )
        }
        var columns = entityColumns
        for (name, source) in plan.outputs {
            if entityColumns.contains(where: { $0.name == name }) {
                throw DefinitionError(
                    object: "feature '\(name)'", "the entity file has a column of that name; request full feature names"
                )
            }
            switch source {
            case .stored(let index):
                var column = joined.columns[entityCount + index]
                column.name = name
                columns.append(column)
            case .computed(let index):
                let type = plan.program.outputs[index].type
                columns.append(
                    ColumnSchema(name: name, type: FeatureColumnBuilder.columnType(for: type), nullable: true))
            }
        }
        return TableSchema(columns: columns)
    }

    /// A writer in front of the training set's writer.
    /// - Parameters:
    ///   - output: the training set's writer (made for ``schema(joined:plan:file:)``).
    ///   - joined: the join's schema.
    ///   - plan: the on-demand plan.
    init(output: any TableWriter, joined: TableSchema, plan: OnDemandReadPlan) {
        self.output = output
        self.plan = plan
        let entityCount = joined.columns.count - plan.storedReferences.count
        self.entityCount = entityCount
        let entityNames = joined.columns[..<entityCount].map(\.name)
        inputColumns = plan.inputs.map { input in
            switch input {
            case .stored(let index): (entityCount + index, nil)
            case .request(let field): (entityNames.firstIndex(of: field.name)!, field)
            }
        }
        outputNames = plan.outputs.map(\.name)
        computedTypes = plan.program.outputs.map(\.type)
    }

    /// Computes the on-demand features of a batch and writes it.
    /// - Throws: ``RequestDataError`` for a request value of the wrong type; the writer's errors.
    func write(_ batch: ColumnBatch) throws {
        var builders = plan.program.outputs.indices.map {
            FeatureColumnBuilder(name: "", type: computedTypes[$0])
        }
        var row = Array(repeating: Value.null, count: inputColumns.count)
        let columns = inputColumns.map { batch.columns[$0.column] }
        let fields = inputColumns.map(\.field)
        for rowIndex in 0..<batch.rowCount {
            for slot in columns.indices {
                let value = columns[slot].value(at: rowIndex)
                if let field = fields[slot], !value.conforms(to: field.type) {
                    guard let converted = RequestValues.convert(value, to: field.type) else {
                        throw RequestDataError(
                            field: field.name,
                            "value \(value.briefDescription) at entity row \(rowIndex + 1) is not a \(field.type)")
                    }
                    row[slot] = converted
                } else {
                    row[slot] = value
                }
            }
            for output in builders.indices { builders[output].append(plan.program.value(ofOutput: output, row)) }
        }
        var output = Array(batch.columns[..<entityCount])
        for (position, (_, source)) in plan.outputs.enumerated() {
            var column: Column
            switch source {
            case .stored(let index): column = batch.columns[entityCount + index]
            case .computed(let index): column = builders[index].build()
            }
            column.name = outputNames[position]
            output.append(column)
        }
        try self.output.write(ColumnBatch(columns: output, rowCount: batch.rowCount))
    }

    /// Closes the training set's writer.
    func close() throws {
        try output.close()
    }
}
