import Foundation
import JSONSupport
import RubricEngine

/// A project's `.draftcheck.json`: which rubric its answers are checked against, and the other check
/// options. Versioned; missing fields take their defaults; unknown keys are reported by name.
///
///     { "version": 1, "rubric": "customer-relationships", "format": "text", "debounceMilliseconds": 200 }
public struct ProjectConfiguration: Sendable, Equatable {
    /// The file name looked for.
    public static let fileName = ".draftcheck.json"
    /// The only version this build understands.
    public static let currentVersion = 1
    /// Output formats of `draftcheck check`.
    public static let formats = ["text", "json", "html", "line"]
    private static let knownKeys = ["version", "rubric", "format", "debounceMilliseconds"]

    /// The format version.
    public var version = currentVersion
    /// A built-in rubric id or a path to a rubric file (already resolved against the configuration's folder).
    public var rubric: String?
    /// The output format of `draftcheck check` when `--format` is not given.
    public var format = "text"
    /// How long the language server waits after the last edit before checking again.
    public var debounceMilliseconds = 150

    /// The defaults: no rubric, text output, 150 ms debounce.
    public init() {}

    /// The configuration in `data`, read from `file` (relative rubric paths are resolved against its
    /// folder). Problems are returned as diagnostics; errors leave the affected field at its default.
    public static func decode(_ data: [UInt8], file: URL) -> (ProjectConfiguration, [Diagnostic]) {
        let config = ProjectConfiguration()
        let root: JSONNode
        do {
            root = try JSONParser.parse(data)
        } catch {
            return (
                config, [Diagnostic(file: file.path, location: error.location, message: error.message, rule: "json")]
            )
        }
        return config.apply(root, file: file.path, base: file.deletingLastPathComponent())
    }

    /// Reads and decodes a configuration file.
    public static func load(_ file: URL) -> (ProjectConfiguration, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return (
                ProjectConfiguration(), [Diagnostic(file: file.path, location: nil, message: "the file cannot be read")]
            )
        }
        return decode([UInt8](data), file: file)
    }

    /// Applies the fields of a JSON object (a file's, or an editor's settings) over this configuration.
    /// `base` resolves relative rubric paths.
    public func apply(_ root: JSONNode, file: String, base: URL) -> (ProjectConfiguration, [Diagnostic]) {
        var config = self
        var problems: [Diagnostic] = []
        func error(_ node: JSONNode, _ message: String) {
            problems.append(Diagnostic(file: file, location: node.location, message: message, rule: "configuration"))
        }
        guard let members = root.members else {
            error(root, "the configuration must be a JSON object, not \(root.typeName)")
            return (config, problems)
        }
        for member in members {
            let value = member.value
            switch member.key {
            case "version":
                if value.intValue != Self.currentVersion {
                    error(value, "unsupported version; this draftcheck reads version \(Self.currentVersion)")
                }
            case "rubric":
                if let s = value.stringValue, !s.isEmpty {
                    config.rubric = Self.resolveRubric(s, base: base)
                } else if !value.isNull {
                    error(value, "'rubric' must be a built-in rubric id or the path to a rubric .json file")
                }
            case "format":
                if let s = value.stringValue, Self.formats.contains(s) {
                    config.format = s
                } else {
                    error(value, "'format' must be one of \(Self.formats.joined(separator: ", "))")
                }
            case "debounceMilliseconds":
                if let n = value.intValue, (0...5000).contains(n) {
                    config.debounceMilliseconds = n
                } else {
                    error(value, "'debounceMilliseconds' must be a whole number from 0 to 5000")
                }
            default:
                let hint = closestMatch(to: member.key, among: Self.knownKeys).map { "; did you mean '\($0)'?" } ?? ""
                problems.append(
                    Diagnostic(
                        file: file, location: member.keyLocation, severity: .warning,
                        message:
                            "unknown key '\(member.key)'\(hint) (known keys: \(Self.knownKeys.joined(separator: ", ")))",
                        rule: "configuration"))
            }
        }
        return (config, problems)
    }

    /// A rubric path relative to the configuration's folder becomes absolute; an id stays as it is.
    static func resolveRubric(_ value: String, base: URL) -> String {
        guard value.contains("/") || value.hasSuffix(".json") else { return value }
        if value.hasPrefix("/") { return value }
        if value.hasPrefix("~/") { return (value as NSString).expandingTildeInPath }
        return base.appendingPathComponent(value).standardizedFileURL.path
    }

    /// The nearest `.draftcheck.json` in `folder` or one of its ancestors.
    public static func nearestFile(from folder: URL) -> URL? {
        var dir = folder.standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent(fileName)
            if FileManager.default.isReadableFile(atPath: candidate.path) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path || dir.path == "/" { return nil }
            dir = parent
        }
    }

    /// The configuration that applies to a document: the nearest file walking up from its folder, or
    /// the defaults (with the file's URL, or nil when there is none).
    public static func forDocument(at path: URL) -> (ProjectConfiguration, URL?, [Diagnostic]) {
        guard let file = nearestFile(from: path.deletingLastPathComponent()) else {
            return (ProjectConfiguration(), nil, [])
        }
        let (config, problems) = load(file)
        return (config, file, problems)
    }
}
