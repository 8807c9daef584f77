/// The repetition and definition levels of a run of rows, and which stored values are present.
struct ParquetLevelBuilder {
    /// Definition levels, one per level entry (empty when the column has none).
    var definitionLevels: [UInt32] = []
    /// Repetition levels, one per level entry (empty for flat columns).
    var repetitionLevels: [UInt32] = []
    /// The level entry where each row starts, plus the total entry count at the end.
    var rowStarts: [Int] = []
    /// The positions, in the column's value storage (the elements for lists), of present values.
    var presentValues: [Int] = []

    /// Builds the levels of `rows` of `column`.
    /// - Parameters:
    ///   - column: the column.
    ///   - rows: the rows to write.
    ///   - plan: how the column is stored.
    /// - Throws: ``ParquetCorruption`` when a non-nullable column holds a null.
    init(_ column: Column, rows: Range<Int>, plan: ParquetColumnPlan) throws {
        rowStarts.reserveCapacity(rows.count + 1)
        if plan.maxRepetitionLevel == 0 {
            buildFlat(column, rows: rows, plan: plan)
        } else {
            try buildList(column, rows: rows, plan: plan)
        }
        if !plan.nullable, let validity = column.validity, validity[rows].contains(false) {
            throw ParquetCorruption("the column is not nullable but holds a null")
        }
    }

    private mutating func buildFlat(_ column: Column, rows: Range<Int>, plan: ParquetColumnPlan) {
        rowStarts = Array(0...rows.count)
        guard plan.nullable else {
            presentValues = Array(rows)
            return
        }
        definitionLevels.reserveCapacity(rows.count)
        presentValues.reserveCapacity(rows.count)
        for row in rows {
            if column.isNull(at: row) {
                definitionLevels.append(0)
            } else {
                definitionLevels.append(1)
                presentValues.append(row)
            }
        }
    }

    private mutating func buildList(_ column: Column, rows: Range<Int>, plan: ParquetColumnPlan) throws {
        guard case .list(let offsets, let elements) = column.storage else {
            throw ParquetCorruption("a list column holds storage of another layout")
        }
        let definedLevel = UInt32(plan.nullable ? 1 : 0)
        let maxLevel = UInt32(plan.maxDefinitionLevel)
        for row in rows {
            rowStarts.append(definitionLevels.count)
            if column.isNull(at: row) {
                definitionLevels.append(0)
                repetitionLevels.append(0)
                continue
            }
            let range = offsets[row]..<offsets[row + 1]
            if range.isEmpty {
                definitionLevels.append(definedLevel)
                repetitionLevels.append(0)
                continue
            }
            for element in range {
                repetitionLevels.append(element == range.lowerBound ? 0 : 1)
                if elements.isNull(at: element) {
                    definitionLevels.append(maxLevel - 1)
                } else {
                    definitionLevels.append(maxLevel)
                    presentValues.append(element)
                }
            }
        }
        rowStarts.append(definitionLevels.count)
    }
}
