// The parts of Parquet's file metadata (parquet.thrift) that Larder reads and writes.
// Enumerations are raw-value structs so an unknown value from a newer writer is carried along
// and reported by name only where it matters.

/// Parquet's physical storage types.
struct ParquetPhysicalType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    var rawValue: Int32
    static let boolean = Self(rawValue: 0)
    static let int32 = Self(rawValue: 1)
    static let int64 = Self(rawValue: 2)
    static let int96 = Self(rawValue: 3)
    static let float = Self(rawValue: 4)
    static let double = Self(rawValue: 5)
    static let byteArray = Self(rawValue: 6)
    static let fixedLenByteArray = Self(rawValue: 7)

    var description: String {
        let names = ["BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"]
        return names.indices.contains(Int(rawValue)) ? names[Int(rawValue)] : "physical type \(rawValue)"
    }
}

/// Value and level encodings.
struct ParquetEncoding: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    var rawValue: Int32
    static let plain = Self(rawValue: 0)
    static let plainDictionary = Self(rawValue: 2)
    static let rle = Self(rawValue: 3)
    static let bitPacked = Self(rawValue: 4)
    static let deltaBinaryPacked = Self(rawValue: 5)
    static let deltaLengthByteArray = Self(rawValue: 6)
    static let deltaByteArray = Self(rawValue: 7)
    static let rleDictionary = Self(rawValue: 8)
    static let byteStreamSplit = Self(rawValue: 9)

    /// Whether values are indices into the chunk's dictionary.
    var isDictionary: Bool { self == .plainDictionary || self == .rleDictionary }

    var description: String {
        let names = [
            "PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED", "DELTA_BINARY_PACKED",
            "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT",
        ]
        return names.indices.contains(Int(rawValue)) ? names[Int(rawValue)] : "encoding \(rawValue)"
    }
}

/// Page compression codecs.
struct ParquetCompressionCodec: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    var rawValue: Int32
    static let uncompressed = Self(rawValue: 0)
    static let snappy = Self(rawValue: 1)
    static let gzip = Self(rawValue: 2)
    static let lzo = Self(rawValue: 3)
    static let brotli = Self(rawValue: 4)
    static let lz4 = Self(rawValue: 5)
    static let zstd = Self(rawValue: 6)
    static let lz4Raw = Self(rawValue: 7)

    var description: String {
        let names = ["UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"]
        return names.indices.contains(Int(rawValue)) ? names[Int(rawValue)] : "compression codec \(rawValue)"
    }
}

/// How often a schema node occurs in its parent.
struct ParquetRepetition: RawRepresentable, Hashable, Sendable {
    var rawValue: Int32
    static let required = Self(rawValue: 0)
    static let optional = Self(rawValue: 1)
    static let repeated = Self(rawValue: 2)
}

/// The legacy type annotations (parquet.thrift `ConvertedType`).
struct ParquetConvertedType: RawRepresentable, Hashable, Sendable {
    var rawValue: Int32
    static let utf8 = Self(rawValue: 0)
    static let map = Self(rawValue: 1)
    static let mapKeyValue = Self(rawValue: 2)
    static let list = Self(rawValue: 3)
    static let enumeration = Self(rawValue: 4)
    static let decimal = Self(rawValue: 5)
    static let date = Self(rawValue: 6)
    static let timeMillis = Self(rawValue: 7)
    static let timeMicros = Self(rawValue: 8)
    static let timestampMillis = Self(rawValue: 9)
    static let timestampMicros = Self(rawValue: 10)
    static let uint8 = Self(rawValue: 11)
    static let uint16 = Self(rawValue: 12)
    static let uint32 = Self(rawValue: 13)
    static let uint64 = Self(rawValue: 14)
    static let int8 = Self(rawValue: 15)
    static let int16 = Self(rawValue: 16)
    static let int32 = Self(rawValue: 17)
    static let int64 = Self(rawValue: 18)
    static let json = Self(rawValue: 19)
    static let bson = Self(rawValue: 20)
    static let interval = Self(rawValue: 21)
}

/// The logical type annotations (parquet.thrift `LogicalType`).
enum ParquetLogicalType: Hashable, Sendable {
    case string, map, list, enumeration, date, json, bson, uuid, float16, unknown
    case decimal(scale: Int32, precision: Int32)
    case time(utcAdjusted: Bool, unit: TimeUnit)
    case timestamp(utcAdjusted: Bool, unit: TimeUnit)
    case integer(bitWidth: Int8, signed: Bool)
    /// An annotation this reader does not know, by its field id.
    case other(Int16)
}

/// One node of the flattened schema tree.
struct ParquetSchemaElement: Sendable {
    var name: String = ""
    var type: ParquetPhysicalType?
    var typeLength: Int32?
    var repetition: ParquetRepetition?
    var numChildren: Int32?
    var convertedType: ParquetConvertedType?
    var scale: Int32?
    var precision: Int32?
    var fieldID: Int32?
    var logicalType: ParquetLogicalType?
}

/// A key/value pair of file metadata.
struct ParquetKeyValue: Sendable {
    var key: String
    var value: String?
}

/// Where and how one column's data is stored within a row group.
struct ParquetColumnMetaData: Sendable {
    var type = ParquetPhysicalType.int32
    var encodings: [ParquetEncoding] = []
    var pathInSchema: [String] = []
    var codec = ParquetCompressionCodec.uncompressed
    var numValues: Int64 = 0
    var totalUncompressedSize: Int64 = 0
    var totalCompressedSize: Int64 = 0
    var dataPageOffset: Int64 = 0
    var indexPageOffset: Int64?
    var dictionaryPageOffset: Int64?
}

/// One column of one row group.
struct ParquetColumnChunk: Sendable {
    var filePath: String?
    var fileOffset: Int64 = 0
    var metaData: ParquetColumnMetaData?
}

/// A horizontal slice of the table.
struct ParquetRowGroup: Sendable {
    var columns: [ParquetColumnChunk] = []
    var totalByteSize: Int64 = 0
    var numRows: Int64 = 0
    var fileOffset: Int64?
    var totalCompressedSize: Int64?
}

/// The file footer.
struct ParquetFileMetaData: Sendable {
    var version: Int32 = 1
    var schema: [ParquetSchemaElement] = []
    var numRows: Int64 = 0
    var rowGroups: [ParquetRowGroup] = []
    var keyValueMetadata: [ParquetKeyValue] = []
    var createdBy: String?
}
