public import LarderCore

/// On-demand features compiled once into closures, evaluated row by row: the one
/// interpreter of transformations, used by training sets (after the point-in-time join) and
/// online reads (after the lookup) alike, so both compute identical bits.
///
/// A row's inputs are laid out in slots (``inputs``): the request fields and stored features
/// the expressions read, in first-read order. An on-demand feature read by another is
/// computed inline, so only stored features and request fields are inputs.
public struct TransformationProgram: Sendable {
    /// One computed feature.
    public struct Output: Sendable, Hashable {
        /// The on-demand feature.
        public var reference: FeatureReference
        /// Its declared type: every value it produces is of this type, or null.
        public var type: ValueType
    }

    /// What a row's input slot holds.
    public enum Input: Sendable, Hashable {
        /// A request field, with its declared type.
        case request(RequestField)
        /// A feature of a stored view.
        case feature(FeatureReference)
    }

    /// The inputs, in slot order.
    public let inputs: [Input]
    /// The computed features, in the order asked for.
    public let outputs: [Output]
    private let kernels: [Kernel]

    /// The request fields the outputs read, in slot order.
    public var requestFields: [RequestField] {
        inputs.compactMap { if case .request(let field) = $0 { field } else { nil } }
    }

    /// The stored features the outputs read, in slot order.
    public var storedInputs: [FeatureReference] {
        inputs.compactMap { if case .feature(let reference) = $0 { reference } else { nil } }
    }

    /// Compiles on-demand features.
    /// - Parameters:
    ///   - features: references to features of on-demand views, in output order.
    ///   - manifest: the definitions (already validated: expressions type-check, no cycles).
    /// - Throws: ``DefinitionError`` naming a reference that is not an on-demand feature, or
    ///   a request field two views declare with different types; an expression that does not
    ///   type-check.
    public init(features: [FeatureReference], manifest: Manifest) throws {
        var compiler = ExpressionCompiler(manifest: manifest)
        var outputs: [Output] = []
        var kernels: [Kernel] = []
        for reference in features {
            guard let view = manifest.onDemandFeatureView(named: reference.view),
                let feature = view.feature(named: reference.feature)
            else {
                throw DefinitionError(
                    object: "feature reference '\(reference)'", "is not a feature of an on-demand feature view")
            }
            let (kernel, type) = try compiler.compile(feature: feature, of: view)
            kernels.append(compiler.converting(kernel, from: type, to: feature.type))
            outputs.append(Output(reference: reference, type: feature.type))
        }
        self.outputs = outputs
        self.kernels = kernels
        self.inputs = compiler.slots
    }

    /// Computes every output for one row.
    /// - Parameters:
    ///   - inputs: the row's input slots (one value per ``inputs`` entry), each null or of
    ///     its declared type.
    ///   - output: receives each output's value, in ``outputs`` order.
    @inlinable
    public func evaluate(_ inputs: [Value], _ output: (Int, Value) -> Void) {
        for index in 0..<outputCount { output(index, value(ofOutput: index, inputs)) }
    }

    /// The number of outputs.
    public var outputCount: Int { kernels.count }

    /// One output's value for one row.
    /// - Parameters:
    ///   - index: the output, in ``outputs`` order.
    ///   - inputs: the row's input slots.
    /// - Returns: the value: null, or of the output's declared type.
    public func value(ofOutput index: Int, _ inputs: [Value]) -> Value {
        kernels[index](inputs)
    }
}

/// A compiled expression: reads a row's input slots, returns the value.
typealias Kernel = @Sendable ([Value]) -> Value
