import Foundation
import LarderCore
import Testing
@testable import LarderFormats

/// Seeded mutations of real files (flipped, overwritten, inserted and cut bytes, in the footer
/// and in the pages) fail with a ``FormatError`` or read successfully; never a crash or hang.
@Suite struct ParquetFuzzTests {
    /// Mutations per fixture; `LARDER_FUZZ_ITERATIONS` raises it for a longer local run.
    static let iterations = ProcessInfo.processInfo.environment["LARDER_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 500

    /// The seed; `LARDER_FUZZ_SEED` explores other mutations.
    static let seed = ProcessInfo.processInfo.environment["LARDER_FUZZ_SEED"].flatMap { UInt64($0) } ?? 7

    static let fixtures = [
        "types_plain", "types_dictionary", "types_v2", "lists", "lists_v2_plain", "delta", "byte_stream_split",
        "codec_gzip", "codec_zstd", "codec_lz4", "int96", "required", "duckdb",
    ]

    @Test(arguments: fixtures)
    func mutatedFilesNeverCrash(fixture: String) throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: ParquetFixtures.path(fixture))))
        var generator = SeededGenerator(seed: UInt64(fixture.utf8.reduce(Self.seed) { $0 &* 31 &+ UInt64($1) }))
        let footerLength = Int(original[original.count - 8]) | Int(original[original.count - 7]) << 8
        let footerStart = original.count - 8 - footerLength
        var readable = 0
        for iteration in 0..<Self.iterations {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                mutate(&bytes, footerStart: footerStart, using: &generator)
            }
            do {
                let reader = try ParquetReader(
                    path: "\(fixture)#\(iteration)", source: ParquetMemorySource(bytes: bytes))
                for column in reader.schema.columns {
                    do {
                        _ = try reader.readAll(columns: [column.name])
                        readable += 1
                    } catch let error as FormatError {
                        #expect(error.file == "\(fixture)#\(iteration)")
                    }
                }
            } catch let error as FormatError {
                #expect(error.file == "\(fixture)#\(iteration)")
            }
        }
        #expect(readable > 0)
    }

    private func mutate(_ bytes: inout [UInt8], footerStart: Int, using generator: inout SeededGenerator) {
        guard !bytes.isEmpty else { return }
        // Half of the mutations hit the footer, the rest anywhere (mostly pages and headers).
        let inFooter = Bool.random(using: &generator) && footerStart < bytes.count - 8
        let range = inFooter ? max(footerStart, 0)..<bytes.count - 8 : 0..<bytes.count
        guard !range.isEmpty else { return }
        let position = Int.random(in: range, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
        case 1: bytes[position] = UInt8.random(in: 0...255, using: &generator)
        case 2:
            let extreme: [UInt8] = [
                [0xFF, 0xFF, 0xFF, 0x7F], [0x00, 0x00, 0x00, 0x80], [0xFF, 0xFF, 0xFF, 0xFF, 0x0F],
            ][Int.random(in: 0..<3, using: &generator)]
            for (offset, byte) in extreme.enumerated() where position + offset < bytes.count {
                bytes[position + offset] = byte
            }
        case 3:
            bytes.insert(
                contentsOf: (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }, at: position)
        case 4: bytes.removeSubrange(position..<min(position + Int.random(in: 1...16, using: &generator), bytes.count))
        default: bytes = Array(bytes.prefix(position))
        }
    }
}
