public import LarderCore

/// A named, typed column of an online view: a join key or a feature.
public struct OnlineColumn: Sendable, Hashable {
    /// The column name, as written in feature references and entity rows.
    public var name: String
    /// The declared type.
    public var type: ValueType

    /// Creates a column.
    /// - Parameters:
    ///   - name: the column name.
    ///   - type: the declared type.
    public init(name: String, type: ValueType) {
        self.name = name
        self.type = type
    }
}
