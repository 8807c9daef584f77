// swift-tools-version:6.1
// LarderCore: values, timestamps and the definitions DSL. A feature repository's definitions
// depend on this package alone (Foundation only, no other dependencies), so resolving and
// building them never touches the dependencies of the stores or the feature server.
import PackageDescription

let package = Package(
    name: "LarderCore",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LarderCore", targets: ["LarderCore"])
    ],
    targets: [
        .target(
            name: "LarderCore",
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        )
    ]
)
