import LarderCore

/// Turns expressions into kernels, assigning input slots to the request fields and stored
/// features they read. On-demand features read by other on-demand features are compiled
/// inline (the manifest's validation rules out cycles).
struct ExpressionCompiler {
    let manifest: Manifest
    let featureTypes: [FeatureReference: ValueType]
    /// The inputs in slot order, as first read.
    private(set) var slots: [TransformationProgram.Input] = []
    private var requestViews: [String: String] = [:]

    init(manifest: Manifest) {
        self.manifest = manifest
        self.featureTypes = manifest.featureTypes
    }

    /// Compiles one on-demand feature's expression in its view's environment.
    /// - Returns: the kernel and the expression's type.
    /// - Throws: ``DefinitionError`` for a type error or conflicting request field types.
    mutating func compile(feature: Transformation, of view: OnDemandFeatureView) throws -> (Kernel, ValueType) {
        let environment = ExpressionEnvironment(
            requestFields: Dictionary(view.requestFields.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a }),
            features: featureTypes)
        do {
            return try compile(feature.expression, view: view, environment: environment)
        } catch let error as ExpressionTypeError {
            throw DefinitionError(
                object: "on-demand feature view '\(view.name)'", field: "features '\(feature.name)'", "\(error)")
        }
    }

    private mutating func compile(
        _ expression: FeatureExpression, view: OnDemandFeatureView, environment: ExpressionEnvironment
    ) throws -> (Kernel, ValueType) {
        let type = try expression.type(in: environment)
        func sub(_ argument: FeatureExpression) throws -> (Kernel, ValueType) {
            try compile(argument, view: view, environment: environment)
        }
        switch expression {
        case .literal(let value):
            return ({ _ in value }, type)
        case .request(let name):
            let slot = try requestSlot(name, type: type, view: view.name)
            return ({ $0[slot] }, type)
        case .feature(let reference):
            if let onDemand = manifest.onDemandFeatureView(named: reference.view),
                let feature = onDemand.feature(named: reference.feature)
            {
                let (kernel, inner) = try compile(feature: feature, of: onDemand)
                return (converting(kernel, from: inner, to: type), type)
            }
            let slot = featureSlot(reference)
            return ({ $0[slot] }, type)
        case .call(let function, let arguments):
            // A null literal argument (of `if` or `coalesce`) has no type of its own.
            var kernels: [Kernel] = []
            for (index, argument) in arguments.enumerated() {
                if case .literal(.null) = argument {
                    kernels.append({ _ in .null })
                    continue
                }
                let (kernel, argumentType) = try sub(argument)
                let promoted =
                    function == .coalesce || (function == .if && index > 0)
                    ? converting(kernel, from: argumentType, to: type) : kernel
                kernels.append(promoted)
            }
            let argumentTypes = try arguments.map { argument -> ValueType? in
                if case .literal(.null) = argument { return nil }
                return try argument.type(in: environment)
            }
            return (Kernels.call(function, kernels, argumentTypes: argumentTypes, resultType: type), type)
        case .cast(let argument, let target):
            let (kernel, from) = try sub(argument)
            return (Cast.kernel(kernel, from: from, to: ValueType(target)), type)
        case .isIn(let argument, let values):
            let (kernel, from) = try sub(argument)
            return (Kernels.isIn(kernel, values.compactMap { FeatureExpression.setMember($0, as: from) }), type)
        case .bucketize(let argument, let boundaries):
            let (kernel, _) = try sub(argument)
            return (Kernels.bucketize(kernel, boundaries), type)
        case .timePart(let part, let argument, let zone):
            let (kernel, _) = try sub(argument)
            return (TimeParts.kernel(part, kernel, zone: LocalTime(zone: zone)), type)
        }
    }

    private mutating func requestSlot(_ name: String, type: ValueType, view: String) throws -> Int {
        for (slot, input) in slots.enumerated() {
            guard case .request(let field) = input, field.name == name else { continue }
            guard field.type == type else {
                throw DefinitionError(
                    object: "request field '\(name)'",
                    "on-demand feature view '\(view)' declares it \(type), but '\(requestViews[name] ?? "")' declares it \(field.type); a request has one value per field"
                )
            }
            return slot
        }
        slots.append(.request(RequestField(name, type)))
        requestViews[name] = view
        return slots.count - 1
    }

    private mutating func featureSlot(_ reference: FeatureReference) -> Int {
        if let slot = slots.firstIndex(of: .feature(reference)) { return slot }
        slots.append(.feature(reference))
        return slots.count - 1
    }

    /// A kernel whose values are converted from one numeric type to a wider one (`int32` to
    /// `int64`, integers or `float32` to `float64`); other types pass unchanged.
    func converting(_ kernel: @escaping Kernel, from: ValueType, to target: ValueType) -> Kernel {
        guard from != target, from.isNumeric, target.isNumeric else { return kernel }
        switch target {
        case .int64: return { kernel($0).int64Value.map(Value.int64) ?? .null }
        case .float64: return { kernel($0).doubleValue.map(Value.float64) ?? .null }
        default: return kernel
        }
    }
}
