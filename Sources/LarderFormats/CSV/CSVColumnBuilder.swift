internal import LarderCore

/// Why a cell could not be read. The reader adds the file, line and column.
struct CSVCellError: Error {
    /// What is wrong with the cell.
    var message: String
}

/// Parses the cells of one CSV column into the storage its ``ColumnType`` prescribes, one
/// batch at a time.
///
/// An empty cell is null. A quoted empty cell (`""`) is an empty string in a string or bytes
/// column and null elsewhere. A cell of spaces only is null in a non-text column. Text cells
/// keep their bytes exactly; bytes cells are base64.
struct CSVColumnBuilder {
    /// The column's name.
    let name: String
    /// The column's type.
    let type: ColumnType
    let kind: Kind
    var bools: [Bool] = []
    var int32s: [Int32] = []
    var int64s: [Int64] = []
    var uint64s: [UInt64] = []
    var float32s: [Float] = []
    var float64s: [Double] = []
    var binary = BinaryValues()
    var listOffsets: [Int] = [0]
    let elements: CSVListElements?
    var validity: [Bool]?
    /// The number of cells held.
    private(set) var count = 0

    /// How cells are parsed and where their values go.
    enum Kind {
        case bool
        /// Integers stored as `Int32` (8, 16, 32-bit signed, 8 and 16-bit unsigned).
        case int32(bits: Int, signed: Bool)
        /// Integers stored as `Int64` (64-bit signed, 32-bit unsigned).
        case int64(bits: Int, signed: Bool)
        case uint64
        case float32
        case float64
        case string
        case bytes(fixedLength: Int?)
        case date
        /// `exact`: a value finer than the unit is an error (inferred columns); otherwise it is
        /// rounded toward the past (declared columns).
        case timestamp(TimeUnit, exact: Bool)
        case decimal(precision: Int, scale: Int)
        case list
    }

    /// A builder for a column.
    /// - Parameters:
    ///   - name: the column's name.
    ///   - type: the column's type.
    ///   - exactTimestamps: whether a timestamp finer than the column's unit is an error.
    ///   - capacity: the rows expected per batch.
    /// - Throws: ``CSVCellError`` when CSV cannot hold the type (a list of lists).
    init(name: String, type: ColumnType, exactTimestamps: Bool = false, capacity: Int = 0) throws(CSVCellError) {
        self.name = name
        self.type = type
        switch type {
        case .bool: kind = .bool
        case .int(let bits, let signed):
            if bits == 64 && !signed {
                kind = .uint64
            } else if bits < 32 || (bits == 32 && signed) {
                kind = .int32(bits: bits, signed: signed)
            } else {
                kind = .int64(bits: bits, signed: signed)
            }
        case .float32: kind = .float32
        case .float64: kind = .float64
        case .string: kind = .string
        case .bytes(let length): kind = .bytes(fixedLength: length)
        case .date: kind = .date
        case .timestamp(let unit, _): kind = .timestamp(unit, exact: exactTimestamps)
        case .decimal(let precision, let scale): kind = .decimal(precision: precision, scale: scale)
        case .list(let element):
            if case .list = element { throw CSVCellError(message: "a list of lists cannot be read from CSV") }
            kind = .list
        }
        if case .list(let element) = type {
            elements = CSVListElements(
                builder: try CSVColumnBuilder(name: "element", type: element, exactTimestamps: exactTimestamps))
        } else {
            elements = nil
        }
        reserve(capacity)
    }

    /// Appends one cell.
    /// - Parameters:
    ///   - bytes: the cell's content (quotes removed).
    ///   - quoted: whether the cell was quoted.
    /// - Throws: ``CSVCellError`` when the text is not a value of the column's type.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool) throws(CSVCellError) {
        if bytes.isEmpty {
            switch kind {
            case .string where quoted, .bytes(fixedLength: .none) where quoted: break
            default:
                appendNull()
                return
            }
        }
        do {
            try appendValue(bytes)
        } catch {
            guard NumberText.trimmed(bytes).isEmpty, !kind.isText else { throw error }
            appendNull()
            return
        }
        if validity != nil { validity!.append(true) }
        count += 1
    }

    /// Appends a null cell (with a placeholder in the storage).
    mutating func appendNull() {
        if validity == nil { validity = Array(repeating: true, count: count) }
        validity!.append(false)
        switch kind {
        case .bool: bools.append(false)
        case .int32, .date: int32s.append(0)
        case .int64, .timestamp: int64s.append(0)
        case .uint64: uint64s.append(0)
        case .float32: float32s.append(0)
        case .float64: float64s.append(0)
        case .string, .bytes: binary.offsets.append(binary.data.count)
        case .decimal(let precision, _):
            if precision <= 18 { int64s.append(0) } else { binary.append(DecimalText.bigEndianBytes(0)) }
        case .list: listOffsets.append(listOffsets[listOffsets.count - 1])
        }
        count += 1
    }

    /// The cells held so far as a column; the builder starts over, empty.
    /// - Parameter capacity: the rows expected in the next batch.
    mutating func finish(reserving capacity: Int = 0) -> Column {
        let storage: ColumnStorage
        switch kind {
        case .bool: storage = .bool(bools)
        case .int32, .date: storage = .int32(int32s)
        case .int64, .timestamp: storage = .int64(int64s)
        case .uint64: storage = .uint64(uint64s)
        case .float32: storage = .float32(float32s)
        case .float64: storage = .float64(float64s)
        case .string, .bytes: storage = .binary(binary)
        case .decimal(let precision, _): storage = precision <= 18 ? .int64(int64s) : .binary(binary)
        case .list:
            storage = .list(offsets: listOffsets, elements: elements!.builder.finish())
        }
        let column = Column(name: name, type: type, storage: storage, validity: validity)
        bools = []
        int32s = []
        int64s = []
        uint64s = []
        float32s = []
        float64s = []
        binary = BinaryValues()
        listOffsets = [0]
        validity = nil
        count = 0
        reserve(capacity)
        return column
    }

    private mutating func reserve(_ capacity: Int) {
        guard capacity > 0 else { return }
        switch kind {
        case .bool: bools.reserveCapacity(capacity)
        case .int32, .date: int32s.reserveCapacity(capacity)
        case .int64, .timestamp: int64s.reserveCapacity(capacity)
        case .uint64: uint64s.reserveCapacity(capacity)
        case .float32: float32s.reserveCapacity(capacity)
        case .float64: float64s.reserveCapacity(capacity)
        case .string, .bytes: binary.offsets.reserveCapacity(capacity + 1)
        case .decimal(let precision, _): if precision <= 18 { int64s.reserveCapacity(capacity) }
        case .list: listOffsets.reserveCapacity(capacity + 1)
        }
    }
}

extension CSVColumnBuilder.Kind {
    /// Whether cells are kept as written (strings and bytes).
    var isText: Bool {
        switch self {
        case .string, .bytes: true
        default: false
        }
    }
}

/// The element builder of a list column, boxed so a builder can hold another.
final class CSVListElements {
    /// Builds the elements of all the lists.
    var builder: CSVColumnBuilder

    init(builder: CSVColumnBuilder) {
        self.builder = builder
    }
}

@available(*, unavailable)
extension CSVListElements: Sendable {}
