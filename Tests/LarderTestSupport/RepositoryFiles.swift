public import Foundation

/// Files of this repository that tests read: committed fixtures and the tools that wrote them.
public enum RepositoryFiles {
    /// The repository's root directory (this file is `Tests/LarderTestSupport/RepositoryFiles.swift`).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The full path of a file in the repository.
    /// - Parameter relative: the path from the repository's root, such as `tools/make_parquet_fixtures.py`.
    /// - Returns: the full path.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}
