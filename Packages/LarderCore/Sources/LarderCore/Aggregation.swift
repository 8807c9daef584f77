/// One aggregated feature of an aggregation view: a function over a column of the view's
/// events in a window before the time it is computed at (`amount` · `mean` · `7d`).
///
/// Declared in a feature view's builder block instead of fields:
///
/// ```swift
/// FeatureView("user_transactions", entities: [user], source: transactions) {
///     Aggregation.count(windows: "1d", "7d")
///     Aggregation.over("amount", .mean, .stddev, windows: "7d", "30d")
///     Aggregation("merchant_id", .countDistinct, window: "30d", name: "merchants_30d")
/// }
/// ```
public struct Aggregation: Hashable, Sendable {
    /// The event column aggregated; `nil` for `count`.
    public var column: String?
    /// What is computed.
    public var function: AggregationFunction
    /// How far back from the computation time events count.
    public var window: AggregationWindow
    /// The feature's name when it is not the default `{column}_{function}_{window}`.
    public var name: String?
    /// The column's type: declared, or read from the source file by `apply`.
    public var columnType: ValueType?
    /// What the feature means.
    public var description: String

    /// An aggregation over a column.
    /// - Parameters:
    ///   - column: the event column.
    ///   - function: what to compute.
    ///   - window: how far back events count.
    ///   - name: the feature's name; defaults to `{column}_{function}_{window}`.
    ///   - type: the column's type; `apply` reads it from the source file when omitted.
    ///   - description: what the feature means.
    public init(
        _ column: String, _ function: AggregationFunction, window: AggregationWindow, name: String? = nil,
        type: ValueType? = nil, description: String = ""
    ) {
        self.init(
            column: column, function: function, window: window, name: name, columnType: type, description: description)
    }

    /// An aggregation from all its parts, as the manifest stores it.
    /// - Parameters:
    ///   - column: the event column; `nil` for `count`.
    ///   - function: what to compute.
    ///   - window: how far back events count.
    ///   - name: the feature's name, or `nil` for the default.
    ///   - columnType: the column's type, if known.
    ///   - description: what the feature means.
    public init(
        column: String?, function: AggregationFunction, window: AggregationWindow, name: String?,
        columnType: ValueType?, description: String
    ) {
        self.column = column
        self.function = function
        self.window = window
        self.name = name
        self.columnType = columnType
        self.description = description
    }

    /// The number of events in a window.
    /// - Parameters:
    ///   - window: how far back events count.
    ///   - name: the feature's name; defaults to `count_{window}`.
    ///   - description: what the feature means.
    /// - Returns: the aggregation.
    public static func count(window: AggregationWindow, name: String? = nil, description: String = "") -> Aggregation {
        Aggregation(
            column: nil, function: .count, window: window, name: name, columnType: nil, description: description)
    }

    /// Event counts over several windows.
    /// - Parameter windows: the windows.
    /// - Returns: one aggregation per window.
    public static func count(windows: AggregationWindow...) -> [Aggregation] {
        windows.map { count(window: $0) }
    }

    /// Every combination of some functions and windows over one column, with default names.
    /// - Parameters:
    ///   - column: the event column.
    ///   - functions: what to compute.
    ///   - windows: the windows.
    ///   - type: the column's type; `apply` reads it from the source file when omitted.
    /// - Returns: the aggregations, function by function, window by window.
    public static func over(
        _ column: String, _ functions: AggregationFunction..., windows: AggregationWindow..., type: ValueType? = nil
    ) -> [Aggregation] {
        functions.flatMap { function in windows.map { Aggregation(column, function, window: $0, type: type) } }
    }

    /// The feature's name: the declared one, else `{column}_{function}_{window}`
    /// (`count_{window}` for `count`).
    public var featureName: String {
        if let name { return name }
        guard let column else { return "\(function.rawValue)_\(window.text)" }
        return "\(column)_\(function.rawValue)_\(window.text)"
    }

    /// The aggregated feature as a field: its name, the type the function gives, its description.
    public var field: Field {
        Field(featureName, function.outputType(columnType: columnType), description: description)
    }
}

/// Builds the aggregations of an aggregation ``FeatureView``.
@resultBuilder
public enum AggregationBuilder {
    /// One aggregation.
    public static func buildExpression(_ aggregation: Aggregation) -> [Aggregation] { [aggregation] }
    /// Several aggregations.
    public static func buildExpression(_ aggregations: [Aggregation]) -> [Aggregation] { aggregations }
    /// A block of aggregations.
    public static func buildBlock(_ parts: [Aggregation]...) -> [Aggregation] { parts.flatMap { $0 } }
    /// Aggregations under `if`.
    public static func buildOptional(_ part: [Aggregation]?) -> [Aggregation] { part ?? [] }
    /// Aggregations under `if`/`else`.
    public static func buildEither(first part: [Aggregation]) -> [Aggregation] { part }
    /// Aggregations under `if`/`else`.
    public static func buildEither(second part: [Aggregation]) -> [Aggregation] { part }
    /// Aggregations from a `for` loop.
    public static func buildArray(_ parts: [[Aggregation]]) -> [Aggregation] { parts.flatMap { $0 } }
}

extension Aggregation: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case column, function, window, name, columnType = "column_type", description
    }

    /// Decodes an aggregation; `column` is absent for `count`, `name`, `column_type` and
    /// `description` may be.
    /// - Throws: `DecodingError` when `function` or `window` is missing or malformed, or a
    ///   member is unknown.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            column: try container.decodeIfPresent(String.self, forKey: .column),
            function: try container.decode(AggregationFunction.self, forKey: .function),
            window: try container.decode(AggregationWindow.self, forKey: .window),
            name: try container.decodeIfPresent(String.self, forKey: .name),
            columnType: try container.decodeIfPresent(ValueType.self, forKey: .columnType),
            description: try container.decodeIfPresent(String.self, forKey: .description) ?? "")
    }

    /// Encodes the aggregation, leaving out members that are not set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(column, forKey: .column)
        try container.encode(function, forKey: .function)
        try container.encode(window, forKey: .window)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(columnType, forKey: .columnType)
        if !description.isEmpty { try container.encode(description, forKey: .description) }
    }
}
