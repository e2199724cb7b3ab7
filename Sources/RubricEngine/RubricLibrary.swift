import Foundation

/// The folder of built-in rubrics, shared lexicons and schemas, found from any working directory.
public struct RubricLibrary: Sendable {
    /// The folder holding `*.json` rubrics, `lexicon/` and the schemas.
    public let directory: URL

    /// Uses a given folder.
    public init(directory: URL) {
        self.directory = directory
    }

    /// Finds the built-in rubrics: `$DRAFTCHECK_RUBRICS`, then a `Rubrics` folder installed beside the
    /// executable (`../share/draftcheck/Rubrics` or `Rubrics`), then the source checkout it was built from.
    public static func locate(executable: String = CommandLine.arguments.first ?? "") -> RubricLibrary? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["DRAFTCHECK_RUBRICS"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.appendingPathComponent("../share/draftcheck/Rubrics").standardizedFileURL)
        candidates.append(exe.appendingPathComponent("Rubrics"))
        let checkout = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(checkout.appendingPathComponent("Rubrics"))
        for c in candidates where fm.fileExists(atPath: c.appendingPathComponent("rubric.schema.json").path) {
            return RubricLibrary(directory: c)
        }
        return nil
    }

    /// The JSON Schema rubrics are validated against.
    public var rubricSchemaURL: URL { directory.appendingPathComponent("rubric.schema.json") }
    /// The JSON Schema lexicons are validated against.
    public var lexiconSchemaURL: URL { directory.appendingPathComponent("lexicon.schema.json") }

    /// The file of a shared lexicon.
    public func lexiconURL(id: String) -> URL {
        directory.appendingPathComponent("lexicon").appendingPathComponent(id + ".json")
    }

    /// Ids of the built-in rubrics, sorted.
    public func builtInIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }
            .map { String($0.dropLast(5)) }
            .sorted()
    }

    /// Ids of the shared lexicons, sorted.
    public func lexiconIDs() -> [String] {
        let dir = directory.appendingPathComponent("lexicon")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The file of a built-in rubric, if it exists.
    public func url(forID id: String) -> URL? {
        let url = directory.appendingPathComponent(id + ".json")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
