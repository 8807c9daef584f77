/// Decoded values of a fixed-width physical type (INT32, INT64, INT96, FLOAT, DOUBLE).
final class FixedWidthColumnValues<Physical: ParquetFixedWidthPhysical>: ParquetColumnValues {
    typealias Value = Physical.Value

    /// The values and null placeholders so far.
    private(set) var values: [Value] = []
    private var dictionary: [Value] = []
    private var hasDictionary = false
    private let scratch = ParquetScratchBuffer<Value>()
    private let indices = ParquetScratchBuffer<UInt32>()

    var count: Int { values.count }

    func reserveCapacity(_ count: Int) {
        values.reserveCapacity(values.count + count)
    }

    @_specialize(where Physical == ParquetInt32Physical)
    @_specialize(where Physical == ParquetInt64Physical)
    @_specialize(where Physical == ParquetInt96Physical)
    @_specialize(where Physical == ParquetFloatPhysical)
    @_specialize(where Physical == ParquetDoublePhysical)
    func loadDictionary(_ bytes: UnsafeRawBufferPointer, count: Int) throws {
        guard count <= bytes.count / Physical.byteWidth else {
            throw ParquetCorruption(
                "dictionary page holds \(bytes.count) bytes, too few for \(count) \(Physical.name) values")
        }
        dictionary = [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            Self.decodePlain(bytes, count: count, into: buffer.baseAddress!)
            initialized = count
        }
        hasDictionary = true
    }

    @_specialize(where Physical == ParquetInt32Physical)
    @_specialize(where Physical == ParquetInt64Physical)
    @_specialize(where Physical == ParquetInt96Physical)
    @_specialize(where Physical == ParquetFloatPhysical)
    @_specialize(where Physical == ParquetDoublePhysical)
    func append(_ encoding: ParquetEncoding, _ bytes: UnsafeRawBufferPointer, count: Int) throws {
        guard count > 0 else { return }
        // Sizes are checked before the scratch buffer grows, so a corrupt count allocates nothing.
        if encoding == .plain || encoding == .byteStreamSplit, count > bytes.count / Physical.byteWidth {
            throw ParquetCorruption(
                "page holds \(bytes.count) bytes of values, too few for \(count) \(Physical.name) values")
        }
        let output = scratch.reserve(count)
        switch encoding {
        case .plain:
            Self.decodePlain(bytes, count: count, into: output)
        case .plainDictionary, .rleDictionary:
            guard hasDictionary else { throw ParquetCorruption("dictionary-encoded page without a dictionary page") }
            let indexBuffer = indices.reserve(count)
            try ParquetDictionaryIndices.decode(
                bytes, count: count, dictionaryCount: dictionary.count, into: indexBuffer)
            dictionary.withUnsafeBufferPointer { entries in
                let entries = entries.baseAddress!
                for index in 0..<count { output[index] = entries[Int(indexBuffer[index])] }
            }
        case .byteStreamSplit:
            Self.decodeByteStreamSplit(bytes, count: count, into: output)
        case .deltaBinaryPacked where Physical.isInteger:
            var decoder = try DeltaBinaryPackedDecoder(bytes)
            guard decoder.totalCount == count else {
                throw ParquetCorruption("DELTA_BINARY_PACKED page holds \(decoder.totalCount) values, not \(count)")
            }
            let integers = try decoder.decodeAll()
            for index in 0..<count { output[index] = Physical.fromInteger(integers[index]) }
        default:
            throw unsupported(encoding, for: Physical.name)
        }
        values.append(contentsOf: UnsafeBufferPointer(start: output, count: count))
    }

    @_specialize(where Physical == ParquetInt32Physical)
    @_specialize(where Physical == ParquetInt64Physical)
    @_specialize(where Physical == ParquetInt96Physical)
    @_specialize(where Physical == ParquetFloatPhysical)
    @_specialize(where Physical == ParquetDoublePhysical)
    func spread(present: UnsafeBufferPointer<Bool>) {
        spreadArray(&values, present: present, zero: Physical.zero)
    }

    @_specialize(where Physical == ParquetInt32Physical)
    @_specialize(where Physical == ParquetInt64Physical)
    @_specialize(where Physical == ParquetInt96Physical)
    @_specialize(where Physical == ParquetFloatPhysical)
    @_specialize(where Physical == ParquetDoublePhysical)
    func storage(as type: ColumnType) throws -> ColumnStorage {
        let result = try Physical.storage(values, as: type)
        values = []
        return result
    }

    private static func decodePlain(
        _ bytes: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Value>
    ) {
        guard let source = bytes.baseAddress else { return }
        if Physical.byteWidth == MemoryLayout<Value>.size {
            UnsafeMutableRawPointer(output).copyMemory(from: source, byteCount: count * Physical.byteWidth)
        } else {
            for index in 0..<count { output[index] = Physical.load(source + index * Physical.byteWidth) }
        }
    }

    private static func decodeByteStreamSplit(
        _ bytes: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Value>
    ) {
        let width = Physical.byteWidth
        let source = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var value = [UInt8](repeating: 0, count: width)
        value.withUnsafeMutableBytes { valueBytes in
            for index in 0..<count {
                for stream in 0..<width { valueBytes[stream] = source[stream * count + index] }
                output[index] = Physical.load(valueBytes.baseAddress!)
            }
        }
    }
}
