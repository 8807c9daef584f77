extension ParquetColumnChunkDecoder {
    /// Builds a list column from the chunk's repetition and definition levels and its dense
    /// element values.
    /// - Parameters:
    ///   - definedLevel: the definition level of an empty list (lower is a null list).
    ///   - elementLevel: the definition level of a null element (the maximum is a value).
    /// - Returns: the list column.
    /// - Throws: ``ParquetCorruption`` when the levels do not describe whole rows.
    func assembleList(definedLevel: Int, elementLevel: Int) throws -> Column {
        let maxDefinition = UInt8(leaf.maxDefinitionLevel)
        var offsets: [Int] = [0]
        // Every row has at least one level entry, so the entries bound the rows.
        offsets.reserveCapacity(min(rowCount, definitionLevels.count) + 1)
        var rowValidity: [Bool] = []
        rowValidity.reserveCapacity(min(rowCount, definitionLevels.count))
        var elementPresent: [Bool] = []
        var elementCount = 0
        var anyNullRow = false
        var anyNullElement = false
        let definitions = definitionLevels
        let repetitions = repetitionLevels
        for index in definitions.indices {
            let definition = Int(definitions[index])
            if repetitions[index] == 0 {
                if index > 0 { offsets.append(elementCount) }
                let isNull = definition < definedLevel
                rowValidity.append(!isNull)
                anyNullRow = anyNullRow || isNull
            } else {
                guard index > 0, definition >= elementLevel else {
                    throw ParquetCorruption("list levels continue a row without an element at level entry \(index)")
                }
            }
            if definition >= elementLevel {
                elementCount += 1
                let present = definitions[index] == maxDefinition
                elementPresent.append(present)
                anyNullElement = anyNullElement || !present
            }
        }
        if !definitions.isEmpty { offsets.append(elementCount) }
        guard offsets.count - 1 == rowCount else {
            throw ParquetCorruption(
                "list column chunk holds \(offsets.count - 1) rows but its row group has \(rowCount)")
        }
        if anyNullElement {
            elementPresent.withUnsafeBufferPointer { values.spread(present: $0) }
        }
        guard values.count == elementCount else {
            throw ParquetCorruption("list column chunk holds \(values.count) values for \(elementCount) elements")
        }
        let elements = Column(
            name: "element", type: layout.valueType, storage: try values.storage(as: layout.valueType),
            validity: anyNullElement ? elementPresent : nil)
        return Column(
            name: name, type: layout.type, storage: .list(offsets: offsets, elements: elements),
            validity: anyNullRow ? rowValidity : nil)
    }
}
