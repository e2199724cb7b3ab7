import Foundation

/// One fuzz target: a name, what it exercises, and a function that must never trap whatever bytes it is given.
public struct FuzzTarget: Sendable {
    /// The name used by `.ci/fuzz.sh` and the corpus folder (`Fuzz/corpus/NAME`).
    public let name: String
    /// What the target feeds the bytes to.
    public let summary: String
    private let body: @Sendable (Data) -> Void
    /// Seeds made by the current code (for formats that change with it, such as compiled-lexicon tables),
    /// written by `writeGeneratedSeeds` before a run; committed seeds are in `Fuzz/corpus/NAME`.
    private let generatedSeeds: @Sendable () -> [[UInt8]]

    init(
        _ name: String, _ summary: String, seeds: @escaping @Sendable () -> [[UInt8]] = { [] },
        _ body: @escaping @Sendable (Data) -> Void
    ) {
        self.name = name
        self.summary = summary
        self.generatedSeeds = seeds
        self.body = body
    }

    /// Writes the generated seeds into `folder`, one file each.
    public func writeGeneratedSeeds(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (i, seed) in generatedSeeds().enumerated() {
            try Data(seed).write(to: folder.appendingPathComponent("generated-\(i)"))
        }
    }

    /// Runs the target on one input.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        body(Data(bytes))
    }

    /// Every target, in the order `.ci/fuzz.sh all` runs them.
    public static let all: [FuzzTarget] = [
        ReaderTargets.zip, ReaderTargets.docx, ReaderTargets.docxParts, ReaderTargets.odt, ReaderTargets.odtParts,
        ReaderTargets.html, ReaderTargets.text, RubricTargets.rubric, RubricTargets.lexicon, RubricTargets.analyser,
        CacheTargets.lexiconTables,
    ]

    /// The target named by the environment variable DRAFTCHECK_FUZZ_TARGET; exits with the list when it names none.
    public static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["DRAFTCHECK_FUZZ_TARGET"] ?? ""
        if let target = all.first(where: { $0.name == name }) { return target }
        var message = "set DRAFTCHECK_FUZZ_TARGET to one of:\n"
        for target in all {
            message +=
                "  \(target.name)\(String(repeating: " ", count: max(1, 16 - target.name.count)))\(target.summary)\n"
        }
        FileHandle.standardError.write(Data(message.utf8))
        exit(2)
    }()
}
