// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "draftcheck",
    products: [
        .executable(name: "draftcheck", targets: ["draftcheck"]),
        .library(name: "TextAnalyser", targets: ["TextAnalyser"]),
        .library(name: "RubricEngine", targets: ["RubricEngine"]),
        .library(name: "Reporter", targets: ["Reporter"]),
        .library(name: "DocumentReaders", targets: ["DocumentReaders"]),
        .library(name: "Calibration", targets: ["Calibration"]),
        .library(name: "JSONSupport", targets: ["JSONSupport"]),
        .library(name: "BinaryPacking", targets: ["BinaryPacking"]),
        .library(name: "DraftcheckKit", targets: ["DraftcheckKit"]),
        .library(name: "DraftcheckServer", targets: ["DraftcheckServer"]),
    ],
    targets: [
        .target(name: "BinaryPacking"),
        .target(name: "TextAnalyser", dependencies: ["BinaryPacking"]),
        .target(name: "JSONSupport"),
        .target(name: "RubricEngine", dependencies: ["TextAnalyser", "JSONSupport"]),
        .target(name: "Reporter", dependencies: ["RubricEngine", "TextAnalyser", "JSONSupport"]),
        .target(name: "DocumentReaders"),
        .target(name: "Calibration"),
        .target(
            name: "DraftcheckKit",
            dependencies: ["TextAnalyser", "RubricEngine", "Reporter", "DocumentReaders", "JSONSupport"]
        ),
        .target(name: "LanguageServerProtocol", dependencies: ["JSONSupport"]),
        .target(name: "JSONRPC", dependencies: ["JSONSupport"]),
        .target(
            name: "DraftcheckServer",
            dependencies: [
                "LanguageServerProtocol", "JSONRPC", "JSONSupport", "DraftcheckKit", "RubricEngine", "Reporter",
                "TextAnalyser",
            ]
        ),
        .executableTarget(
            name: "draftcheck",
            dependencies: [
                "TextAnalyser", "RubricEngine", "Reporter", "DocumentReaders", "JSONSupport", "DraftcheckKit",
                "DraftcheckServer",
                "JSONRPC", "Calibration",
            ]
        ),
        .executableTarget(name: "foundation-baseline", path: "Sources/foundation-baseline"),
        .executableTarget(
            name: "draftcheck-bench",
            dependencies: [
                "TextAnalyser", "RubricEngine", "DocumentReaders", "DraftcheckKit", "DraftcheckServer",
                "LanguageServerProtocol",
            ],
            path: "Sources/draftcheck-bench"
        ),
        .testTarget(name: "TextAnalyserTests", dependencies: ["TextAnalyser", "BinaryPacking"]),
        .testTarget(name: "RubricEngineTests", dependencies: ["RubricEngine", "TextAnalyser"]),
        .testTarget(name: "ReporterTests", dependencies: ["Reporter", "RubricEngine", "TextAnalyser", "JSONSupport"]),
        .testTarget(name: "DocumentReadersTests", dependencies: ["DocumentReaders"], exclude: ["Fixtures"]),
        .testTarget(name: "DraftcheckTests", dependencies: ["draftcheck"]),
        .testTarget(name: "CalibrationTests", dependencies: ["Calibration"]),
        .testTarget(name: "JSONSupportTests", dependencies: ["JSONSupport"]),
        .testTarget(
            name: "DraftcheckServerTests",
            dependencies: [
                "DraftcheckServer", "JSONRPC", "LanguageServerProtocol", "JSONSupport", "DraftcheckKit", "RubricEngine",
                "TextAnalyser",
            ]
        ),
        .testTarget(
            name: "DraftcheckKitTests", dependencies: ["DraftcheckKit", "RubricEngine", "Reporter", "TextAnalyser"]),
    ],
    swiftLanguageModes: [.v6]
)
