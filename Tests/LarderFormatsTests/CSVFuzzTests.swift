import LarderCore
import LarderTestSupport
import Testing

@testable import LarderFormats

/// A seeded mutation loop over the CSV reader: random byte changes, quotes, line breaks,
/// commas, cuts and splices of valid files. Every outcome must be rows or a `FormatError`:
/// never a crash, a hang or another error.
struct CSVFuzzTests {
    static let seeds: [String] = [
        "id,name,amount,at,flag\n1,\"Smith, J\",12.5,2026-01-02T03:04:05.123Z,true\n2,\"say \"\"hi\"\"\",,2026-01-02 03:04:05+02:00,false\n",
        "\u{FEFF}a,b\r\n\"multi\r\nline\",2\r\n3,4\r\n",
        "v,e\n[1.5, 2.5],\"[\"\"a\"\", null]\"\n[],\"[]\"\n,\n",
        "x\n1\n\n2\n-9223372036854775808\n",
        "t,d\n2026-01-02,1970-01-01\n1767323045,2026-02-28\n",
    ]

    static let declaredTypes: [String: ColumnType] = [
        "id": .int(bits: 16, signed: false), "amount": .decimal(precision: 6, scale: 2),
        "at": .timestamp(.milliseconds, utcAdjusted: true), "flag": .bool, "b": .float32,
        "v": .list(.float64), "e": .list(.string), "x": .int(bits: 64, signed: true), "d": .date,
        "name": .bytes(fixedLength: nil),
    ]

    static func mutate(_ input: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        let interesting: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x5B, 0x5D, 0x5C, 0x00, 0xEF, 0xFF, 0x2D, 0x3A, 0x20]
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<7, using: &generator) {
            case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 1: bytes.insert(interesting.randomElement(using: &generator)!, at: position)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...8, using: &generator)))
            case 3: bytes = Array(bytes.prefix(position))
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...20, using: &generator))
                bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &generator))
            case 5: bytes.insert(contentsOf: [0x22, 0x22, 0x22], at: position)
            default:
                bytes.insert(
                    contentsOf: (0..<3).map { _ in UInt8.random(in: 0...255, using: &generator) }, at: position)
            }
        }
        return bytes
    }

    @Test(arguments: [1, 2, 3, 4])
    func mutatedFilesFailCleanly(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let directory = try TemporaryDirectory()
        var outcomes = (rows: 0, errors: 0)
        for iteration in 0..<400 {
            let original = Array(Self.seeds[iteration % Self.seeds.count].utf8)
            let mutant = Self.mutate(original, using: &generator)
            let path = try directory.write(bytes: mutant, to: "fuzz.csv")
            for (declared, chunk) in [(nil, 1 << 22), (Self.declaredTypes, 5)] as [([String: ColumnType]?, Int)] {
                do {
                    let reader = try CSVReader(
                        path: path,
                        declaredTypes: declared?.filter { key, _ in
                            (try? CSVReader(path: path, inferenceRows: 0).schema[key]) != nil
                        }, batchSize: 2, inferenceRows: 3, chunkSize: chunk)
                    let batch = try reader.readAll()
                    _ = JSONLinesEncoder().encode(batch)
                    outcomes.rows += batch.rowCount
                } catch is FormatError {
                    outcomes.errors += 1
                } catch {
                    Issue.record("seed \(seed) iteration \(iteration): unexpected \(error) for \(mutant)")
                }
            }
        }
        // The mutations must exercise both outcomes.
        #expect(outcomes.rows > 0)
        #expect(outcomes.errors > 0)
    }
}
