// swift-tools-version: 6.0
import PackageDescription

// Module layout (see README "Architecture"):
// - AarshjulCore: pure Swift — civil dates, the Norwegian calendar, agreements,
//   rules, the solver, plans and the text plan. Knows nothing of libical or HTTP.
// - AarshjulAgreementFile: reads agreement YAML (Yams) into the core model,
//   with file/line/column errors.
// - CLibical + AarshjulICal: the only modules that touch libical; every C
//   pointer lives there and C errors become typed Swift errors.
// - AarshjulServer: Hummingbird feed server, the index page, static and
//   CalDAV publishing, all behind a `FeedSource` seam that yields a
//   `FeedCatalog`; `CalendarsFolderSource` is the real source (plans the
//   calendars folder through AarshjulAgreementFile and AarshjulICal).
// - CXLSXWriter + AarshjulXLSX: the only modules that touch libxlsxwriter (plan --xlsx).
// - CCairo, CRsvg + AarshjulPDF: the only modules that touch cairo and librsvg (plan --pdf).
// - AarshjulData: the facts under data/ (skolerute per county, municipalities,
//   elections), compiled in as text by the EmbedData build plugin; read into
//   the core model by AarshjulAgreementFile. The data files stay the source.
// - AarshjulCLI: the thin `aarshjul` command.
// - AarshjulBench: release-build benchmark executable (printed figures).
// `scripts/fuzz.sh` sets AARSHJUL_FUZZ=1: the readers a user's files go
// through get libFuzzer's coverage instrumentation and AddressSanitizer, and
// the fuzz target links libFuzzer. Only these targets: the data embedder is a
// build tool and must stay a plain executable.
let fuzzing = Context.environment["AARSHJUL_FUZZ"] == "1"
let fuzzInstrumented: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

let package = Package(
    name: "Aarshjul",
    products: [
        .executable(name: "aarshjul", targets: ["AarshjulCLI"]),
        .executable(name: "aarshjul-bench", targets: ["AarshjulBench"]),
        .executable(name: "aarshjul-fuzz", targets: ["AarshjulFuzz"]),
        .library(name: "AarshjulCore", targets: ["AarshjulCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Already in Hummingbird's graph; named so the server can log and run its folder watcher as a service.
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // SHA-256 (ETags), HMAC-SHA256 (feed tokens) and constant-time comparison; already in Hummingbird's graph.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .target(name: "AarshjulCore", swiftSettings: fuzzInstrumented),
        .executableTarget(name: "AarshjulDataEmbedder"),
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["AarshjulDataEmbedder"]),
        .target(name: "AarshjulData", plugins: ["EmbedData"]),
        .target(
            name: "AarshjulAgreementFile",
            dependencies: ["AarshjulCore", "AarshjulData", .product(name: "Yams", package: "Yams")],
            swiftSettings: fuzzInstrumented
        ),
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        .target(name: "AarshjulICal", dependencies: ["AarshjulCore", "CLibical"], swiftSettings: fuzzInstrumented),
        // libxlsxwriter (the spreadsheet) behind AarshjulXLSX; cairo and librsvg
        // (the printed plan and its wheel) behind AarshjulPDF. No other module touches them.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "AarshjulXLSX", dependencies: ["AarshjulCore", "CXLSXWriter"]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),
        .target(name: "AarshjulPDF", dependencies: ["AarshjulCore", "CCairo", "CRsvg"]),
        .executableTarget(
            name: "AarshjulCLI",
            dependencies: [
                "AarshjulCore", "AarshjulAgreementFile", "AarshjulICal", "AarshjulServer", "AarshjulXLSX", "AarshjulPDF",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "AarshjulBench",
            dependencies: ["AarshjulCore", "AarshjulAgreementFile", "AarshjulICal"]
        ),
        // libFuzzer target for the agreement reader and the calendar importer
        // (`make fuzz`); built normally it replays a corpus (see scripts/fuzz.sh).
        .executableTarget(
            name: "AarshjulFuzz",
            dependencies: ["AarshjulCore", "AarshjulAgreementFile", "AarshjulICal"],
            swiftSettings: fuzzInstrumented + (fuzzing ? [.define("FUZZING")] : []),
            linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []
        ),
        .target(
            name: "AarshjulServer",
            dependencies: [
                // The folder source plans agreements and exports feeds through
                // these; libical itself stays behind AarshjulICal.
                "AarshjulCore", "AarshjulAgreementFile", "AarshjulICal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "AarshjulCoreTests", dependencies: ["AarshjulCore"]),
        .testTarget(
            name: "AarshjulServerTests",
            dependencies: [
                "AarshjulServer", "AarshjulCore", "AarshjulICal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "AarshjulAgreementFileTests",
            dependencies: ["AarshjulAgreementFile", "AarshjulCore"]
        ),
        .testTarget(
            name: "AarshjulICalTests",
            dependencies: ["AarshjulICal", "AarshjulCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AarshjulCLITests",
            dependencies: ["AarshjulCLI", "AarshjulCore", "AarshjulAgreementFile", "AarshjulICal", "AarshjulXLSX", "AarshjulPDF"],
            // Read from the source tree by path (and re-recorded there), not bundled.
            exclude: ["Golden", "Regressions", "BadInputCorpus"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
