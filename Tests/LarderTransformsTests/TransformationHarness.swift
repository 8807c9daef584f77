import LarderCore
import LarderTransforms

/// Evaluates single expressions through ``TransformationProgram``, with a fixed set of
/// request fields: `x` float64, `i` int64, `n` int32, `f` float32, `s` string, `t` and `u`
/// timestamps, `b` bool.
enum TransformationHarness {
    static let requestFields = [
        RequestField("x", .float64), RequestField("i", .int64), RequestField("n", .int32),
        RequestField("f", .float32), RequestField("s", .string), RequestField("t", .timestamp),
        RequestField("u", .timestamp), RequestField("b", .bool),
    ]

    static var environment: ExpressionEnvironment {
        ExpressionEnvironment(requestFields: Dictionary(uniqueKeysWithValues: requestFields.map { ($0.name, $0.type) }))
    }

    /// A manifest with one on-demand view `t` whose feature `out` is the expression.
    static func manifest(_ expression: FeatureExpression) throws -> Manifest {
        let type = try expression.type(in: environment)
        var manifest = Manifest()
        manifest.onDemandFeatureViews = [
            OnDemandFeatureView(
                name: "t", requestFields: requestFields, features: [Transformation("out", type, expression)])
        ]
        return manifest
    }

    /// The expression's value for the given request fields (absent ones are null).
    static func evaluate(_ expression: FeatureExpression, _ request: [String: Value] = [:]) throws -> Value {
        let program = try TransformationProgram(
            features: [FeatureReference(view: "t", feature: "out")], manifest: try manifest(expression))
        let inputs = program.inputs.map { input -> Value in
            guard case .request(let field) = input else { return .null }
            return request[field.name] ?? .null
        }
        return program.value(ofOutput: 0, inputs)
    }

    /// Whether two values are the same bits (0.0 differs from -0.0), except that any NaN
    /// equals any NaN: IEEE 754 leaves the sign and payload of a NaN result open.
    static func sameBits(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.float64(let x), .float64(let y)): (x.isNaN && y.isNaN) || x.bitPattern == y.bitPattern
        case (.float32(let x), .float32(let y)): (x.isNaN && y.isNaN) || x.bitPattern == y.bitPattern
        default: a == b
        }
    }
}
