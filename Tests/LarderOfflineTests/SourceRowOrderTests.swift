import LarderCore
import LarderFormats
@testable import LarderOffline
import Testing

/// ``SourceRowOrder``: the order in which a run of rows is inserted is (key, event time,
/// creation time, file order), whether the rows are sorted on one core or two.
@Suite struct SourceRowOrderTests {
    @Test(arguments: [0, 1, 2, 7, 100_003])
    func integerKeysSortAsOneStableSortDoes(rowCount: Int) {
        var generator = SystemRandomNumberGenerator()
        // Few distinct keys and times, so that many rows tie on all three and keep file order.
        let keys = (0..<rowCount).map { _ in Int64.random(in: -3...50, using: &generator) }
        let events = (0..<rowCount).map { _ in Int64.random(in: 0...20, using: &generator) }
        let created = (0..<rowCount).map { _ in Int64.random(in: 0...2, using: &generator) }
        let column = { (name: String, values: [Int64]) in
            Column(name: name, type: .int(bits: 64, signed: true), storage: .int64(values), validity: nil)
        }
        let order = SourceRowOrder.sorted(
            columns: [[column("k", keys)], [column("e", events)], [column("c", created)]],
            types: [.int64, .int64, .int64], rowCount: rowCount)
        let expected = (0..<rowCount).sorted {
            (keys[$0], events[$0], created[$0], $0) < (keys[$1], events[$1], created[$1], $1)
        }
        #expect(order == expected)
    }
}
