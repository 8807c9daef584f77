#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
package import LarderCore
package import LarderFormats

/// The part of an ``OfflineTable`` that decides what the store holds for it (not the TTL,
/// which only matters when querying), saved with the data so a changed definition is noticed.
package struct StoredDefinition: Codable, Hashable {
    /// The source file.
    package var sourcePath: String
    /// The source file's format.
    package var format: FileFormat
    /// The join keys.
    package var joinKeys: [OfflineColumn]
    /// The source's event timestamp column.
    package var eventTimestampColumn: String
    /// The source's creation timestamp column, if any.
    package var createdTimestampColumn: String?
    /// The features.
    package var features: [OfflineColumn]

    /// The stored part of a table description.
    /// - Parameter table: the description.
    package init(_ table: OfflineTable) {
        sourcePath = table.sourcePath
        format = table.format
        joinKeys = table.joinKeys
        eventTimestampColumn = table.eventTimestampColumn
        createdTimestampColumn = table.createdTimestampColumn
        features = table.features
    }

    /// The definition as canonical JSON (sorted keys), as saved in the catalog.
    /// - Throws: `EncodingError` (never for these plain values).
    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Decodes a definition saved by ``json()``.
    /// - Parameters:
    ///   - json: the saved text.
    ///   - view: the feature view, for the error message.
    /// - Throws: ``OfflineStoreError`` when the text is not a definition.
    package init(json: String, view: String) throws {
        do {
            self = try JSONDecoder().decode(StoredDefinition.self, from: Data(json.utf8))
        } catch {
            throw OfflineStoreError(
                .outOfDate,
                "feature view '\(view)': the store's saved definition cannot be read (\(error)); ingest it again")
        }
    }
}
