extension ColumnStorage {
    /// Empty storage of the layout ``ColumnStorage`` prescribes for a column type.
    /// - Parameter type: the column's type.
    public static func empty(for type: ColumnType) -> ColumnStorage {
        switch type {
        case .bool: .bool([])
        case .int(let bits, let signed):
            bits < 32 || (bits == 32 && signed) ? .int32([]) : (bits == 64 && !signed ? .uint64([]) : .int64([]))
        case .date: .int32([])
        case .timestamp: .int64([])
        case .decimal(let precision, _): precision <= 18 ? .int64([]) : .binary(BinaryValues())
        case .float32: .float32([])
        case .float64: .float64([])
        case .string, .bytes: .binary(BinaryValues())
        case .list(let element):
            .list(offsets: [0], elements: Column(name: "element", type: element, storage: .empty(for: element)))
        }
    }

    /// Appends the slots of another storage of the same layout.
    /// - Parameter other: storage of the same case.
    mutating func append(contentsOf other: ColumnStorage) {
        switch (self, other) {
        case (.bool(var a), .bool(let b)): a += b; self = .bool(a)
        case (.int32(var a), .int32(let b)): a += b; self = .int32(a)
        case (.int64(var a), .int64(let b)): a += b; self = .int64(a)
        case (.uint64(var a), .uint64(let b)): a += b; self = .uint64(a)
        case (.float32(var a), .float32(let b)): a += b; self = .float32(a)
        case (.float64(var a), .float64(let b)): a += b; self = .float64(a)
        case (.binary(var a), .binary(let b)):
            let base = a.data.count
            a.data += b.data
            a.offsets += b.offsets.dropFirst().map { $0 + base }
            self = .binary(a)
        case (.list(var offsets, var elements), .list(let otherOffsets, let otherElements)):
            let base = offsets.last ?? 0
            offsets += otherOffsets.dropFirst().map { $0 + base }
            elements.append(contentsOf: otherElements)
            self = .list(offsets: offsets, elements: elements)
        default:
            preconditionFailure("appending column storage of a different layout")
        }
    }
}

extension Column {
    /// Appends the rows of another column of the same type.
    /// - Parameter other: a column of the same type and layout.
    public mutating func append(contentsOf other: Column) {
        if validity != nil || other.validity != nil {
            var merged = validity ?? Array(repeating: true, count: count)
            merged += other.validity ?? Array(repeating: true, count: other.count)
            validity = merged
        }
        storage.append(contentsOf: other.storage)
    }
}

extension ColumnBatch {
    /// One batch holding the rows of several, in order.
    /// - Parameters:
    ///   - batches: batches with the same columns.
    ///   - schema: the table's schema, for an empty result.
    ///   - columns: the columns asked for (`nil` for all), for an empty result.
    /// - Returns: the concatenation.
    public static func concatenating(_ batches: [ColumnBatch], schema: TableSchema, columns: [String]?) -> ColumnBatch {
        guard var result = batches.first else {
            let wanted = columns.map { names in names.compactMap { schema[$0] } } ?? schema.columns
            return ColumnBatch(
                columns: wanted.map { Column(name: $0.name, type: $0.type, storage: .empty(for: $0.type)) },
                rowCount: 0)
        }
        for batch in batches.dropFirst() {
            for index in result.columns.indices {
                result.columns[index].append(contentsOf: batch.columns[index])
            }
            result.rowCount += batch.rowCount
        }
        return result
    }
}
