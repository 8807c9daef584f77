// swift-tools-version:6.1
// The fraud-detection definitions: an executable that prints this repository's manifest.
// It depends on Larder's `LarderCore` package alone (no other dependencies), so it resolves
// without the network and builds in seconds.
import Foundation
import PackageDescription

/// The Larder checkout: `LARDER_PACKAGE_PATH` when set, else the checkout this repository
/// lives in (`larder init` writes the absolute path of its own checkout instead).
let larderCheckout = Context.environment["LARDER_PACKAGE_PATH"]
    ?? URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().path

let package = Package(
    name: "fraud_detection_definitions",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: larderCheckout + "/Packages/LarderCore")],
    targets: [
        .executableTarget(
            name: "definitions",
            dependencies: [.product(name: "LarderCore", package: "LarderCore")],
            path: "definitions"
        )
    ]
)
