/// Decodes the pages of one column chunk into a ``Column``: dictionary page, version 1 and 2
/// data pages, levels, nulls and lists. Every size is checked against the chunk's bytes.
final class ParquetColumnChunkDecoder {
    /// The field's name.
    let name: String
    /// How the field's rows are assembled.
    let layout: ParquetFieldLayout
    /// The leaf column the chunk stores.
    let leaf: ParquetLeafColumn
    /// The row group's rows.
    let rowCount: Int
    /// The values decoded so far.
    let values: any ParquetColumnValues
    /// Definition levels of every page, kept for list columns.
    private(set) var definitionLevels: [UInt8] = []
    /// Repetition levels of every page, kept for list columns.
    private(set) var repetitionLevels: [UInt8] = []
    private let codec: ParquetCompressionCodec
    private let levelCount: Int
    private var validity: [Bool]?
    private var slots = 0
    private let levelScratch = ParquetScratchBuffer<UInt8>()
    private let repetitionScratch = ParquetScratchBuffer<UInt8>()
    private let presentScratch = ParquetScratchBuffer<Bool>()
    private let pageScratch = ParquetScratchBuffer<UInt8>()

    /// A decoder for one chunk.
    /// - Parameters:
    ///   - name: the field's name.
    ///   - layout: how the field's rows are assembled.
    ///   - leaf: the leaf column the chunk stores.
    ///   - metaData: the chunk's metadata.
    ///   - rowCount: the row group's rows.
    /// - Throws: ``ParquetCorruption`` when the metadata is inconsistent.
    init(
        name: String, layout: ParquetFieldLayout, leaf: ParquetLeafColumn, metaData: ParquetColumnMetaData,
        rowCount: Int
    ) throws {
        self.name = name
        self.layout = layout
        self.leaf = leaf
        self.codec = metaData.codec
        self.rowCount = rowCount
        guard metaData.numValues >= 0, metaData.numValues <= Int64(Int32.max) * 64 else {
            throw ParquetCorruption("column chunk declares \(metaData.numValues) values")
        }
        levelCount = Int(metaData.numValues)
        switch layout.shape {
        case .flat where levelCount != rowCount, .list where levelCount < rowCount:
            throw ParquetCorruption("column chunk holds \(levelCount) values but its row group has \(rowCount) rows")
        default: break
        }
        try ParquetCompression.checkSupported(codec)
        values = try Self.makeValues(for: leaf.element)
    }

    private static func makeValues(for element: ParquetSchemaElement) throws -> any ParquetColumnValues {
        switch element.type {
        case .boolean: return BooleanColumnValues()
        case .int32: return FixedWidthColumnValues<ParquetInt32Physical>()
        case .int64: return FixedWidthColumnValues<ParquetInt64Physical>()
        case .int96: return FixedWidthColumnValues<ParquetInt96Physical>()
        case .float: return FixedWidthColumnValues<ParquetFloatPhysical>()
        case .double: return FixedWidthColumnValues<ParquetDoublePhysical>()
        case .byteArray: return ByteArrayColumnValues(fixedLength: nil)
        case .fixedLenByteArray: return ByteArrayColumnValues(fixedLength: Int(element.typeLength ?? 0))
        default: throw ParquetCorruption("unknown physical type \(element.type?.rawValue ?? -1)")
        }
    }

    /// Decodes every page of the chunk.
    /// - Parameters:
    ///   - chunk: a buffer starting with the chunk's bytes, from its first page.
    ///   - length: the chunk's length (the buffer may be longer).
    ///   - expectedValues: an upper bound on the values, for preallocation.
    /// - Returns: the column.
    /// - Throws: ``ParquetCorruption`` when a page is malformed.
    func decode(_ chunk: [UInt8], length: Int, reserving expectedValues: Int) throws -> Column {
        values.reserveCapacity(expectedValues)
        var offset = 0
        var levelsRead = 0
        var sawDictionary = false
        while levelsRead < levelCount {
            guard offset < length else {
                throw ParquetCorruption("column chunk ends after \(levelsRead) of its \(levelCount) values")
            }
            var reader = ThriftCompactReader(bytes: chunk, position: offset, end: length)
            let header: ParquetPageHeader
            do {
                header = try ParquetPageHeader(from: &reader)
            } catch let error as ParquetCorruption {
                throw ParquetCorruption("corrupt page header at byte \(offset) of the column chunk: \(error.message)")
            }
            let bodyStart = reader.position
            let bodySize = Int(header.compressedPageSize)
            guard bodySize <= length - bodyStart else {
                throw ParquetCorruption(
                    "page at byte \(offset) of the column chunk claims \(bodySize) bytes, past the chunk's end")
            }
            guard Int(header.uncompressedPageSize) <= ParquetCompression.maximumPageSize else {
                throw ParquetCorruption(
                    "page at byte \(offset) claims an uncompressed size of \(header.uncompressedPageSize) bytes")
            }
            offset = bodyStart + bodySize
            let body = bodyStart..<offset
            switch header.type {
            case .dictionaryPage:
                guard !sawDictionary, levelsRead == 0, let page = header.dictionaryPage else {
                    throw ParquetCorruption(
                        "unexpected dictionary page at byte \(body.lowerBound - 1) of the column chunk")
                }
                guard page.encoding == .plain || page.encoding == .plainDictionary, page.numValues >= 0 else {
                    throw ParquetCorruption(
                        "dictionary page has encoding \(page.encoding) and \(page.numValues) values")
                }
                try withDecompressed(chunk, body, size: Int(header.uncompressedPageSize)) { bytes in
                    try values.loadDictionary(bytes, count: Int(page.numValues))
                }
                sawDictionary = true
            case .dataPage:
                guard let page = header.dataPage else {
                    throw ParquetCorruption("data page without a data page header")
                }
                let count = try checkedCount(page.numValues, levelsRead: levelsRead)
                try withDecompressed(chunk, body, size: Int(header.uncompressedPageSize)) { bytes in
                    try decodeV1Page(page, count: count, bytes)
                }
                levelsRead += count
            case .dataPageV2:
                guard let page = header.dataPageV2 else {
                    throw ParquetCorruption("data page without a data page header")
                }
                let count = try checkedCount(page.numValues, levelsRead: levelsRead)
                try decodeV2Page(
                    page, count: count, chunk: chunk, body: body, uncompressedSize: Int(header.uncompressedPageSize))
                levelsRead += count
            default:
                continue
            }
        }
        return try assemble()
    }

    private func checkedCount(_ numValues: Int32, levelsRead: Int) throws -> Int {
        guard numValues >= 0, Int(numValues) <= levelCount - levelsRead else {
            throw ParquetCorruption(
                "data page claims \(numValues) values, but only \(levelCount - levelsRead) of the chunk's remain")
        }
        return Int(numValues)
    }

    private func withDecompressed(
        _ chunk: [UInt8], _ body: Range<Int>, size: Int, _ work: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try chunk.withUnsafeBytes { bytes in
            let compressed = UnsafeRawBufferPointer(rebasing: bytes[body])
            if codec == .uncompressed {
                try work(compressed)
            } else {
                guard size >= 0, ParquetCompression.isPlausible(codec, compressed: compressed.count, uncompressed: size)
                else {
                    throw ParquetCorruption(
                        "page claims \(size) uncompressed bytes from \(compressed.count) compressed \(codec) bytes")
                }
                let page = UnsafeMutableRawBufferPointer(start: pageScratch.reserve(max(size, 1)), count: size)
                try ParquetCompression.decompress(codec, compressed, into: page)
                try work(UnsafeRawBufferPointer(page))
            }
        }
    }

    private func decodeV1Page(_ page: ParquetPageHeader.DataPage, count: Int, _ bytes: UnsafeRawBufferPointer) throws {
        var position = 0
        let repetition = repetitionScratch.reserve(count)
        let definition = levelScratch.reserve(count)
        var uniformDefinition: UInt8?
        if leaf.maxRepetitionLevel > 0 {
            let levels = try ParquetLevels.decodeV1(
                page.repetitionLevelEncoding, bytes, count: count, maxLevel: leaf.maxRepetitionLevel, into: repetition)
            if let level = levels.uniformLevel { repetition.update(repeating: level, count: count) }
            position += levels.bytesUsed
        }
        if leaf.maxDefinitionLevel > 0 {
            let levels = try ParquetLevels.decodeV1(
                page.definitionLevelEncoding, UnsafeRawBufferPointer(rebasing: bytes[position...]), count: count,
                maxLevel: leaf.maxDefinitionLevel, into: definition)
            uniformDefinition = levels.uniformLevel
            position += levels.bytesUsed
        }
        try consume(
            count: count, encoding: page.encoding, values: UnsafeRawBufferPointer(rebasing: bytes[position...]),
            uniformDefinition: uniformDefinition)
    }

    private func decodeV2Page(
        _ page: ParquetPageHeader.DataPageV2, count: Int, chunk: [UInt8], body: Range<Int>, uncompressedSize: Int
    ) throws {
        let repetitionLength = Int(page.repetitionLevelsByteLength)
        let definitionLength = Int(page.definitionLevelsByteLength)
        guard repetitionLength >= 0, definitionLength >= 0, repetitionLength + definitionLength <= body.count,
            repetitionLength + definitionLength <= uncompressedSize
        else {
            throw ParquetCorruption(
                "data page v2 level lengths (\(repetitionLength), \(definitionLength)) exceed its size")
        }
        let levelsEnd = body.lowerBound + repetitionLength + definitionLength
        var uniformDefinition: UInt8?
        try chunk.withUnsafeBytes { bytes in
            if leaf.maxRepetitionLevel > 0 {
                let repetition = repetitionScratch.reserve(count)
                if let level = try ParquetLevels.decodeHybrid(
                    UnsafeRawBufferPointer(rebasing: bytes[body.lowerBound..<body.lowerBound + repetitionLength]),
                    count: count, maxLevel: leaf.maxRepetitionLevel, into: repetition)
                {
                    repetition.update(repeating: level, count: count)
                }
            }
            if leaf.maxDefinitionLevel > 0 {
                uniformDefinition = try ParquetLevels.decodeHybrid(
                    UnsafeRawBufferPointer(rebasing: bytes[body.lowerBound + repetitionLength..<levelsEnd]),
                    count: count, maxLevel: leaf.maxDefinitionLevel, into: levelScratch.reserve(count))
            }
        }
        let valueRange = levelsEnd..<body.upperBound
        if page.isCompressed && codec != .uncompressed {
            try withDecompressed(chunk, valueRange, size: uncompressedSize - repetitionLength - definitionLength) {
                bytes in
                try consume(count: count, encoding: page.encoding, values: bytes, uniformDefinition: uniformDefinition)
            }
        } else {
            try chunk.withUnsafeBytes { bytes in
                try consume(
                    count: count, encoding: page.encoding, values: UnsafeRawBufferPointer(rebasing: bytes[valueRange]),
                    uniformDefinition: uniformDefinition)
            }
        }
    }

    /// Appends a page's values, with its levels already in the scratch buffers (definition levels
    /// only when they differ; `uniformDefinition` is the level every value shares otherwise).
    private func consume(
        count: Int, encoding: ParquetEncoding, values bytes: UnsafeRawBufferPointer, uniformDefinition: UInt8?
    ) throws {
        let maxDefinition = leaf.maxDefinitionLevel
        let top = UInt8(maxDefinition)
        if maxDefinition == 0 || (uniformDefinition == top && layout.shape == .flat) {
            try values.append(encoding, bytes, count: count)
            if validity != nil { validity!.append(contentsOf: repeatElement(true, count: count)) }
            slots += count
            return
        }
        let levels = levelScratch.pointer
        if let level = uniformDefinition { levels.update(repeating: level, count: count) }
        var present = 0
        for index in 0..<count where levels[index] == top { present += 1 }
        try values.append(encoding, bytes, count: present)
        if case .list = layout.shape {
            definitionLevels.append(contentsOf: UnsafeBufferPointer(start: levels, count: count))
            repetitionLevels.append(contentsOf: UnsafeBufferPointer(start: repetitionScratch.pointer, count: count))
            return
        }
        if present < count {
            let mask = presentScratch.reserve(count)
            for index in 0..<count { mask[index] = levels[index] == top }
            let maskBuffer = UnsafeBufferPointer(start: mask, count: count)
            values.spread(present: maskBuffer)
            if validity == nil { validity = Array(repeating: true, count: slots) }
            validity!.append(contentsOf: maskBuffer)
        } else if validity != nil {
            validity!.append(contentsOf: repeatElement(true, count: count))
        }
        slots += count
    }

    private func assemble() throws -> Column {
        guard case .list(let definedLevel, let elementLevel) = layout.shape else {
            guard values.count == rowCount else {
                throw ParquetCorruption(
                    "column chunk decoded to \(values.count) values but its row group has \(rowCount) rows")
            }
            return Column(
                name: name, type: layout.type, storage: try values.storage(as: layout.valueType), validity: validity)
        }
        return try assembleList(definedLevel: definedLevel, elementLevel: elementLevel)
    }
}

@available(*, unavailable)
extension ParquetColumnChunkDecoder: Sendable {}
