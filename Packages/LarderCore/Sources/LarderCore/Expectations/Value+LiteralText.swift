extension Value {
    /// The value as a literal, as expressions and expectation violations print it: numbers and
    /// booleans as they are, strings quoted, timestamps in RFC 3339.
    public var literalText: String { FeatureExpression.text(of: self) }
}
