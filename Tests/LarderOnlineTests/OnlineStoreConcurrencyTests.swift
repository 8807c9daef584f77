import Dispatch
import Foundation
import LarderCore
import LarderStores
import LarderOnline
import LarderTestSupport
import Synchronization
import Testing

@Suite("Concurrent readers and writers")
struct OnlineStoreConcurrencyTests {
    /// Flags and findings shared between the writing test and its reader threads.
    final class Shared: Sendable {
        let writing = Atomic<Bool>(true)
        let reads = Atomic<Int>(0)
        let problems = Mutex<[String]>([])
    }

    @Test("Readers running during large writes (and map growth) see each write all or nothing")
    func readersNeverSeeAMix() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(
            in: directory, configuration: LMDBOnlineStore.Configuration(initialMapSize: 64 * 1024))
        let keyCount = 4_000
        let keys = (0..<Int64(keyCount)).map { [Value.int64($0)] }
        let plan = try store.readPlan(view: Fixtures.userStats, features: ["tx_count", "avg_amount"])
        let shared = Shared()
        let readers = DispatchGroup()

        for _ in 0..<2 {
            readers.enter()
            // Dedicated threads, so the readers run whatever else occupies the shared queues.
            Thread {
                defer { readers.leave() }
                while shared.writing.load(ordering: .acquiring) {
                    do {
                        let result = try store.read(plan, entityKeys: keys, now: Fixtures.now)
                        let versions = Set(result.values(ofFeature: 0))
                        let statuses = Set(result.statuses)
                        if versions.count != 1 || statuses.count != 1 {
                            shared.problems.withLock {
                                $0.append("mixed snapshot: versions \(versions), statuses \(statuses)")
                            }
                        }
                    } catch {
                        shared.problems.withLock { $0.append("read failed: \(error)") }
                    }
                    shared.reads.add(1, ordering: .relaxed)
                }
            }.start()
        }
        while shared.reads.load(ordering: .relaxed) == 0 { usleep(1000) }
        let writes = Result {
            for version in 1...12 {
                let rows = (0..<Int64(keyCount)).lazy.map {
                    Fixtures.userRow($0, version: version, event: Fixtures.now - .seconds(100 - version))
                }
                try store.write(view: Fixtures.userStats, rows: rows)
            }
        }
        shared.writing.store(false, ordering: .releasing)
        readers.wait()
        try writes.get()

        #expect(shared.problems.withLock { $0 } == [])
        #expect(shared.reads.load(ordering: .relaxed) > 0)
        let final = try store.read(plan, entityKeys: keys, now: Fixtures.now)
        #expect(Set(final.values(ofFeature: 0)) == [.int64(12)])
    }

    @Test("Many threads can read at once with the same plan")
    func parallelReads() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        try store.write(view: Fixtures.userStats, rows: (0..<1000).map { Fixtures.userRow($0) })
        let plan = try store.readPlan(view: Fixtures.userStats, features: Fixtures.userStatsFeatures)
        let failures = Mutex(0)

        DispatchQueue.concurrentPerform(iterations: 64) { iteration in
            let user = Int64(iteration * 13 % 1000)
            let result = try? store.read(plan, entityKeys: [[.int64(user)]], now: Fixtures.now)
            if result?.values[1] != .int64(1) || result?.values[0] != .float64(Double(user) + 0.1) {
                failures.withLock { $0 += 1 }
            }
        }

        #expect(failures.withLock { $0 } == 0)
    }
}
