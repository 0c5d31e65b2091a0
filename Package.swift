// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "fabriques",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fabriques", targets: ["fabriques"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .target(
            name: "Territory",
            resources: [.copy("Resources")]
        ),
        .target(name: "Accounts"),
        .target(name: "Programme", dependencies: ["Territory"]),
        .target(name: "Directory", dependencies: ["Territory"]),
        .target(name: "Spreadsheet"),
        .target(name: "Selection"),
        .target(name: "Coverage", dependencies: ["Territory"]),
        .executableTarget(name: "CoverageBench", dependencies: ["Coverage", "Territory"]),
        .executableTarget(name: "SearchBench", dependencies: ["Directory", "Territory"]),
        .target(
            name: "Storage",
            dependencies: [
                "Territory",
                "Directory",
                "Accounts",
                "Programme",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Web",
            dependencies: [
                "Territory",
                "Directory",
                "Programme",
                "Accounts",
                "Storage",
                "Spreadsheet",
                "Selection",
                "Coverage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "fabriques",
            dependencies: [
                "Web",
                "Selection",
                "Coverage",
                "Storage",
                "Territory",
                "Directory",
                "Accounts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "TerritoryTests", dependencies: ["Territory"]),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet"]),
        .testTarget(name: "SelectionTests", dependencies: ["Selection"]),
        .testTarget(name: "CoverageTests", dependencies: ["Coverage", "Territory"]),
        .testTarget(name: "ProgrammeTests", dependencies: ["Programme", "Territory"]),
        .testTarget(name: "DirectoryTests", dependencies: ["Directory", "Territory"], resources: [.copy("Fixtures")]),
        .target(
            name: "TestSupport",
            dependencies: ["Storage", .product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Accounts", "Programme", "TestSupport"]),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web",
                "Selection",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
