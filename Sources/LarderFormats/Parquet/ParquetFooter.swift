/// The validated footer of a Parquet file: its metadata and resolved schema.
struct ParquetFooter: Sendable {
    /// The magic bytes at both ends of a Parquet file.
    static let magic: [UInt8] = Array("PAR1".utf8)
    /// The decoded metadata.
    var metaData: ParquetFileMetaData
    /// The resolved schema.
    var schema: ParquetSchema
    /// The offset where the footer starts; column data lies before it.
    var dataEnd: Int

    /// Reads and validates the footer.
    /// - Parameter source: the file's bytes.
    /// - Throws: ``ParquetCorruption`` saying what is wrong.
    init(source: any ParquetByteSource) throws {
        let size = source.size
        guard size > 0 else { throw ParquetCorruption("not a Parquet file: the file is empty") }
        guard size >= 12 else {
            throw ParquetCorruption(
                "not a Parquet file: \(size) bytes is too short to hold the PAR1 magic and a footer")
        }
        let head = try source.read(offset: 0, count: 4)
        let tail = try source.read(offset: size - 8, count: 8)
        if Array(tail[4...]) == Array("PARE".utf8) {
            throw ParquetCorruption("encrypted Parquet files are not supported")
        }
        guard head == Self.magic, Array(tail[4...]) == Self.magic else {
            throw ParquetCorruption(
                "not a Parquet file: the PAR1 magic is missing at its \(head == Self.magic ? "end" : "start")")
        }
        let length = Int(tail[0]) | Int(tail[1]) << 8 | Int(tail[2]) << 16 | Int(tail[3]) << 24
        guard length > 0, length <= size - 12 else {
            throw ParquetCorruption(
                "corrupt footer: its length of \(length) bytes does not fit in a file of \(size) bytes")
        }
        dataEnd = size - 8 - length
        let bytes = try source.read(offset: dataEnd, count: length)
        var reader = ThriftCompactReader(bytes: bytes)
        do {
            metaData = try ParquetFileMetaData(from: &reader)
            schema = try ParquetSchema(elements: metaData.schema)
        } catch let error as ParquetCorruption {
            throw ParquetCorruption("corrupt footer: \(error.message)")
        }
        try validateRowGroups()
    }

    private func validateRowGroups() throws {
        guard metaData.numRows >= 0 else {
            throw ParquetCorruption("corrupt footer: negative row count \(metaData.numRows)")
        }
        for (index, group) in metaData.rowGroups.enumerated() {
            guard group.numRows >= 0, group.numRows <= Int64(Int32.max) * 64 else {
                throw ParquetCorruption("corrupt footer: row group \(index) claims \(group.numRows) rows")
            }
            guard group.columns.count == schema.leaves.count else {
                throw ParquetCorruption(
                    "corrupt footer: row group \(index) has \(group.columns.count) column chunks for \(schema.leaves.count) columns"
                )
            }
        }
    }

    /// The byte range of a column chunk, checked against the file.
    /// - Parameters:
    ///   - metaData: the chunk's metadata.
    ///   - leaf: the leaf column it stores.
    /// - Returns: the range from the chunk's first page to its end.
    /// - Throws: ``ParquetCorruption`` when the metadata disagrees with the schema or the file.
    func chunkRange(_ metaData: ParquetColumnMetaData, leaf: ParquetLeafColumn) throws -> Range<Int> {
        guard metaData.type == leaf.element.type else {
            throw ParquetCorruption(
                "column chunk stores \(metaData.type) values but the schema declares \(leaf.element.type.map { "\($0)" } ?? "a group")"
            )
        }
        var start = metaData.dataPageOffset
        if let dictionary = metaData.dictionaryPageOffset, dictionary > 0, dictionary < start { start = dictionary }
        let length = metaData.totalCompressedSize
        guard start >= 4, length >= 0, start <= Int64(dataEnd), length <= Int64(dataEnd) - start else {
            throw ParquetCorruption(
                "column chunk at byte \(start) of \(length) bytes lies outside the file's data (\(dataEnd) bytes)")
        }
        return Int(start)..<Int(start + length)
    }
}
