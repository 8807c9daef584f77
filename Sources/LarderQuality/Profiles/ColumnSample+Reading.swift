public import LarderFormats

extension ColumnSample {
    /// Reads the chosen columns of a table into samples, batch by batch.
    /// - Parameters:
    ///   - reader: the table (a file, a view's stored rows, a saved dataset).
    ///   - columns: the columns to read, `nil` for all.
    /// - Returns: one finished sample per column, in the order asked for.
    /// - Throws: ``QualityError`` naming a column the table lacks (and the columns it has);
    ///   the reader's errors.
    public static func read(_ reader: any TableReader, columns: [String]? = nil) throws -> [ColumnSample] {
        let names = columns ?? reader.schema.columns.map(\.name)
        var samples = try names.map { name in
            guard let column = reader.schema[name] else {
                throw QualityError(
                    "\(reader.path) has no column '\(name)' (columns: "
                        + reader.schema.columns.map(\.name).joined(separator: ", ") + ")")
            }
            return ColumnSample(name: name, type: column.type)
        }
        try reader.forEachBatch(columns: names) { batch in
            for (index, column) in batch.columns.enumerated() { samples[index].add(column) }
        }
        return ParallelMap.map(samples) { sample in
            var finished = sample
            finished.finish()
            return finished
        }
    }

    /// Adds a batch's worth of one column.
    /// - Parameter column: the column's rows.
    public mutating func add(_ column: Column) {
        rowCount += column.count
        switch kind {
        case .numeric: addNumbers(column)
        case .categorical: addCategories(column)
        case .other: nullCount += column.validity?.lazy.filter { !$0 }.count ?? 0
        }
    }

    private mutating func addNumbers(_ column: Column) {
        numbers.reserveCapacity(numbers.count + column.count)
        let validity = column.validity
        func append<T>(_ values: [T], _ convert: (T) -> Double) {
            for index in values.indices {
                let value = convert(values[index])
                if value.isNaN || validity.map({ !$0[index] }) == true {
                    nullCount += 1
                } else {
                    numbers.append(value)
                }
            }
        }
        switch (column.storage, column.type) {
        case (_, .decimal):
            for index in 0..<column.count {
                if case .float64(let value) = column.value(at: index) { numbers.append(value) } else { nullCount += 1 }
            }
        case (.int32(let values), _): append(values) { Double($0) }
        case (.int64(let values), _): append(values) { Double($0) }
        case (.uint64(let values), _): append(values) { Double($0) }
        case (.float32(let values), _): append(values) { Double($0) }
        case (.float64(let values), _): append(values) { $0 }
        default: nullCount += column.count
        }
    }

    private mutating func addCategories(_ column: Column) {
        let validity = column.validity
        switch column.storage {
        case .bool(let values):
            var trues = 0
            var falses = 0
            for index in values.indices {
                if let validity, !validity[index] {
                    nullCount += 1
                } else if values[index] {
                    trues += 1
                } else {
                    falses += 1
                }
            }
            if trues > 0 { categories["true", default: 0] += trues }
            if falses > 0 { categories["false", default: 0] += falses }
        case .binary(let values):
            for index in 0..<values.count {
                if let validity, !validity[index] {
                    nullCount += 1
                } else {
                    categories[values.string(at: index), default: 0] += 1
                }
            }
        default: nullCount += column.count
        }
    }
}

/// A data-quality error a user can act on: what is wrong and where.
public struct QualityError: Error, Sendable, CustomStringConvertible {
    /// The message, naming the file, dataset, view or feature.
    public var description: String

    /// An error with its message.
    /// - Parameter description: what is wrong, and where.
    public init(_ description: String) {
        self.description = description
    }
}
