public import LarderCore

/// An aggregation view's features, compiled once: for each feature its function, window
/// length and event column. The one evaluator behind training sets and online reads.
public struct AggregationProgram: Sendable, Hashable {
    /// One compiled feature.
    struct Step: Sendable, Hashable {
        var function: AggregationFunction
        var window: Int64
        var column: Int?
        var columnType: ValueType
    }

    /// The compiled features, in the order they were asked for.
    let steps: [Step]
    /// The event columns the log holds, in the view's order.
    public let eventColumns: [Field]

    /// Compiles some of an aggregation view's features.
    /// - Parameters:
    ///   - view: the aggregation view, with its column types resolved by `apply`.
    ///   - features: the feature names to compute, in output order.
    /// - Throws: ``DefinitionError`` for a view that is not an aggregation view, an unknown
    ///   feature, or an invalid window.
    public init(view: FeatureView, features: [String]) throws {
        let object = "feature view '\(view.name)'"
        guard let aggregations = view.aggregations else {
            throw DefinitionError(object: object, "is not an aggregation view")
        }
        let columns = view.eventColumns
        eventColumns = columns
        steps = try features.map { name in
            guard let aggregation = aggregations.first(where: { $0.featureName == name }) else {
                throw DefinitionError(
                    object: object,
                    "has no feature '\(name)' (known: \(aggregations.map(\.featureName).joined(separator: ", ")))")
            }
            guard let window = aggregation.window.nanoseconds else {
                throw DefinitionError(object: object, field: "window", "'\(aggregation.window)' is not a window")
            }
            let column = aggregation.column.flatMap { name in columns.firstIndex { $0.name == name } }
            return Step(
                function: aggregation.function, window: window, column: column,
                columnType: column.map { columns[$0].type } ?? .int64)
        }
    }

    /// The longest window among the compiled features, in nanoseconds.
    public var longestWindow: Int64 { steps.map(\.window).max() ?? 0 }

    /// Computes every feature over a key's events at a time: each aggregates the events with
    /// `time - window <= event time < time`.
    /// - Parameters:
    ///   - log: the key's events.
    ///   - time: the computation time in nanoseconds since the epoch.
    ///   - emit: receives each feature's position and value, in order.
    public func evaluate(_ log: EventLog, at time: Int64, _ emit: (Int, Value) -> Void) {
        let end = log.firstIndex(atOrAfter: time)
        var previousWindow: Int64 = -1
        var start = 0
        for (index, step) in steps.enumerated() {
            if step.window != previousWindow {
                let (from, overflow) = time.subtractingReportingOverflow(step.window)
                start = overflow ? 0 : log.firstIndex(atOrAfter: from)
                previousWindow = step.window
            }
            emit(
                index,
                WindowStatistics.compute(
                    step.function, column: step.column.map { log.columns[$0] }, range: start..<max(start, end),
                    columnType: step.columnType))
        }
    }

    /// The values of every feature over no events: 0 for counts and sums, else null.
    /// - Returns: one value per feature.
    public func emptyValues() -> [Value] {
        var values: [Value] = []
        evaluate(EventLog(types: eventColumns.map(\.type)), at: 0) { _, value in values.append(value) }
        return values
    }
}
