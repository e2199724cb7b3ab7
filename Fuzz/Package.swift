// swift-tools-version:6.0
// Fuzz targets for draftcheck's readers and loaders, built with libFuzzer and the address sanitizer.
// A separate package so that the normal `swift build` and `swift test` never touch it: run `.ci/fuzz.sh TARGET SECONDS`.
import PackageDescription

let package = Package(
    name: "draftcheck-fuzz",
    // `draftcheck` is a committed symbolic link to the repository root, so that the dependency's identity is
    // "draftcheck" whatever the clone's folder is called (SwiftPM names a path dependency after its last component).
    dependencies: [.package(path: "draftcheck")],
    targets: [
        .target(
            name: "FuzzTargets",
            dependencies: [
                .product(name: "DocumentReaders", package: "draftcheck"),
                .product(name: "RubricEngine", package: "draftcheck"),
                .product(name: "TextAnalyser", package: "draftcheck"),
                .product(name: "Reporter", package: "draftcheck"),
                .product(name: "BinaryPacking", package: "draftcheck"),
            ]
        ),
        .executableTarget(name: "draftcheck-fuzz", dependencies: ["FuzzTargets"]),
        .executableTarget(
            name: "draftcheck-read", dependencies: [.product(name: "DocumentReaders", package: "draftcheck")]),
    ],
    swiftLanguageModes: [.v6]
)
