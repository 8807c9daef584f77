/// The values of one column chunk as they are decoded, page by page, before they become a
/// ``ColumnStorage``. One implementation per family of physical types.
protocol ParquetColumnValues: AnyObject {
    /// The number of values (and null placeholders) held.
    var count: Int { get }
    /// Prepares room for `count` more values.
    /// - Parameter count: the values expected.
    func reserveCapacity(_ count: Int)
    /// Decodes the chunk's dictionary page (PLAIN values).
    /// - Parameters:
    ///   - bytes: the uncompressed page.
    ///   - count: the number of entries.
    /// - Throws: ``ParquetCorruption`` when the page is malformed.
    func loadDictionary(_ bytes: UnsafeRawBufferPointer, count: Int) throws
    /// Decodes and appends `count` non-null values of a data page.
    /// - Parameters:
    ///   - encoding: the page's value encoding.
    ///   - bytes: the encoded values, to the end of the page.
    ///   - count: the number of values.
    /// - Throws: ``ParquetCorruption`` when the data is malformed or the encoding unsupported.
    func append(_ encoding: ParquetEncoding, _ bytes: UnsafeRawBufferPointer, count: Int) throws
    /// Spreads the last `present.count` slots' dense values apart, putting a zero placeholder
    /// where `present` is false. Exactly as many values as `present` has true entries were
    /// appended last.
    /// - Parameter present: which of the trailing slots hold a value.
    func spread(present: UnsafeBufferPointer<Bool>)
    /// The values in the layout ``ColumnStorage`` prescribes for `type`.
    /// - Parameter type: the column type the schema maps the values to.
    /// - Throws: ``ParquetCorruption`` when a value does not fit the type.
    func storage(as type: ColumnType) throws -> ColumnStorage
}

extension ParquetColumnValues {
    /// The error for an encoding this physical type cannot use.
    func unsupported(_ encoding: ParquetEncoding, for physical: String) -> ParquetCorruption {
        ParquetCorruption("encoding \(encoding) is not supported for \(physical) values")
    }
}

/// Spreads dense values over slots in place, from the back, so no second buffer is needed.
/// - Parameters:
///   - base: the storage; the last `denseCount` of its first `start + denseCount` elements are
///     dense values, and it has room for `start + present.count` elements.
///   - start: the index of the first slot.
///   - present: which slots hold a value.
///   - zero: the placeholder for absent slots.
func spreadInPlace<T>(_ base: UnsafeMutablePointer<T>, start: Int, present: UnsafeBufferPointer<Bool>, zero: T) {
    var dense = start + present.reduce(0) { $0 + ($1 ? 1 : 0) } - 1
    var slot = start + present.count - 1
    var index = present.count - 1
    while index >= 0 {
        if present[index] {
            base[slot] = base[dense]
            dense -= 1
        } else {
            base[slot] = zero
        }
        slot -= 1
        index -= 1
    }
}

/// Grows an array by `count` copies of `zero` and spreads its trailing dense values over them.
func spreadArray<T>(_ array: inout [T], present: UnsafeBufferPointer<Bool>, zero: T) {
    let denseCount = present.reduce(0) { $0 + ($1 ? 1 : 0) }
    let start = array.count - denseCount
    array.append(contentsOf: repeatElement(zero, count: present.count - denseCount))
    array.withUnsafeMutableBufferPointer { buffer in
        spreadInPlace(buffer.baseAddress!, start: start, present: present, zero: zero)
    }
}
