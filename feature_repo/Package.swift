// swift-tools-version:6.1
// The fraud-detection definitions: an executable that prints this repository's manifest.
// It depends on the Larder package's `LarderCore` library only, so it builds in seconds.
import Foundation
import PackageDescription

/// The Larder package: `LARDER_PACKAGE_PATH` when set, else the checkout this repository
/// lives in (`larder init` writes the absolute path of its own checkout instead).
let larderPath = Context.environment["LARDER_PACKAGE_PATH"]
    ?? URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().path
let larderPackage = URL(fileURLWithPath: larderPath).standardizedFileURL.lastPathComponent

let package = Package(
    name: "fraud_detection_definitions",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: larderPath)],
    targets: [
        .executableTarget(
            name: "definitions",
            dependencies: [.product(name: "LarderCore", package: larderPackage)],
            path: "definitions"
        )
    ]
)
