/// How a fixed-width physical type is stored in PLAIN encoding and held in memory.
protocol ParquetFixedWidthPhysical {
    /// The in-memory value.
    associatedtype Value: BitwiseCopyable
    /// The name used in errors.
    static var name: String { get }
    /// Bytes per PLAIN value.
    static var byteWidth: Int { get }
    /// The placeholder for null slots.
    static var zero: Value { get }
    /// Whether DELTA_BINARY_PACKED may encode the type.
    static var isInteger: Bool { get }
    /// Reads one PLAIN value.
    static func load(_ pointer: UnsafeRawPointer) -> Value
    /// Converts a DELTA_BINARY_PACKED result.
    static func fromInteger(_ value: Int64) -> Value
    /// The values in the storage layout of a column type.
    /// - Throws: ``ParquetCorruption`` when the type cannot hold this physical type.
    static func storage(_ values: [Value], as type: ColumnType) throws -> ColumnStorage
}

/// INT32: four little-endian bytes.
enum ParquetInt32Physical: ParquetFixedWidthPhysical {
    static let name = "INT32"
    static let byteWidth = 4
    static let zero: Int32 = 0
    static let isInteger = true
    @inline(__always) static func load(_ pointer: UnsafeRawPointer) -> Int32 {
        Int32(littleEndian: pointer.loadUnaligned(as: Int32.self))
    }
    static func fromInteger(_ value: Int64) -> Int32 { Int32(truncatingIfNeeded: value) }
    static func storage(_ values: [Int32], as type: ColumnType) throws -> ColumnStorage {
        try ParquetIntegerConversion.storage(values, as: type)
    }
}

/// INT64: eight little-endian bytes.
enum ParquetInt64Physical: ParquetFixedWidthPhysical {
    static let name = "INT64"
    static let byteWidth = 8
    static let zero: Int64 = 0
    static let isInteger = true
    @inline(__always) static func load(_ pointer: UnsafeRawPointer) -> Int64 {
        Int64(littleEndian: pointer.loadUnaligned(as: Int64.self))
    }
    static func fromInteger(_ value: Int64) -> Int64 { value }
    static func storage(_ values: [Int64], as type: ColumnType) throws -> ColumnStorage {
        try ParquetIntegerConversion.storage(values, as: type)
    }
}

/// FLOAT: four bytes of IEEE 754.
enum ParquetFloatPhysical: ParquetFixedWidthPhysical {
    static let name = "FLOAT"
    static let byteWidth = 4
    static let zero: Float = 0
    static let isInteger = false
    @inline(__always) static func load(_ pointer: UnsafeRawPointer) -> Float {
        Float(bitPattern: UInt32(littleEndian: pointer.loadUnaligned(as: UInt32.self)))
    }
    static func fromInteger(_ value: Int64) -> Float { Float(value) }
    static func storage(_ values: [Float], as type: ColumnType) throws -> ColumnStorage { .float32(values) }
}

/// DOUBLE: eight bytes of IEEE 754.
enum ParquetDoublePhysical: ParquetFixedWidthPhysical {
    static let name = "DOUBLE"
    static let byteWidth = 8
    static let zero: Double = 0
    static let isInteger = false
    @inline(__always) static func load(_ pointer: UnsafeRawPointer) -> Double {
        Double(bitPattern: UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self)))
    }
    static func fromInteger(_ value: Int64) -> Double { Double(value) }
    static func storage(_ values: [Double], as type: ColumnType) throws -> ColumnStorage { .float64(values) }
}

/// INT96 legacy timestamps: nanoseconds of the day (8 bytes) then the Julian day (4 bytes),
/// held as nanoseconds since the Unix epoch (wrapping on overflow, as other readers do).
enum ParquetInt96Physical: ParquetFixedWidthPhysical {
    static let name = "INT96"
    static let byteWidth = 12
    static let zero: Int64 = 0
    static let isInteger = false
    /// The Julian day number of 1970-01-01.
    static let unixEpochJulianDay: Int64 = 2_440_588
    @inline(__always) static func load(_ pointer: UnsafeRawPointer) -> Int64 {
        let nanosOfDay = Int64(littleEndian: pointer.loadUnaligned(as: Int64.self))
        let julianDay = Int64(Int32(littleEndian: pointer.loadUnaligned(fromByteOffset: 8, as: Int32.self)))
        return (julianDay &- unixEpochJulianDay) &* 86_400_000_000_000 &+ nanosOfDay
    }
    static func fromInteger(_ value: Int64) -> Int64 { value }
    static func storage(_ values: [Int64], as type: ColumnType) throws -> ColumnStorage {
        try ParquetIntegerConversion.storage(values, as: type)
    }
}
