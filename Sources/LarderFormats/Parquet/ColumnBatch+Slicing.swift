extension ColumnBatch {
    /// A copy of some rows of the batch.
    /// - Parameter rows: the rows to keep.
    func slicing(rows: Range<Int>) -> ColumnBatch {
        ColumnBatch(columns: columns.map { $0.slicing(rows: rows) }, rowCount: rows.count)
    }
}

extension Column {
    /// A copy of some rows of the column.
    /// - Parameter rows: the rows to keep.
    func slicing(rows: Range<Int>) -> Column {
        let storage: ColumnStorage =
            switch self.storage {
            case .bool(let values): .bool(Array(values[rows]))
            case .int32(let values): .int32(Array(values[rows]))
            case .int64(let values): .int64(Array(values[rows]))
            case .uint64(let values): .uint64(Array(values[rows]))
            case .float32(let values): .float32(Array(values[rows]))
            case .float64(let values): .float64(Array(values[rows]))
            case .binary(let values):
                .binary(
                    BinaryValues(
                        offsets: values.offsets[rows.lowerBound...rows.upperBound].map {
                            $0 - values.offsets[rows.lowerBound]
                        },
                        data: Array(values.data[values.offsets[rows.lowerBound]..<values.offsets[rows.upperBound]])))
            case .list(let offsets, let elements):
                .list(
                    offsets: offsets[rows.lowerBound...rows.upperBound].map { $0 - offsets[rows.lowerBound] },
                    elements: elements.slicing(rows: offsets[rows.lowerBound]..<offsets[rows.upperBound]))
            }
        return Column(name: name, type: type, storage: storage, validity: validity.map { Array($0[rows]) })
    }
}
