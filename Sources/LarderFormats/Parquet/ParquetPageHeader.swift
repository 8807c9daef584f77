/// The kinds of page in a column chunk.
struct ParquetPageType: RawRepresentable, Hashable, Sendable {
    var rawValue: Int32
    static let dataPage = Self(rawValue: 0)
    static let indexPage = Self(rawValue: 1)
    static let dictionaryPage = Self(rawValue: 2)
    static let dataPageV2 = Self(rawValue: 3)
}

/// The header before every page of a column chunk (parquet.thrift `PageHeader`).
struct ParquetPageHeader: Sendable {
    /// Fields of a version 1 data page.
    struct DataPage: Sendable {
        var numValues: Int32 = 0
        var encoding = ParquetEncoding.plain
        var definitionLevelEncoding = ParquetEncoding.rle
        var repetitionLevelEncoding = ParquetEncoding.rle
    }

    /// Fields of a dictionary page.
    struct DictionaryPage: Sendable {
        var numValues: Int32 = 0
        var encoding = ParquetEncoding.plain
    }

    /// Fields of a version 2 data page, whose levels are stored uncompressed before the values.
    struct DataPageV2: Sendable {
        var numValues: Int32 = 0
        var numNulls: Int32 = 0
        var numRows: Int32 = 0
        var encoding = ParquetEncoding.plain
        var definitionLevelsByteLength: Int32 = 0
        var repetitionLevelsByteLength: Int32 = 0
        var isCompressed = true
    }

    var type = ParquetPageType.dataPage
    var uncompressedPageSize: Int32 = 0
    var compressedPageSize: Int32 = 0
    var dataPage: DataPage?
    var dictionaryPage: DictionaryPage?
    var dataPageV2: DataPageV2?
}

extension ParquetPageHeader {
    /// Decodes a page header.
    /// - Parameter reader: positioned at the header.
    /// - Throws: ``ParquetCorruption`` when the bytes are not a valid header.
    init(from reader: inout ThriftCompactReader) throws {
        try reader.readStruct { reader, id, type in
            switch id {
            case 1: self.type = ParquetPageType(rawValue: try reader.readI32Field(type))
            case 2: uncompressedPageSize = try reader.readI32Field(type)
            case 3: compressedPageSize = try reader.readI32Field(type)
            case 5:
                try reader.expectStruct(type)
                var page = DataPage()
                try reader.readStruct { reader, id, type in
                    switch id {
                    case 1: page.numValues = try reader.readI32Field(type)
                    case 2: page.encoding = ParquetEncoding(rawValue: try reader.readI32Field(type))
                    case 3: page.definitionLevelEncoding = ParquetEncoding(rawValue: try reader.readI32Field(type))
                    case 4: page.repetitionLevelEncoding = ParquetEncoding(rawValue: try reader.readI32Field(type))
                    default: try reader.skip(type)
                    }
                }
                dataPage = page
            case 7:
                try reader.expectStruct(type)
                var page = DictionaryPage()
                try reader.readStruct { reader, id, type in
                    switch id {
                    case 1: page.numValues = try reader.readI32Field(type)
                    case 2: page.encoding = ParquetEncoding(rawValue: try reader.readI32Field(type))
                    default: try reader.skip(type)
                    }
                }
                dictionaryPage = page
            case 8:
                try reader.expectStruct(type)
                var page = DataPageV2()
                try reader.readStruct { reader, id, type in
                    switch id {
                    case 1: page.numValues = try reader.readI32Field(type)
                    case 2: page.numNulls = try reader.readI32Field(type)
                    case 3: page.numRows = try reader.readI32Field(type)
                    case 4: page.encoding = ParquetEncoding(rawValue: try reader.readI32Field(type))
                    case 5: page.definitionLevelsByteLength = try reader.readI32Field(type)
                    case 6: page.repetitionLevelsByteLength = try reader.readI32Field(type)
                    case 7: page.isCompressed = try reader.readBool(type)
                    default: try reader.skip(type)
                    }
                }
                dataPageV2 = page
            default: try reader.skip(type)
            }
        }
        guard uncompressedPageSize >= 0, compressedPageSize >= 0 else {
            throw ParquetCorruption("page header has a negative page size")
        }
    }

    /// The header in the Thrift compact protocol.
    func encoded() -> [UInt8] {
        var writer = ThriftCompactWriter()
        writer.writeI32(1, type.rawValue)
        writer.writeI32(2, uncompressedPageSize)
        writer.writeI32(3, compressedPageSize)
        if let page = dataPage {
            writer.writeStruct(5) { writer in
                writer.writeI32(1, page.numValues)
                writer.writeI32(2, page.encoding.rawValue)
                writer.writeI32(3, page.definitionLevelEncoding.rawValue)
                writer.writeI32(4, page.repetitionLevelEncoding.rawValue)
            }
        }
        if let page = dictionaryPage {
            writer.writeStruct(7) { writer in
                writer.writeI32(1, page.numValues)
                writer.writeI32(2, page.encoding.rawValue)
            }
        }
        writer.writeStop()
        return writer.bytes
    }
}
