/// One column of an online read: a zero-based collection that shares its storage with the
/// read it came from, so a result column costs no copy and no allocation of its own.
///
/// The online store returns each view's values in one array, feature after feature; every
/// feature's column is a window onto that array. Index it from 0 like an `Array`, compare it
/// with an array literal, or make an `Array` of it to keep it on its own.
public struct ResultColumn<Element: Sendable & Hashable>: RandomAccessCollection, Sendable, Hashable,
    ExpressibleByArrayLiteral
{
    @usableFromInline let storage: [Element]
    @usableFromInline let offset: Int
    /// The number of elements (one per entity row).
    public let count: Int

    /// A window onto part of an array, sharing its storage.
    /// - Parameters:
    ///   - storage: the array.
    ///   - offset: where the window starts in `storage`.
    ///   - count: how many elements it has.
    @inlinable
    public init(_ storage: [Element], offset: Int, count: Int) {
        precondition(offset >= 0 && count >= 0 && offset + count <= storage.count, "result column outside its storage")
        self.storage = storage
        self.offset = offset
        self.count = count
    }

    /// A column holding all of an array.
    /// - Parameter elements: the elements.
    @inlinable
    public init(_ elements: [Element]) {
        self.init(elements, offset: 0, count: elements.count)
    }

    /// A column of literal elements.
    /// - Parameter elements: the elements.
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }

    /// Always 0.
    @inlinable public var startIndex: Int { 0 }
    /// The number of elements.
    @inlinable public var endIndex: Int { count }

    /// The element for an entity row.
    /// - Parameter row: the row, from 0.
    @inlinable
    public subscript(row: Int) -> Element {
        precondition(row >= 0 && row < count, "row \(row) outside a result column of \(count)")
        return storage[offset + row]
    }

    /// Calls `body` with the elements in contiguous memory, without copying them.
    /// - Parameter body: the code to run with the elements.
    /// - Returns: what `body` returns.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[offset..<offset + count]))
        }
    }

    /// Whether both columns are the same window of the same storage, as the features of one
    /// view share their event times; such columns hold the same elements.
    /// - Parameter other: another column.
    @inlinable
    public func isSameWindow(as other: Self) -> Bool {
        offset == other.offset && count == other.count
            && storage.withUnsafeBufferPointer { mine in
                other.storage.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress }
            }
    }

    /// Whether two columns hold the same elements in the same order.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.elementsEqual(rhs)
    }

    /// Hashes the elements in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}
