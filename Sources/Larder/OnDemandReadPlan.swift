import LarderCore
import LarderStores
import LarderTransforms

/// The part of an online read plan for on-demand features: which stored features to read
/// (the requested ones and those the expressions read), the compiled program, and where
/// each requested column comes from.
///
/// The stored features are read with full names (so a feature read only as an input never
/// clashes with a requested one); the result is then laid out in requested order, with the
/// requested names.
struct OnDemandReadPlan: Sendable {
    /// Where a requested column comes from.
    enum Source: Sendable {
        /// A stored feature: its index among ``storedReferences``.
        case stored(Int)
        /// A computed feature: its index among the program's outputs.
        case computed(Int)
    }

    /// Where an input slot's values come from.
    enum InputSource: Sendable {
        case request(RequestField)
        case stored(Int)
    }

    /// The stored features to read, in order: the requested ones, then inputs not requested.
    let storedReferences: [FeatureReference]
    let program: TransformationProgram
    let outputs: [(name: String, source: Source)]
    let inputs: [InputSource]
    /// The names of the request fields the program reads.
    let requestFieldNames: Set<String>

    /// Plans a request that names on-demand features, or returns `nil` when it names none.
    /// - Parameters:
    ///   - references: the requested features, in output order.
    ///   - fullFeatureNames: name features `view__feature`.
    ///   - manifest: the definitions.
    /// - Throws: ``DefinitionError`` for an unknown view or feature, or two features that
    ///   would get the same name.
    init?(references: [FeatureReference], fullFeatureNames: Bool, manifest: Manifest) throws {
        guard references.contains(where: manifest.isOnDemand) else { return nil }
        var names = Set<String>()
        var stored: [FeatureReference] = []
        var computed: [FeatureReference] = []
        var outputs: [(name: String, source: Source)] = []
        for reference in references {
            guard let features = manifest.featureNames(ofView: reference.view) else {
                throw DefinitionError(
                    object: "feature reference '\(reference)'", "unknown feature view '\(reference.view)'")
            }
            guard features.contains(reference.feature) else {
                throw DefinitionError(
                    object: "feature reference '\(reference)'",
                    "feature view '\(reference.view)' has no feature '\(reference.feature)'")
            }
            let name = fullFeatureNames ? "\(reference.view)__\(reference.feature)" : reference.feature
            guard names.insert(name).inserted else {
                throw DefinitionError(
                    object: "feature reference '\(reference)'",
                    "feature '\(name)' is requested twice, or is in two views; request full feature names to tell them apart"
                )
            }
            if manifest.isOnDemand(reference) {
                outputs.append((name, .computed(computed.count)))
                computed.append(reference)
            } else {
                outputs.append((name, .stored(stored.count)))
                stored.append(reference)
            }
        }
        program = try TransformationProgram(features: computed, manifest: manifest)
        var inputs: [InputSource] = []
        for input in program.inputs {
            switch input {
            case .request(let field): inputs.append(.request(field))
            case .feature(let reference):
                if let index = stored.firstIndex(of: reference) {
                    inputs.append(.stored(index))
                } else {
                    inputs.append(.stored(stored.count))
                    stored.append(reference)
                }
            }
        }
        self.storedReferences = stored
        self.outputs = outputs
        self.inputs = inputs
        self.requestFieldNames = Set(program.requestFields.map(\.name))
    }

    /// Lays out a read of ``storedReferences`` as requested, computing the on-demand features.
    ///
    /// The computed values and statuses of all outputs share one array each (a column is a
    /// window onto it), and inputs are read in place, so a request costs a handful of
    /// allocations whatever the number of on-demand features.
    /// - Parameters:
    ///   - read: the join-key columns, then a column per stored reference.
    ///   - keyCount: how many join-key columns lead the read.
    ///   - requestData: the request's `request_data` columns, looked up first.
    ///   - entities: the request's entity columns, where request fields may also be.
    /// - Returns: the join-key columns (without request fields), then the requested features
    ///   in order.
    /// - Throws: ``RequestDataError`` naming a missing field or a value of the wrong type.
    func finish(
        _ read: OnlineFeatures, keyCount: Int, requestData: [EntityColumn], entities: [EntityColumn]
    ) throws
        -> OnlineFeatures
    {
        let rowCount = read.rowCount
        let requestColumns = try inputs.map { input -> [Value]? in
            guard case .request(let field) = input else { return nil }
            return try RequestValues.column(field, in: requestData, or: entities, rowCount: rowCount)
        }
        let outputCount = program.outputCount
        var values = Array(repeating: Value.null, count: outputCount * rowCount)
        var row = Array(repeating: Value.null, count: inputs.count)
        for rowIndex in 0..<rowCount {
            for (slot, input) in inputs.enumerated() {
                switch input {
                case .stored(let index): row[slot] = read.columns[keyCount + index].values[rowIndex]
                case .request: row[slot] = requestColumns[slot]![rowIndex]
                }
            }
            for output in 0..<outputCount {
                values[output * rowCount + rowIndex] = program.value(ofOutput: output, row)
            }
        }
        let statuses = values.map { $0.isNull ? FeatureStatus.nullValue : .present }
        let noTimestamps =
            keyCount > 0 ? read.columns[0].eventTimestamps : ResultColumn(Array(repeating: nil, count: rowCount))
        var result = OnlineFeatures(featureNames: [], columns: [], rowCount: rowCount)
        result.featureNames.reserveCapacity(keyCount + outputs.count)
        result.columns.reserveCapacity(keyCount + outputs.count)
        // Request fields sent among the entity columns are not echoed, as Feast's server does.
        for key in 0..<keyCount where !requestFieldNames.contains(read.featureNames[key]) {
            result.featureNames.append(read.featureNames[key])
            result.columns.append(read.columns[key])
        }
        for (name, source) in outputs {
            result.featureNames.append(name)
            switch source {
            case .stored(let index): result.columns.append(read.columns[keyCount + index])
            case .computed(let index):
                result.columns.append(
                    OnlineFeatureColumn(
                        values: ResultColumn(values, offset: index * rowCount, count: rowCount),
                        statuses: ResultColumn(statuses, offset: index * rowCount, count: rowCount),
                        eventTimestamps: noTimestamps))
            }
        }
        return result
    }
}
