package import LarderFormats

extension FeatureColumnBuilder {
    /// Appends, for each position, that row of a column this builder's type built (copying
    /// winners' values), or a null for a negative position: one pass per column instead of
    /// one call per row.
    /// - Parameters:
    ///   - column: a column built by a builder of the same type.
    ///   - positions: rows of `column`, or -1 for a null.
    package mutating func appendRows(of column: Column, at positions: ArraySlice<Int32>) {
        switch column.storage {
        case .int64(let values): Self.gather(values, column.validity, positions, 0, &integers, &validity, &hasNull)
        case .int32(let values): Self.gather(values, column.validity, positions, 0, &int32s, &validity, &hasNull)
        case .float64(let values): Self.gather(values, column.validity, positions, 0, &doubles, &validity, &hasNull)
        case .float32(let values): Self.gather(values, column.validity, positions, 0, &floats, &validity, &hasNull)
        case .bool(let values): Self.gather(values, column.validity, positions, false, &bools, &validity, &hasNull)
        default:
            for position in positions {
                if position < 0 { appendNull() } else { appendRow(of: column, at: Int(position)) }
            }
        }
    }

    private static func gather<Element>(
        _ values: [Element], _ present: [Bool]?, _ positions: ArraySlice<Int32>, _ zero: Element,
        _ target: inout [Element], _ validity: inout [Bool], _ hasNull: inout Bool
    ) {
        target.reserveCapacity(target.count + positions.count)
        validity.reserveCapacity(validity.count + positions.count)
        for position in positions {
            let row = Int(position)
            if row >= 0, present?[row] ?? true {
                target.append(values[row])
                validity.append(true)
            } else {
                target.append(zero)
                validity.append(false)
                hasNull = true
            }
        }
    }
}
