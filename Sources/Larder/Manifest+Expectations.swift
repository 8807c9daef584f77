public import LarderCore
public import LarderStores

extension Manifest {
    /// A view's expectations as the stores check them: each rule's column in the source file
    /// (field mapping applied), and the join key and event time columns.
    /// - Parameter view: the view.
    /// - Returns: the suite, or `nil` when the view declares no expectations.
    /// - Throws: ``DefinitionError`` when the view's entities or source are not defined.
    public func expectationSuite(for view: FeatureView) throws -> ExpectationSuite? {
        guard !view.expectations.isEmpty else { return nil }
        let file = try sourceFile(of: view)
        return ExpectationSuite(
            view: view.name, policy: view.expectations.policy,
            rules: view.expectations.rules.map {
                ExpectationSuite.Rule($0, sourceColumn: $0.column.map(file.sourceColumn(for:)))
            },
            keyColumns: try joinKeys(of: view).map { file.sourceColumn(for: $0.name) } + [file.timestampField])
    }
}
