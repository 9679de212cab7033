// swift-tools-version: 6.0
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode (set package-wide below) plus the
/// upcoming features that keep existentials explicit and imports honest.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "genbridge",
    products: [
        .executable(name: "genbridge", targets: ["genbridge"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // libcsv, the system C library (Debian: libcsv-dev). Debian ships no pkg-config file.
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        // glibc's malloc.h (mallopt, malloc_trim): how the heap gives memory back (see `Allocator`).
        .systemLibrary(name: "CMalloc"),
        // Files written all or nothing, and removed on SIGINT/SIGTERM: reports, surveys, configs.
        .target(
            name: "FileOutput",
            swiftSettings: swiftSettings
        ),
        // Stage 1: bytes -> records -> respondents, with every row accounted for.
        .target(
            name: "Ingest",
            dependencies: ["CLibCSV"],
            swiftSettings: swiftSettings
        ),
        // Stage 2: familiarity per band and tool, gaps between bands, statistics.
        .target(
            name: "Analysis",
            dependencies: ["Ingest"],
            swiftSettings: swiftSettings
        ),
        // Stage 3a: reverse-mentoring pairs.
        .target(
            name: "Pairing",
            dependencies: ["Ingest", "Analysis", "CMalloc"],
            swiftSettings: swiftSettings
        ),
        // Stage 3b: text, HTML, JSON and CSV reports, written atomically.
        .target(
            name: "Reports",
            dependencies: ["Ingest", "Analysis", "Pairing", "FileOutput"],
            swiftSettings: swiftSettings
        ),
        // genbridge.yml: parsed, checked (every error with its line), turned into stage options.
        .target(
            name: "Settings",
            dependencies: ["Ingest", "Pairing", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // `genbridge generate`: realistic synthetic surveys in every layout, for demos and benchmarks.
        .target(
            name: "Synthesis",
            dependencies: ["Ingest", "Analysis", "FileOutput"],
            swiftSettings: swiftSettings
        ),
        // The thin command-line front end: arguments, wiring, exit codes.
        .executableTarget(
            name: "genbridge",
            dependencies: [
                "Ingest", "Analysis", "Pairing", "Reports", "Settings", "Synthesis", "FileOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // `make bench`: the pairing solver on large generated instances (not part of the product).
        .executableTarget(
            name: "pairing-bench",
            dependencies: ["Pairing"],
            swiftSettings: swiftSettings
        ),
        // Temporary folders for the tests, removed when the test process exits.
        .target(
            name: "TestScratch",
            path: "Tests/TestScratch",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "TestScratch"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnalysisTests",
            dependencies: ["Analysis"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PairingTests",
            dependencies: ["Pairing", "Ingest", "Analysis", "TestScratch"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Analysis", "Ingest", "Pairing", "TestScratch"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SettingsTests",
            dependencies: ["Settings", "Ingest", "Pairing", "TestScratch"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FileOutputTests",
            dependencies: ["FileOutput", "TestScratch"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SynthesisTests",
            dependencies: ["Synthesis", "Ingest", "FileOutput", "TestScratch"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["genbridge", "TestScratch"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
