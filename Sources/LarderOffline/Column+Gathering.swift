internal import LarderFormats

extension Column {
    /// One column holding, in order, the picked rows of a column split over several batches
    /// (the same column of consecutive batches): a gather into sequential memory, so that the
    /// rows can then be read in order. Reading a large batch in a sorted order directly costs a
    /// cache miss per value, which made binding the rows of a 1M-row run in point-in-time order
    /// four times slower than in file order.
    /// - Parameters:
    ///   - parts: the column in each batch, in batch order, all of one layout.
    ///   - picks: per output row, the batch and the row within it.
    /// - Returns: the gathered column, or `nil` for a layout it does not gather (lists) or
    ///   parts of different layouts.
    static func gathering(_ parts: [Column], at picks: [(batch: Int, row: Int)]) -> Column? {
        guard let first = parts.first else { return nil }
        let storage: ColumnStorage
        switch first.storage {
        case .bool: storage = .bool(gather(parts.compactMap { if case .bool(let v) = $0.storage { v } else { nil } }))
        case .int32:
            storage = .int32(gather(parts.compactMap { if case .int32(let v) = $0.storage { v } else { nil } }))
        case .int64:
            storage = .int64(gather(parts.compactMap { if case .int64(let v) = $0.storage { v } else { nil } }))
        case .uint64:
            storage = .uint64(gather(parts.compactMap { if case .uint64(let v) = $0.storage { v } else { nil } }))
        case .float32:
            storage = .float32(gather(parts.compactMap { if case .float32(let v) = $0.storage { v } else { nil } }))
        case .float64:
            storage = .float64(gather(parts.compactMap { if case .float64(let v) = $0.storage { v } else { nil } }))
        case .binary:
            let values = parts.compactMap { if case .binary(let v) = $0.storage { v } else { nil } }
            guard values.count == parts.count else { return nil }
            storage = .binary(gatherBytes(values))
        case .list:
            return nil
        }
        guard storage.count == picks.count, parts.allSatisfy({ $0.type == first.type }) else { return nil }
        let validity: [Bool]? =
            parts.allSatisfy { $0.validity == nil }
            ? nil : gather(parts.map { $0.validity ?? Array(repeating: true, count: $0.count) })
        return Column(name: first.name, type: first.type, storage: storage, validity: validity)

        func gatherBytes(_ parts: [BinaryValues]) -> BinaryValues {
            var length = 0
            for pick in picks {
                let offsets = parts[pick.batch].offsets
                length += offsets[pick.row + 1] - offsets[pick.row]
            }
            var offsets = [Int](repeating: 0, count: picks.count + 1)
            let data = [UInt8](unsafeUninitializedCapacity: length) { output, initialized in
                var end = 0
                for (index, pick) in picks.enumerated() {
                    let part = parts[pick.batch]
                    let start = part.offsets[pick.row]
                    let count = part.offsets[pick.row + 1] - start
                    part.data.withUnsafeBufferPointer { bytes in
                        if count > 0 {
                            (output.baseAddress! + end).initialize(from: bytes.baseAddress! + start, count: count)
                        }
                    }
                    end += count
                    offsets[index + 1] = end
                }
                initialized = end
            }
            return BinaryValues(offsets: offsets, data: data)
        }

        func gather<Element>(_ arrays: [[Element]]) -> [Element] {
            guard arrays.count == parts.count else { return [] }
            if arrays.count == 1 {
                let values = arrays[0]
                return picks.map { values[$0.row] }
            }
            return picks.map { arrays[$0.batch][$0.row] }
        }
    }
}
