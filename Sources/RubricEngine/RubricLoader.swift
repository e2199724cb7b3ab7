import Foundation
import JSONSupport
import TextAnalyser

/// Loads rubrics and lexicons from JSON: validates them against the schemas, resolves concept references
/// and reports every problem with `file:line:column`.
public struct RubricLoader: Sendable {
    /// Where shared lexicons and schemas are found.
    public let library: RubricLibrary
    private let rubricSchema: LazySchema
    private let lexiconSchema: LazySchema
    /// File contents already known to pass schema validation; nil validates every time.
    public var validationMemo: ValidationMemo?
    /// Compiled lexicons kept between runs; nil compiles every time.
    public var lexiconStore: CompiledLexiconStore?

    /// Creates a loader; fails when the library's schemas cannot be read. A schema is compiled the first
    /// time a file needs validating against it.
    public init(
        library: RubricLibrary, validationMemo: ValidationMemo? = nil, lexiconStore: CompiledLexiconStore? = nil
    ) throws(RubricLoadError) {
        self.library = library
        self.validationMemo = validationMemo
        self.lexiconStore = lexiconStore
        rubricSchema = LazySchema(url: library.rubricSchemaURL, bytes: try Self.read(library.rubricSchemaURL))
        lexiconSchema = LazySchema(url: library.lexiconSchemaURL, bytes: try Self.read(library.lexiconSchemaURL))
    }

    /// Reads a file's bytes.
    static func read(_ url: URL) throws(RubricLoadError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "does not exist"
            throw RubricLoadError([Diagnostic(file: url.path, location: nil, message: "the file \(reason)")])
        }
    }

    /// Reads and parses a JSON file.
    static func parse(_ url: URL) throws(RubricLoadError) -> JSONNode {
        try parse(read(url), url)
    }

    private static func parse(_ bytes: [UInt8], _ url: URL) throws(RubricLoadError) -> JSONNode {
        try parse(bytes, file: url.path)
    }

    /// Parses JSON bytes; `file` names them in diagnostics.
    static func parse(_ bytes: [UInt8], file: String) throws(RubricLoadError) -> JSONNode {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw RubricLoadError([
                Diagnostic(file: file, location: error.location, message: error.message, rule: "json")
            ])
        }
    }

    /// The schema violations of a file's contents, skipped when the memo knows these exact bytes passed.
    private func violations(_ root: JSONNode, bytes: [UInt8], schema: LazySchema, file: String) -> [Diagnostic] {
        let key = ContentKey(bytes, schema.bytes)
        if let validationMemo, validationMemo.contains(key) { return [] }
        let validator: JSONSchemaValidator
        switch schema.validator() {
        case .success(let v): validator = v
        case .failure(let error): return error.diagnostics
        }
        let found = validator.validate(root)
        if found.isEmpty { validationMemo?.insert(key) }
        return found.map { Diagnostic(file: file, location: $0.location, message: $0.message, rule: "schema") }
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
                    message:
                        "no built-in rubric has this id; known rubrics: \(known). To use your own, give the path to its .json file",
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
        let bytes: [UInt8]
        do {
            bytes = try Self.read(url)
            root = try Self.parse(bytes, url)
        } catch {
            return (nil, error.diagnostics)
        }
        return check(root, bytes: bytes, file: url.path)
    }

    /// Checks a rubric given as bytes (for tools and fuzzing); `file` names it in diagnostics.
    public func check(data: Data, file: String) -> (Rubric?, [Diagnostic]) {
        let bytes = [UInt8](data)
        let root: JSONNode
        do {
            root = try Self.parse(bytes, file: file)
        } catch {
            return (nil, error.diagnostics)
        }
        return check(root, bytes: bytes, file: file)
    }

    private func check(_ root: JSONNode, bytes: [UInt8], file: String) -> (Rubric?, [Diagnostic]) {
        let violations = violations(root, bytes: bytes, schema: rubricSchema, file: file)
        if !violations.isEmpty { return (nil, violations) }
        var decoder = RubricDecoder(file: file, loader: self)
        let rubric = decoder.decode(root)
        return (
            rubric,
            decoder.diagnostics.sorted { ($0.file, $0.location?.offset ?? 0) < ($1.file, $1.location?.offset ?? 0) }
        )
    }

    /// Loads the concepts of a shared lexicon.
    func lexicon(id: String) throws(RubricLoadError) -> (URL, JSONNode) {
        let url = library.lexiconURL(id: id)
        let bytes = try Self.read(url)
        let root = try Self.parse(bytes, url)
        let violations = violations(root, bytes: bytes, schema: lexiconSchema, file: url.path)
        if !violations.isEmpty { throw RubricLoadError(violations) }
        return (url, root)
    }
}

/// A schema read at start-up and compiled only when something needs validating against it.
private final class LazySchema: @unchecked Sendable {
    let url: URL
    let bytes: [UInt8]
    private let lock = NSLock()
    private var compiled: Result<JSONSchemaValidator, RubricLoadError>?

    init(url: URL, bytes: [UInt8]) {
        self.url = url
        self.bytes = bytes
    }

    func validator() -> Result<JSONSchemaValidator, RubricLoadError> {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        let made: Result<JSONSchemaValidator, RubricLoadError>
        do {
            let node = try JSONParser.parse(bytes)
            made = .success(try JSONSchemaValidator(schema: node))
        } catch let error as JSONParseError {
            made = .failure(
                RubricLoadError([
                    Diagnostic(file: url.path, location: error.location, message: error.message, rule: "json")
                ]))
        } catch let error as JSONSchemaError {
            made = .failure(
                RubricLoadError([Diagnostic(file: url.path, location: error.location, message: error.message)]))
        } catch {
            made = .failure(RubricLoadError([Diagnostic(file: url.path, location: nil, message: "\(error)")]))
        }
        compiled = made
        return made
    }
}

/// A 128-bit fingerprint of a file's contents together with the schema it is validated against.
public struct ContentKey: Hashable, Sendable, CustomStringConvertible {
    /// The two halves.
    public let high: UInt64, low: UInt64

    /// The key of `bytes` validated against `schema`: two 64-bit multiply-rotate hashes over the bytes taken
    /// eight at a time (a rubric and its lexicons are a few hundred kilobytes, hashed on every check).
    public init(_ bytes: [UInt8], _ schema: [UInt8]) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x9E37_79B9_7F4A_7C15
        for part in [schema, [0xFF, 0x00, 0xFF], bytes] {
            part.withUnsafeBytes { raw in
                var i = 0
                func feed(_ word: UInt64) {
                    a = ((a ^ word) &* 0xff51_afd7_ed55_8ccd).rotatedLeft(by: 31)
                    b = ((b ^ word) &* 0xc4ce_b9fe_1a85_ec53).rotatedLeft(by: 29)
                }
                while i + 8 <= raw.count {
                    feed(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    i += 8
                }
                var tail: UInt64 = 0
                for k in i..<raw.count { tail = tail << 8 | UInt64(raw[k]) }
                feed(tail ^ UInt64(raw.count) << 56)
            }
        }
        high = a ^ UInt64(bytes.count)
        low = b
    }

    /// Restores a key from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// 32 hexadecimal digits.
    public var description: String {
        let h = String(high, radix: 16)
        let l = String(low, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h + String(repeating: "0", count: 16 - l.count) + l
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}

/// Remembers file contents that passed schema validation, so that loading the same rubric again
/// (the next `draftcheck check`) skips it. Validation is a pure function of the bytes and the schema,
/// so a remembered result is always right.
public protocol ValidationMemo: Sendable {
    /// Whether these contents passed before.
    func contains(_ key: ContentKey) -> Bool
    /// Records contents that passed.
    func insert(_ key: ContentKey)
}
