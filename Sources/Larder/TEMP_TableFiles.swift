// TEMPORARY until the CSV reader lands: header-only schema. Deleted at merge.
import Foundation
import LarderCore
import LarderFormats

final class TempHeaderReader: TableReader {
    let path: String
    let schema: TableSchema
    init(path: String, declaredTypes: [String: ColumnType]) throws {
        self.path = path
        guard let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else { throw FormatError(file: path, "unreadable") }
        let header = text.split(separator: "\n").first.map { $0.split(separator: ",").map { String($0) } } ?? []
        schema = TableSchema(columns: header.map { ColumnSchema(name: $0, type: declaredTypes[$0] ?? .string, nullable: true) })
    }
    func forEachBatch(columns: [String]?, _ body: (ColumnBatch) throws -> Void) throws {}
}
enum TableFiles {
    static func openReader(path: String, format: FileFormat?, declaredTypes: [String: ColumnType]) throws -> any TableReader {
        try TempHeaderReader(path: path, declaredTypes: declaredTypes)
    }
}
