// swift-tools-version:6.1
import PackageDescription

/// Settings shared by every Swift target: explicit `any` and internal imports, so no
/// dependency (and no C type) leaks into a module's public API by accident.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// A system library found through pkg-config, installed from Debian by `tools/install-deps.sh`.
func systemLibrary(_ name: String, pkgConfig: String, apt: String) -> Target {
    .systemLibrary(name: name, pkgConfig: pkgConfig, providers: [.apt([apt])])
}

/// The definitions library, a package of its own (`Packages/LarderCore`) so that a feature
/// repository's definitions depend on it alone and never resolve the server's dependencies.
let core: Target.Dependency = .product(name: "LarderCore", package: "LarderCore")

let package = Package(
    name: "Larder",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Larder", targets: ["Larder"]),
        .executable(name: "larder", targets: ["LarderCLI"]),
        .executable(name: "larder-bench", targets: ["LarderBench"]),
    ],
    dependencies: [
        .package(path: "Packages/LarderCore"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        systemLibrary("CSQLite", pkgConfig: "sqlite3", apt: "libsqlite3-dev"),
        systemLibrary("CLMDB", pkgConfig: "lmdb", apt: "liblmdb-dev"),
        systemLibrary("CSnappy", pkgConfig: "snappy", apt: "libsnappy-dev"),
        systemLibrary("CZstd", pkgConfig: "libzstd", apt: "libzstd-dev"),
        systemLibrary("CZlib", pkgConfig: "zlib", apt: "zlib1g-dev"),
        systemLibrary("CLZ4", pkgConfig: "liblz4", apt: "liblz4-dev"),
        systemLibrary("CHiredis", pkgConfig: "hiredis", apt: "libhiredis-dev"),

        .target(
            name: "LarderFormats",
            dependencies: [core, "CSnappy", "CZstd", "CZlib", "CLZ4"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LarderStores",
            dependencies: [core, "LarderFormats"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LarderOffline",
            dependencies: [
                core, "LarderFormats", "LarderStores", "CSQLite", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LarderPostgres",
            dependencies: [
                core, "LarderFormats", "LarderStores",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LarderOnline",
            dependencies: [core, "LarderStores", "CLMDB", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // The interpreter of on-demand features: one evaluator for training sets and online reads.
        .target(name: "LarderTransforms", dependencies: [core], swiftSettings: strictSettings),
        .target(
            name: "LarderRedis",
            dependencies: [
                core, "LarderStores", "CHiredis", .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LarderAggregation",
            dependencies: [core, "LarderFormats", "LarderStores"],
            swiftSettings: strictSettings),
        // Data quality: profiles, drift statistics (equal to scipy's), saved datasets.
        .target(name: "LarderQuality", dependencies: [core, "LarderFormats"], swiftSettings: strictSettings),
        .target(
            name: "Larder",
            dependencies: [
                core, "LarderTransforms", "LarderFormats", "LarderStores", "LarderOffline", "LarderOnline",
                "LarderAggregation", "LarderPostgres", "LarderRedis", "Yams",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LarderServer",
            dependencies: [
                "Larder", core, "LarderFormats", "LarderStores",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "LarderCLI",
            dependencies: [
                "Larder", core, "LarderFormats", "LarderStores", "LarderServer", "LarderQuality",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "LarderBench",
            dependencies: [
                "Larder", core, "LarderFormats", "LarderStores", "LarderOffline", "LarderOnline", "LarderPostgres",
                "LarderRedis", "LarderQuality",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // What the tests share: temporary directories, running the `larder` binary and
        // `python3` (fixture writers, cross-checks), the repository's root, and generators of
        // values for property tests. Every test target depends on it (see the end of this file).
        .target(
            name: "LarderTestSupport",
            dependencies: [
                core,
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/LarderTestSupport",
            swiftSettings: strictSettings
        ),

        .testTarget(name: "LarderCoreTests", dependencies: [core], swiftSettings: strictSettings),
        .testTarget(
            name: "LarderTransformsTests", dependencies: ["LarderTransforms", core], swiftSettings: strictSettings),
        .testTarget(
            name: "LarderFormatsTests",
            dependencies: ["LarderFormats", core],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LarderOfflineTests",
            dependencies: [
                "LarderOffline", "LarderStores", "LarderFormats", "LarderPostgres", core,
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LarderOnlineTests",
            dependencies: ["LarderOnline", "LarderRedis", "LarderStores", core],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LarderTests",
            dependencies: [
                "Larder", "LarderAggregation", core, "LarderFormats", "LarderStores",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LarderServerTests",
            dependencies: [
                "LarderServer", "Larder", core, "LarderStores", "LarderCLI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LarderQualityTests", dependencies: ["LarderQuality", "LarderFormats", core],
            swiftSettings: strictSettings),
        .testTarget(
            name: "LarderCLITests",
            dependencies: [
                "LarderCLI", "Larder", core, "LarderFormats", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)

// Every test target uses the shared test support, so no test copies a temporary directory or
// a process launcher of its own, and may state properties with swift-property-based.
for target in package.targets where target.type == .test {
    target.dependencies += ["LarderTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
}
