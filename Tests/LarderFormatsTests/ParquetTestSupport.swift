import Foundation
import LarderCore
import LarderTestSupport
@testable import LarderFormats

/// What pyarrow read from a Parquet file, as written by `tools/make_parquet_fixtures.py`.
struct ParquetExpectation: Decodable {
    struct ExpectedColumn: Decodable {
        var name: String
        var type: String
        var nullable: Bool
        var values: [CanonicalValue]
    }

    var rows: Int
    var rowGroups: Int
    var columns: [ExpectedColumn]
    var unsupported: [String: String]
    var error: String?

    enum CodingKeys: String, CodingKey {
        case rows, rowGroups = "row_groups", columns, unsupported, error
    }

    /// Decodes a sidecar.
    static func decode(_ data: Data) throws -> ParquetExpectation {
        try JSONDecoder().decode(ParquetExpectation.self, from: data)
    }
}

/// A value in the canonical text form the fixture script writes.
indirect enum CanonicalValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case text(String)
    case list([CanonicalValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .list(try container.decode([CanonicalValue].self))
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .text(let text): "\"\(text)\""
        case .list(let items): "[\(items.map(\.description).joined(separator: ", "))]"
        }
    }
}

/// The committed Parquet fixtures, written by `tools/make_parquet_fixtures.py`.
enum ParquetFixtures {
    /// The directory of Parquet fixtures.
    static let directory = RepositoryFiles.root.appendingPathComponent("Tests/LarderFormatsTests/Fixtures/parquet")

    /// The fixtures' base names.
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".parquet") }.map { String($0.dropLast(".parquet".count)) }.sorted()
    }

    /// The path of a fixture.
    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name + ".parquet").path
    }

    /// The sidecar of a fixture.
    static func expectation(_ name: String) throws -> ParquetExpectation {
        try ParquetExpectation.decode(Data(contentsOf: directory.appendingPathComponent(name + ".json")))
    }
}

/// Column values in the canonical form of the fixture sidecars.
enum CanonicalValues {
    /// Every row of a column.
    static func of(_ column: Column) -> [CanonicalValue] {
        (0..<column.count).map { value(of: column, at: $0) }
    }

    /// One row of a column.
    static func value(of column: Column, at index: Int) -> CanonicalValue {
        if column.isNull(at: index) { return .null }
        switch column.storage {
        case .bool(let values): return .text(values[index] ? "true" : "false")
        case .int32(let values): return .text(String(values[index]))
        case .int64(let values): return .text(String(values[index]))
        case .uint64(let values): return .text(String(values[index]))
        case .float32(let values): return .text(String(values[index].bitPattern))
        case .float64(let values): return .text(String(values[index].bitPattern))
        case .binary(let values):
            if case .string = column.type { return .text(values.string(at: index)) }
            return .text(values[index].map { String(format: "%02x", $0) }.joined())
        case .list(let offsets, let elements):
            return .list((offsets[index]..<offsets[index + 1]).map { value(of: elements, at: $0) })
        }
    }
}
