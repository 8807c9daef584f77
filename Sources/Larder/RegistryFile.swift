import Foundation
import LarderCore
#if canImport(Glibc)
import Glibc
#endif

/// The registry's JSON file: read whole, written atomically (a temporary file, flushed to
/// disk, then renamed over the old one), so a crash mid-write leaves the previous registry.
public struct RegistryFile: Sendable {
    /// The registry file's absolute path.
    public var path: String

    /// A registry file at a path (which need not exist yet).
    /// - Parameter path: the absolute path.
    public init(path: String) {
        self.path = path
    }

    /// Reads the registry, or `nil` when the file does not exist.
    /// - Returns: the stored registry.
    /// - Throws: ``RegistryError`` when the file is unreadable or not a registry.
    public func read() throws -> Registry? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RegistryError("\(path): cannot read the registry: \(error.localizedDescription)")
        }
        let registry: Registry
        do {
            registry = try JSONDecoder().decode(Registry.self, from: data)
        } catch let error as DecodingError {
            let detail = DefinitionError(decoding: error)
            throw RegistryError("\(path): not a Larder registry: '\(detail.field)' \(detail.message)")
        }
        guard registry.version <= Registry.currentVersion else {
            throw RegistryError(
                "\(path): registry version \(registry.version) is newer than this Larder reads (\(Registry.currentVersion)); upgrade Larder"
            )
        }
        return registry
    }

    /// Replaces the registry atomically.
    /// - Parameter registry: the new registry.
    /// - Throws: ``RegistryError`` when it cannot be written; the old file is then untouched.
    public func write(_ registry: Registry) throws {
        try write(registry, beforeRename: {})
    }

    /// Replaces the registry atomically, running `beforeRename` between writing the temporary
    /// file and renaming it into place (tests use it to simulate a crash there).
    func write(_ registry: Registry, beforeRename: () throws -> Void) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = "\(path).tmp-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try Self.writeDurably(try encoder.encode(registry), to: temporary)
            try beforeRename()
            guard rename(temporary, path) == 0 else {
                throw RegistryError("\(path): cannot replace the registry: \(String(cString: strerror(errno)))")
            }
            Self.syncDirectory(directory)
        } catch {
            unlink(temporary)
            if let error = error as? RegistryError { throw error }
            throw RegistryError("\(path): cannot write the registry: \(error)")
        }
    }

    private static func writeDurably(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw RegistryError("\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { throw RegistryError("\(path): \(String(cString: strerror(errno)))") }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw RegistryError("\(path): \(String(cString: strerror(errno)))") }
    }

    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

/// A registry that cannot be read or written.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, with the file's path.
    public var description: String

    /// An error with its message.
    /// - Parameter description: what is wrong.
    public init(_ description: String) {
        self.description = description
    }
}
