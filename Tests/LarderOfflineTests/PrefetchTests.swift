import Foundation
@testable import LarderOffline
import Synchronization
import Testing

/// ``Prefetch``: values come in order, production stops when the consumer throws, and the
/// producing thread has finished when the call returns.
@Suite struct PrefetchTests {
    @Test(arguments: [0, 1, 2, 3, 100], [1, 2, 3])
    func everyValueIsConsumedOnceInOrder(count: Int, ahead: Int) throws {
        var consumed: [Int] = []
        try Prefetch.forEach(count: count, ahead: ahead) {
            $0 * 10
        } consume: {
            consumed.append($0)
        }
        #expect(consumed == (0..<count).map { $0 * 10 })
    }

    @Test func aThrowingConsumerStopsTheProducerWhichHasFinishedOnReturn() {
        let produced = Atomic<Int>(0)
        let producing = Atomic<Bool>(false)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try Prefetch.forEach(count: 1_000, ahead: 2) { index in
                producing.store(true, ordering: .sequentiallyConsistent)
                defer { producing.store(false, ordering: .sequentiallyConsistent) }
                produced.add(1, ordering: .sequentiallyConsistent)
                return index
            } consume: { value in
                if value == 5 { throw Stop() }
            }
        }
        // Values 0...5 were taken; at most `ahead` more were made, plus one waiting for room.
        let producedOnReturn = produced.load(ordering: .sequentiallyConsistent)
        let stillProducing = producing.load(ordering: .sequentiallyConsistent)
        #expect(producedOnReturn <= 6 + 3)
        #expect(!stillProducing)
        // Nothing is produced after the return.
        usleep(50_000)
        let producedLater = produced.load(ordering: .sequentiallyConsistent)
        #expect(producedLater == producedOnReturn)
    }
}
