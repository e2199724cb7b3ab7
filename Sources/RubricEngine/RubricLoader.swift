import Foundation
import TextAnalyser

/// Loads rubrics and lexicons from JSON: validates them against the schemas, resolves concept references
/// and reports every problem with `file:line:column`.
public struct RubricLoader: Sendable {
    /// Where shared lexicons and schemas are found.
    public let library: RubricLibrary
    private let rubricSchema: JSONSchemaValidator
    private let lexiconSchema: JSONSchemaValidator

    /// Creates a loader; fails when the library's schemas cannot be read.
    public init(library: RubricLibrary) throws(RubricLoadError) {
        self.library = library
        rubricSchema = try Self.schema(library.rubricSchemaURL)
        lexiconSchema = try Self.schema(library.lexiconSchemaURL)
    }

    private static func schema(_ url: URL) throws(RubricLoadError) -> JSONSchemaValidator {
        let node = try parse(url)
        do {
            return try JSONSchemaValidator(schema: node)
        } catch {
            throw RubricLoadError([Diagnostic(file: url.path, location: error.location, message: error.message)])
        }
    }

    /// Reads and parses a JSON file.
    static func parse(_ url: URL) throws(RubricLoadError) -> JSONNode {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "does not exist"
            throw RubricLoadError([Diagnostic(file: url.path, location: nil, message: "the file \(reason)")])
        }
        return try parse(data, file: url.path)
    }

    /// Parses JSON bytes; `file` names them in diagnostics.
    static func parse(_ data: Data, file: String) throws(RubricLoadError) -> JSONNode {
        do {
            return try JSONParser.parse([UInt8](data))
        } catch {
            throw RubricLoadError([Diagnostic(file: file, location: error.location, message: error.message, rule: "json")])
        }
    }

    /// Loads a built-in rubric by id, or a rubric file by path (anything containing "/" or ending in ".json").
    public func load(idOrPath: String) throws(RubricLoadError) -> Rubric {
        if idOrPath.contains("/") || idOrPath.hasSuffix(".json") {
            return try load(url: URL(fileURLWithPath: idOrPath))
        }
        guard let url = library.url(forID: idOrPath) else {
            let known = library.builtInIDs().joined(separator: ", ")
            throw RubricLoadError([
                Diagnostic(
                    file: idOrPath, location: nil,
                    message: "no built-in rubric has this id; known rubrics: \(known). To use your own, give the path to its .json file",
                    rule: "unknown-rubric")
            ])
        }
        return try load(url: url)
    }

    /// Loads a rubric file.
    public func load(url: URL) throws(RubricLoadError) -> Rubric {
        let (rubric, diagnostics) = check(url: url)
        if let rubric, !diagnostics.contains(where: { $0.severity == .error }) { return rubric }
        throw RubricLoadError(diagnostics.filter { $0.severity == .error })
    }

    /// Loads a rubric and returns every problem found, warnings included (what `rubric lint` shows).
    public func check(url: URL) -> (Rubric?, [Diagnostic]) {
        let root: JSONNode
        do {
            root = try Self.parse(url)
        } catch {
            return (nil, error.diagnostics)
        }
        return check(root, file: url.path)
    }

    /// Checks a rubric given as bytes (for tools and fuzzing); `file` names it in diagnostics.
    public func check(data: Data, file: String) -> (Rubric?, [Diagnostic]) {
        let root: JSONNode
        do {
            root = try Self.parse(data, file: file)
        } catch {
            return (nil, error.diagnostics)
        }
        return check(root, file: file)
    }

    private func check(_ root: JSONNode, file: String) -> (Rubric?, [Diagnostic]) {
        let violations = rubricSchema.validate(root)
        if !violations.isEmpty {
            return (nil, violations.map { Diagnostic(file: file, location: $0.location, message: $0.message, rule: "schema") })
        }
        var decoder = RubricDecoder(file: file, loader: self)
        let rubric = decoder.decode(root)
        return (rubric, decoder.diagnostics.sorted { ($0.file, $0.location?.offset ?? 0) < ($1.file, $1.location?.offset ?? 0) })
    }

    /// Loads the concepts of a shared lexicon.
    func lexicon(id: String) throws(RubricLoadError) -> (URL, JSONNode) {
        let url = library.lexiconURL(id: id)
        let root = try Self.parse(url)
        let violations = lexiconSchema.validate(root)
        if !violations.isEmpty {
            throw RubricLoadError(
                violations.map { Diagnostic(file: url.path, location: $0.location, message: $0.message, rule: "schema") })
        }
        return (url, root)
    }
}
