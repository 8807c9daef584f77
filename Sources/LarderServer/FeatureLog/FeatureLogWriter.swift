import Dispatch
import Foundation
import Larder
import LarderCore
import LarderStores
import Logging
import ServiceLifecycle

/// Appends the queued reads to the offline store, off the request path: on a thread of its
/// own (the offline store is a blocking, single-threaded API), woken when a batch is ready or
/// every `flush_interval_ms`. After the graceful shutdown begins (the server has finished its
/// requests by then) it writes what is left and returns, before the stores are closed.
struct FeatureLogWriter: Service {
    let queue: FeatureLogQueue
    let store: FeatureStore

    /// Runs until the graceful shutdown, then flushes.
    func run() async throws {
        let queue = queue
        let store = store
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await gracefulShutdown()
                queue.stop()
            }
            group.addTask {
                await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
                    let thread = Thread {
                        Self.writeUntilStopped(queue: queue, store: store)
                        finished.resume()
                    }
                    thread.name = "larder-feature-log"
                    thread.start()
                }
            }
        }
    }

    /// The writer thread's loop.
    private static func writeUntilStopped(queue: FeatureLogQueue, store: FeatureStore) {
        var offline: (any OfflineStore)?
        let interval = DispatchTimeInterval.milliseconds(queue.settings.flushIntervalMilliseconds)
        while true {
            _ = queue.wakeup.wait(timeout: .now() + interval)
            let (reads, stopping) = queue.drain()
            if !reads.isEmpty {
                var references: [String: [String]] = [:]
                let manifest = try? store.registry().manifest
                var records: [FeatureLogRecord] = []
                for read in reads {
                    if references[read.service] == nil {
                        references[read.service] =
                            (try? manifest?.references(ofService: read.service).map(\.description)) ?? []
                    }
                    records += read.result.featureLogRecords(
                        service: read.service, requestID: queue.requestID(read.sequence), logTime: read.logTime,
                        entities: read.entities, keyColumns: read.keyColumns, references: references[read.service] ?? []
                    )
                }
                for start in stride(from: 0, to: records.count, by: queue.settings.batchRows) {
                    let batch = Array(records[start..<min(start + queue.settings.batchRows, records.count)])
                    do {
                        if offline == nil { offline = try store.openOfflineStore() }
                        try offline?.appendFeatureLog(batch)
                        queue.written.increment(by: batch.count)
                    } catch {
                        // A store that failed is opened again for the next batch.
                        offline = nil
                        queue.failed.increment(by: batch.count)
                        store.logger.error(
                            "served features could not be logged to the offline store",
                            metadata: ["rows.count": "\(batch.count)", "error": "\(error)"])
                    }
                }
            }
            if stopping { return }
        }
    }
}
