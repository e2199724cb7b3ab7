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
    ],
    targets: [
        .target(name: "TextAnalyser"),
        .target(name: "RubricEngine", dependencies: ["TextAnalyser"]),
        .target(name: "Reporter", dependencies: ["RubricEngine", "TextAnalyser"]),
        .target(name: "DocumentReaders"),
        .target(name: "Calibration"),
        .executableTarget(
            name: "draftcheck",
            dependencies: ["TextAnalyser", "RubricEngine", "Reporter", "DocumentReaders", "Calibration"]
        ),
        .executableTarget(
            name: "draftcheck-bench",
            dependencies: ["TextAnalyser", "RubricEngine", "DocumentReaders"],
            path: "Sources/draftcheck-bench"
        ),
        .testTarget(name: "TextAnalyserTests", dependencies: ["TextAnalyser"]),
        .testTarget(name: "RubricEngineTests", dependencies: ["RubricEngine", "TextAnalyser"]),
        .testTarget(name: "ReporterTests", dependencies: ["Reporter", "RubricEngine", "TextAnalyser"]),
        .testTarget(name: "DocumentReadersTests", dependencies: ["DocumentReaders"], exclude: ["Fixtures"]),
        .testTarget(name: "DraftcheckTests", dependencies: ["draftcheck"]),
        .testTarget(name: "CalibrationTests", dependencies: ["Calibration"]),
    ],
    swiftLanguageModes: [.v6]
)
