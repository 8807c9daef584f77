/// Encodes rows of one column into a column chunk: an optional dictionary page, then version 1
/// data pages split at row boundaries, each compressed with the writer's codec.
struct ParquetColumnChunkEncoder {
    /// How the column is stored.
    let plan: ParquetColumnPlan
    /// The writer's options.
    let options: ParquetWriter.Options

    /// An encoded chunk, with metadata whose offsets count from the chunk's first byte.
    struct Chunk {
        var bytes: [UInt8]
        var metaData: ParquetColumnMetaData
    }

    /// Encodes `rows` of `column`.
    /// - Parameters:
    ///   - column: the column.
    ///   - rows: the rows of this row group.
    ///   - offset: the file offset where the chunk will start.
    /// - Returns: the chunk's bytes and metadata.
    /// - Throws: ``ParquetCorruption`` when a value cannot be stored.
    func encode(_ column: Column, rows: Range<Int>, at offset: Int) throws -> Chunk {
        let levels = try ParquetLevelBuilder(column, rows: rows, plan: plan)
        let valueStorage: ColumnStorage
        if case .list(_, let elements) = column.storage {
            valueStorage = elements.storage
        } else {
            valueStorage = column.storage
        }
        let values = try ParquetPhysicalValues(gathering: valueStorage, at: levels.presentValues, plan: plan)
        let dictionary = options.dictionary ? ParquetDictionaryBuilder.encode(values) : nil

        var output: [UInt8] = []
        var metaData = ParquetColumnMetaData()
        metaData.type = plan.physical
        metaData.pathInSchema = plan.path
        metaData.codec = options.compression == .snappy ? .snappy : .uncompressed
        metaData.numValues = Int64(levels.rowStarts.last ?? 0)
        var uncompressedTotal = 0
        if let dictionary {
            var plain: [UInt8] = []
            dictionary.dictionary.appendPlain(
                0..<dictionary.dictionary.count, fixedLength: plan.fixedLength != nil, to: &plain)
            var header = ParquetPageHeader()
            header.type = .dictionaryPage
            header.dictionaryPage = .init(numValues: Int32(dictionary.dictionary.count), encoding: .plain)
            metaData.dictionaryPageOffset = Int64(offset)
            uncompressedTotal += appendPage(header, body: plain, to: &output)
            metaData.encodings = [.plain, .rle, .rleDictionary]
        } else {
            metaData.encodings = [.plain, .rle]
        }
        metaData.dataPageOffset = Int64(offset + output.count)
        var presentIndex = 0
        for pageRows in pageBoundaries(levels.rowStarts) {
            let levelRange = levels.rowStarts[pageRows.lowerBound]..<levels.rowStarts[pageRows.upperBound]
            let presentCount =
                plan.maxDefinitionLevel == 0
                ? levelRange.count
                : levels.definitionLevels[levelRange].reduce(0) { $0 + ($1 == UInt32(plan.maxDefinitionLevel) ? 1 : 0) }
            let presentRange = presentIndex..<presentIndex + presentCount
            presentIndex += presentCount
            var body: [UInt8] = []
            if plan.maxRepetitionLevel > 0 {
                appendLevels(levels.repetitionLevels, levelRange, maxLevel: plan.maxRepetitionLevel, to: &body)
            }
            if plan.maxDefinitionLevel > 0 {
                appendLevels(levels.definitionLevels, levelRange, maxLevel: plan.maxDefinitionLevel, to: &body)
            }
            var header = ParquetPageHeader()
            header.type = .dataPage
            if let dictionary {
                let width = max(BitUnpacking.bitWidth(of: UInt64(max(dictionary.dictionary.count - 1, 0))), 1)
                body.append(UInt8(width))
                dictionary.indices.withUnsafeBufferPointer { indices in
                    RLEHybridEncoder.encode(
                        UnsafeBufferPointer(rebasing: indices[presentRange]), bitWidth: width, into: &body)
                }
                header.dataPage = .init(numValues: Int32(levelRange.count), encoding: .rleDictionary)
            } else {
                values.appendPlain(presentRange, fixedLength: plan.fixedLength != nil, to: &body)
                header.dataPage = .init(numValues: Int32(levelRange.count), encoding: .plain)
            }
            uncompressedTotal += appendPage(header, body: body, to: &output)
        }
        metaData.totalCompressedSize = Int64(output.count)
        metaData.totalUncompressedSize = Int64(uncompressedTotal)
        return Chunk(bytes: output, metaData: metaData)
    }

    /// Splits rows into pages of at most `options.pageRows` rows and about 128 Ki level entries,
    /// always at row boundaries. A chunk of zero rows still gets one (empty) page.
    private func pageBoundaries(_ rowStarts: [Int]) -> [Range<Int>] {
        let rowCount = rowStarts.count - 1
        var pages: [Range<Int>] = []
        var start = 0
        while start < rowCount {
            var end = min(start + options.pageRows, rowCount)
            while end > start + 1 && rowStarts[end] - rowStarts[start] > 1 << 17 { end = start + (end - start) / 2 }
            pages.append(start..<end)
            start = end
        }
        return pages.isEmpty ? [0..<0] : pages
    }

    private func appendLevels(_ levels: [UInt32], _ range: Range<Int>, maxLevel: Int, to body: inout [UInt8]) {
        var encoded: [UInt8] = []
        levels.withUnsafeBufferPointer { buffer in
            RLEHybridEncoder.encode(
                UnsafeBufferPointer(rebasing: buffer[range]), bitWidth: BitUnpacking.bitWidth(of: UInt64(maxLevel)),
                into: &encoded)
        }
        let length = UInt32(encoded.count)
        for shift in stride(from: 0, to: 32, by: 8) { body.append(UInt8(truncatingIfNeeded: length >> UInt32(shift))) }
        body += encoded
    }

    /// Compresses a page body, writes its header and body, and returns the uncompressed size
    /// (header included) for the chunk's metadata.
    private func appendPage(_ header: ParquetPageHeader, body: [UInt8], to output: inout [UInt8]) -> Int {
        var header = header
        let stored = options.compression == .snappy ? body.withUnsafeBytes { SnappyCompression.compress($0) } : body
        header.uncompressedPageSize = Int32(body.count)
        header.compressedPageSize = Int32(stored.count)
        let encodedHeader = header.encoded()
        output += encodedHeader
        output += stored
        return encodedHeader.count + body.count
    }
}
