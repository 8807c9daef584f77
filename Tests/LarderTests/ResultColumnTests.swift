import Larder
import LarderCore
import Testing

/// A result column reads like an array: indexed from 0 whatever window of the store's read it
/// is, equal to an array literal with the same elements, and hashed as it compares.
struct ResultColumnTests {
    private let storage: [Value] = [.int64(1), .int64(2), .float64(3.5), .null, .string("x"), .bool(true)]

    @Test func aWindowIsIndexedFromZero() {
        let second = ResultColumn(storage, offset: 2, count: 2)
        #expect(second.count == 2)
        #expect(second.startIndex == 0)
        #expect(second[0] == .float64(3.5))
        #expect(second[1] == .null)
        #expect(Array(second) == [.float64(3.5), .null])
        #expect(second.first == .float64(3.5))
        #expect(second.withUnsafeBufferPointer { Array($0) } == [.float64(3.5), .null])
    }

    @Test func columnsCompareAndHashByTheirElements() {
        let window = ResultColumn(storage, offset: 4, count: 2)
        let copy: ResultColumn<Value> = [.string("x"), .bool(true)]
        #expect(window == copy)
        #expect(window.hashValue == copy.hashValue)
        #expect(window != ResultColumn(storage, offset: 3, count: 2))
        #expect(ResultColumn(storage, offset: 6, count: 0) == [])
        #expect(Set([window, copy]).count == 1)
    }

    @Test func onlyTheSameWindowOfTheSameStorageIsTheSameWindow() {
        let whole = ResultColumn(storage)
        #expect(whole.isSameWindow(as: ResultColumn(storage)))
        #expect(!whole.isSameWindow(as: ResultColumn(storage, offset: 0, count: 5)))
        #expect(!whole.isSameWindow(as: ResultColumn(storage.map { $0 } + [])))
    }
}
