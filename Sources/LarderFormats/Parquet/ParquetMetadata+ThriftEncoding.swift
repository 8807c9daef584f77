// Encoding of the footer structures that ParquetWriter produces.

extension ParquetFileMetaData {
    /// The end of a Parquet file: the encoded footer, its little-endian length and the magic.
    func encodedFileTail() -> [UInt8] {
        let footer = encoded()
        let length = UInt32(footer.count)
        return footer + (0..<4).map { UInt8(truncatingIfNeeded: length >> (8 * UInt32($0))) } + ParquetFooter.magic
    }

    /// The footer in the Thrift compact protocol.
    func encoded() -> [UInt8] {
        var writer = ThriftCompactWriter()
        writer.writeI32(1, version)
        writer.writeStructList(2, schema) { $1.encode(to: &$0) }
        writer.writeI64(3, numRows)
        writer.writeStructList(4, rowGroups) { $1.encode(to: &$0) }
        if !keyValueMetadata.isEmpty {
            writer.writeStructList(5, keyValueMetadata) { writer, pair in
                writer.writeString(1, pair.key)
                if let value = pair.value { writer.writeString(2, value) }
            }
        }
        if let createdBy { writer.writeString(6, createdBy) }
        writer.writeStop()
        return writer.bytes
    }
}

extension ParquetSchemaElement {
    /// Writes the element's fields.
    func encode(to writer: inout ThriftCompactWriter) {
        if let type { writer.writeI32(1, type.rawValue) }
        if let typeLength { writer.writeI32(2, typeLength) }
        if let repetition { writer.writeI32(3, repetition.rawValue) }
        writer.writeString(4, name)
        if let numChildren { writer.writeI32(5, numChildren) }
        if let convertedType { writer.writeI32(6, convertedType.rawValue) }
        if let scale { writer.writeI32(7, scale) }
        if let precision { writer.writeI32(8, precision) }
        if let fieldID { writer.writeI32(9, fieldID) }
        if let logicalType {
            writer.writeStruct(10) { logicalType.encode(to: &$0) }
        }
    }
}

extension ParquetLogicalType {
    /// Writes the union member for this annotation.
    func encode(to writer: inout ThriftCompactWriter) {
        let empty: (inout ThriftCompactWriter) -> Void = { _ in }
        switch self {
        case .string: writer.writeStruct(1, empty)
        case .map: writer.writeStruct(2, empty)
        case .list: writer.writeStruct(3, empty)
        case .enumeration: writer.writeStruct(4, empty)
        case .decimal(let scale, let precision):
            writer.writeStruct(5) {
                $0.writeI32(1, scale)
                $0.writeI32(2, precision)
            }
        case .date: writer.writeStruct(6, empty)
        case .time(let utc, let unit), .timestamp(let utc, let unit):
            let id: Int16 = if case .time = self { 7 } else { 8 }
            writer.writeStruct(id) { writer in
                writer.writeBool(1, utc)
                writer.writeStruct(2) { writer in
                    let unitID: Int16 =
                        switch unit {
                        case .seconds, .milliseconds: 1
                        case .microseconds: 2
                        case .nanoseconds: 3
                        }
                    writer.writeStruct(unitID, empty)
                }
            }
        case .integer(let bits, let signed):
            writer.writeStruct(10) {
                $0.writeByte(1, bits)
                $0.writeBool(2, signed)
            }
        case .unknown: writer.writeStruct(11, empty)
        case .json: writer.writeStruct(12, empty)
        case .bson: writer.writeStruct(13, empty)
        case .uuid: writer.writeStruct(14, empty)
        case .float16: writer.writeStruct(15, empty)
        case .other(let id): writer.writeStruct(id, empty)
        }
    }
}

extension ParquetRowGroup {
    /// Writes the row group's fields.
    func encode(to writer: inout ThriftCompactWriter) {
        writer.writeStructList(1, columns) { $1.encode(to: &$0) }
        writer.writeI64(2, totalByteSize)
        writer.writeI64(3, numRows)
        if let fileOffset { writer.writeI64(5, fileOffset) }
        if let totalCompressedSize { writer.writeI64(6, totalCompressedSize) }
    }
}

extension ParquetColumnChunk {
    /// Writes the chunk's fields.
    func encode(to writer: inout ThriftCompactWriter) {
        if let filePath { writer.writeString(1, filePath) }
        writer.writeI64(2, fileOffset)
        if let metaData {
            writer.writeStruct(3) { metaData.encode(to: &$0) }
        }
    }
}

extension ParquetColumnMetaData {
    /// Writes the column metadata's fields.
    func encode(to writer: inout ThriftCompactWriter) {
        writer.writeI32(1, type.rawValue)
        writer.writeI32List(2, encodings.map(\.rawValue))
        writer.writeStringList(3, pathInSchema)
        writer.writeI32(4, codec.rawValue)
        writer.writeI64(5, numValues)
        writer.writeI64(6, totalUncompressedSize)
        writer.writeI64(7, totalCompressedSize)
        writer.writeI64(9, dataPageOffset)
        if let indexPageOffset { writer.writeI64(10, indexPageOffset) }
        if let dictionaryPageOffset { writer.writeI64(11, dictionaryPageOffset) }
    }
}
