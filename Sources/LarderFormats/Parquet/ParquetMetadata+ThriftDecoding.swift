// Decoding of the footer structures from the Thrift compact protocol. Unknown fields are
// skipped, so files from newer writers stay readable.

extension ParquetFileMetaData {
    /// Decodes a `FileMetaData` struct.
    /// - Parameter reader: positioned at the struct.
    /// - Throws: ``ParquetCorruption`` when the bytes are not a valid footer.
    init(from reader: inout ThriftCompactReader) throws {
        var sawSchema = false
        try reader.readStruct { reader, id, type in
            switch id {
            case 1: version = try reader.readI32Field(type)
            case 2:
                try reader.expectList(type)
                sawSchema = true
                try reader.readList { reader, elementType in
                    try reader.expectStruct(elementType)
                    schema.append(try ParquetSchemaElement(from: &reader))
                }
            case 3: numRows = try reader.readI64Field(type)
            case 4:
                try reader.expectList(type)
                try reader.readList { reader, elementType in
                    try reader.expectStruct(elementType)
                    rowGroups.append(try ParquetRowGroup(from: &reader))
                }
            case 5:
                try reader.expectList(type)
                try reader.readList { reader, elementType in
                    try reader.expectStruct(elementType)
                    var key = "", value: String?
                    try reader.readStruct { reader, id, type in
                        switch id {
                        case 1: key = try reader.readStringField(type)
                        case 2: value = try reader.readStringField(type)
                        default: try reader.skip(type)
                        }
                    }
                    keyValueMetadata.append(ParquetKeyValue(key: key, value: value))
                }
            case 6: createdBy = try reader.readStringField(type)
            default: try reader.skip(type)
            }
        }
        guard sawSchema else { throw ParquetCorruption("the footer has no schema") }
    }
}

extension ParquetSchemaElement {
    /// Decodes a `SchemaElement` struct.
    /// - Parameter reader: positioned at the struct.
    init(from reader: inout ThriftCompactReader) throws {
        try reader.readStruct { reader, id, type in
            switch id {
            case 1: self.type = ParquetPhysicalType(rawValue: try reader.readI32Field(type))
            case 2: typeLength = try reader.readI32Field(type)
            case 3: repetition = ParquetRepetition(rawValue: try reader.readI32Field(type))
            case 4: name = try reader.readStringField(type)
            case 5: numChildren = try reader.readI32Field(type)
            case 6: convertedType = ParquetConvertedType(rawValue: try reader.readI32Field(type))
            case 7: scale = try reader.readI32Field(type)
            case 8: precision = try reader.readI32Field(type)
            case 9: fieldID = try reader.readI32Field(type)
            case 10:
                try reader.expectStruct(type)
                logicalType = try ParquetLogicalType(from: &reader)
            default: try reader.skip(type)
            }
        }
    }
}

extension ParquetLogicalType {
    /// Decodes the `LogicalType` union.
    /// - Parameter reader: positioned at the union.
    init(from reader: inout ThriftCompactReader) throws {
        var result = ParquetLogicalType.unknown
        try reader.readStruct { reader, id, type in
            switch id {
            case 1: result = .string
            case 2: result = .map
            case 3: result = .list
            case 4: result = .enumeration
            case 6: result = .date
            case 11: result = .unknown
            case 12: result = .json
            case 13: result = .bson
            case 14: result = .uuid
            case 15: result = .float16
            case 5:
                try reader.expectStruct(type)
                var scale: Int32 = 0, precision: Int32 = 0
                try reader.readStruct { reader, id, type in
                    switch id {
                    case 1: scale = try reader.readI32Field(type)
                    case 2: precision = try reader.readI32Field(type)
                    default: try reader.skip(type)
                    }
                }
                result = .decimal(scale: scale, precision: precision)
                return
            case 7, 8:
                try reader.expectStruct(type)
                let (utc, unit) = try Self.readTimeParameters(&reader)
                result = id == 7 ? .time(utcAdjusted: utc, unit: unit) : .timestamp(utcAdjusted: utc, unit: unit)
                return
            case 10:
                try reader.expectStruct(type)
                var bits: Int8 = 0, signed = true
                try reader.readStruct { reader, id, type in
                    switch id {
                    case 1: bits = Int8(truncatingIfNeeded: try reader.readI32Field(type))
                    case 2: signed = try reader.readBool(type)
                    default: try reader.skip(type)
                    }
                }
                result = .integer(bitWidth: bits, signed: signed)
                return
            default: result = .other(id)
            }
            try reader.skip(type)
        }
        self = result
    }

    private static func readTimeParameters(_ reader: inout ThriftCompactReader) throws -> (Bool, TimeUnit) {
        var utc = false, unit = TimeUnit.milliseconds
        try reader.readStruct { reader, id, type in
            switch id {
            case 1: utc = try reader.readBool(type)
            case 2:
                try reader.expectStruct(type)
                try reader.readStruct { reader, id, type in
                    switch id {
                    case 1: unit = .milliseconds
                    case 2: unit = .microseconds
                    case 3: unit = .nanoseconds
                    default: break
                    }
                    try reader.skip(type)
                }
            default: try reader.skip(type)
            }
        }
        return (utc, unit)
    }
}

extension ParquetRowGroup {
    /// Decodes a `RowGroup` struct.
    /// - Parameter reader: positioned at the struct.
    init(from reader: inout ThriftCompactReader) throws {
        try reader.readStruct { reader, id, type in
            switch id {
            case 1:
                try reader.expectList(type)
                try reader.readList { reader, elementType in
                    try reader.expectStruct(elementType)
                    columns.append(try ParquetColumnChunk(from: &reader))
                }
            case 2: totalByteSize = try reader.readI64Field(type)
            case 3: numRows = try reader.readI64Field(type)
            case 5: fileOffset = try reader.readI64Field(type)
            case 6: totalCompressedSize = try reader.readI64Field(type)
            default: try reader.skip(type)
            }
        }
    }
}

extension ParquetColumnChunk {
    /// Decodes a `ColumnChunk` struct.
    /// - Parameter reader: positioned at the struct.
    init(from reader: inout ThriftCompactReader) throws {
        try reader.readStruct { reader, id, type in
            switch id {
            case 1: filePath = try reader.readStringField(type)
            case 2: fileOffset = try reader.readI64Field(type)
            case 3:
                try reader.expectStruct(type)
                metaData = try ParquetColumnMetaData(from: &reader)
            default: try reader.skip(type)
            }
        }
    }
}

extension ParquetColumnMetaData {
    /// Decodes a `ColumnMetaData` struct.
    /// - Parameter reader: positioned at the struct.
    init(from reader: inout ThriftCompactReader) throws {
        try reader.readStruct { reader, id, type in
            switch id {
            case 1: self.type = ParquetPhysicalType(rawValue: try reader.readI32Field(type))
            case 2:
                try reader.expectList(type)
                try reader.readList { reader, elementType in
                    encodings.append(ParquetEncoding(rawValue: try reader.readI32Field(elementType)))
                }
            case 3:
                try reader.expectList(type)
                try reader.readList { reader, elementType in
                    pathInSchema.append(try reader.readStringField(elementType))
                }
            case 4: codec = ParquetCompressionCodec(rawValue: try reader.readI32Field(type))
            case 5: numValues = try reader.readI64Field(type)
            case 6: totalUncompressedSize = try reader.readI64Field(type)
            case 7: totalCompressedSize = try reader.readI64Field(type)
            case 9: dataPageOffset = try reader.readI64Field(type)
            case 10: indexPageOffset = try reader.readI64Field(type)
            case 11: dictionaryPageOffset = try reader.readI64Field(type)
            default: try reader.skip(type)
            }
        }
    }
}
