/// A run of rows of a table, held column by column. Every column has ``rowCount`` rows.
public struct ColumnBatch: Sendable {
    /// The columns, in the order they were asked for (or file order).
    public var columns: [Column]
    /// The number of rows in every column.
    public var rowCount: Int

    /// A batch from columns of equal length.
    /// - Parameters:
    ///   - columns: the columns.
    ///   - rowCount: their common length (needed when there are no columns).
    public init(columns: [Column], rowCount: Int) {
        self.columns = columns
        self.rowCount = rowCount
    }

    /// The column with the given name, if any.
    /// - Parameter name: the column's name.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }
}

/// One column of a table's schema.
public struct ColumnSchema: Sendable, Hashable {
    /// The column's name.
    public var name: String
    /// The column's type.
    public var type: ColumnType
    /// Whether the column may hold nulls.
    public var nullable: Bool

    /// A schema entry.
    /// - Parameters:
    ///   - name: the column's name.
    ///   - type: the column's type.
    ///   - nullable: whether it may hold nulls.
    public init(name: String, type: ColumnType, nullable: Bool) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }
}

/// The columns of a table file, in file order.
public struct TableSchema: Sendable, Hashable {
    /// The columns.
    public var columns: [ColumnSchema]

    /// A schema from its columns.
    /// - Parameter columns: the columns, in file order.
    public init(columns: [ColumnSchema]) {
        self.columns = columns
    }

    /// The column with the given name, if any.
    /// - Parameter name: the column's name.
    public subscript(name: String) -> ColumnSchema? {
        columns.first { $0.name == name }
    }
}
