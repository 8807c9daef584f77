/// An expression that cannot be evaluated as written: the sub-expression at fault and why.
public struct ExpressionTypeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The smallest sub-expression that is wrong.
    public var expression: FeatureExpression
    /// What is wrong and what was expected.
    public var message: String

    /// An error about a sub-expression.
    /// - Parameters:
    ///   - expression: the sub-expression at fault.
    ///   - message: what is wrong.
    public init(_ expression: FeatureExpression, _ message: String) {
        self.expression = expression
        self.message = message
    }

    /// `in 'log(name)': log takes a number, not string`.
    public var description: String { "in '\(expression)': \(message)" }
}

/// The types of what an expression may read: its view's request fields and the features of
/// other views.
public struct ExpressionEnvironment: Sendable {
    /// Request fields by name.
    public var requestFields: [String: ValueType]
    /// Features of other views by reference.
    public var features: [FeatureReference: ValueType]

    /// An environment.
    /// - Parameters:
    ///   - requestFields: request fields by name.
    ///   - features: features by reference.
    public init(requestFields: [String: ValueType] = [:], features: [FeatureReference: ValueType] = [:]) {
        self.requestFields = requestFields
        self.features = features
    }
}
