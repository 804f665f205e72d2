// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Parity",
    products: [
        .executable(name: "parity", targets: ["parity"]),
        .library(name: "ParityKit", targets: ["ParityKit"]),
    ],
    targets: [
        // libyaml, from Debian's libyaml-dev; only ParityYAML imports it.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Diagnostics and source locations shared by every stage.
        .target(name: "ParityDiagnostics"),
        // Bytes to YAML nodes with positions.
        .target(name: "ParityYAML", dependencies: ["CYAML", "ParityDiagnostics"]),
        // The Common Expression Language; knows nothing of YAML.
        .target(name: "ParityCEL"),
        // Model, loading, diff, policies, findings, reporters.
        .target(name: "ParityKit", dependencies: ["ParityDiagnostics", "ParityYAML", "ParityCEL"]),
        // The command line.
        .executableTarget(name: "parity", dependencies: ["ParityKit"]),
        // Benchmarks against libyaml's own scan: `swift run -c release parity-bench`.
        .executableTarget(name: "parity-bench", dependencies: ["ParityKit", "ParityYAML", "CYAMLScan"]),
        // libyaml's bare C event loop, the benchmark's floor (used only by parity-bench).
        .target(name: "CYAMLScan", linkerSettings: [.linkedLibrary("yaml")]),
        // Regenerates the built-in policy pack from policies/: `swift run parity-pack`.
        .executableTarget(name: "parity-pack"),
        // Benchmark of compiled CEL policy assertions over lazy objects.
        .executableTarget(name: "cel-bench", dependencies: ["ParityCEL"]),

        // Helpers shared by the test targets (marked text, headless Chromium).
        .target(name: "ParityTestSupport", dependencies: ["ParityDiagnostics"], path: "Tests/ParityTestSupport"),
        .testTarget(name: "ParityDiagnosticsTests", dependencies: ["ParityDiagnostics", "ParityTestSupport"]),
        .testTarget(name: "ParityYAMLTests", dependencies: ["ParityYAML", "ParityTestSupport"]),
        .testTarget(name: "ParityCELTests", dependencies: ["ParityCEL", "ParityTestSupport"]),
        // Fixtures and their golden files sit beside the tests; they are read through #filePath.
        .testTarget(name: "ParityKitTests", dependencies: ["ParityKit", "ParityTestSupport"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "parityTests", dependencies: ["parity", "ParityTestSupport"], exclude: ["Golden"]),
    ]
)
