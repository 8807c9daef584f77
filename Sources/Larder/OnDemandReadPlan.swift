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
    }

    /// Lays out a read of ``storedReferences`` as requested, computing the on-demand features.
    /// - Parameters:
    ///   - read: the join-key columns, then a column per stored reference.
    ///   - keyCount: how many join-key columns lead the read.
    ///   - request: the request's fields: `request_data` columns, then entity columns.
    /// - Returns: the join-key columns, then the requested features in order.
    /// - Throws: ``RequestDataError`` naming a missing field or a value of the wrong type.
    func finish(_ read: OnlineFeatures, keyCount: Int, request: [EntityColumn]) throws -> OnlineFeatures {
        let rowCount = read.rowCount
        var slots: [[Value]] = []
        slots.reserveCapacity(inputs.count)
        for input in inputs {
            switch input {
            case .stored(let index): slots.append(Array(read.columns[keyCount + index].values))
            case .request(let field): slots.append(try RequestValues.column(field, in: request, rowCount: rowCount))
            }
        }
        var computed = Array(repeating: [Value](), count: program.outputCount)
        for index in computed.indices { computed[index].reserveCapacity(rowCount) }
        var row = Array(repeating: Value.null, count: inputs.count)
        for rowIndex in 0..<rowCount {
            for slot in slots.indices { row[slot] = slots[slot][rowIndex] }
            for output in computed.indices { computed[output].append(program.value(ofOutput: output, row)) }
        }
        var result = OnlineFeatures(
            featureNames: Array(read.featureNames[..<keyCount]), columns: Array(read.columns[..<keyCount]),
            rowCount: rowCount)
        let noTimestamps = ResultColumn(Array(repeating: Timestamp?.none, count: rowCount))
        for (name, source) in outputs {
            result.featureNames.append(name)
            switch source {
            case .stored(let index): result.columns.append(read.columns[keyCount + index])
            case .computed(let index):
                let values = computed[index]
                result.columns.append(
                    OnlineFeatureColumn(
                        values: ResultColumn(values),
                        statuses: ResultColumn(values.map { $0.isNull ? FeatureStatus.nullValue : .present }),
                        eventTimestamps: noTimestamps))
            }
        }
        return result
    }
}
