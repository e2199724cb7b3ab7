import JSONSupport

/// One problem found in a rubric or lexicon, printed as `path:line:column: severity: message [rule]`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// The file the problem is in.
    public var file: String
    /// Where in the file, when known.
    public var location: SourceLocation?
    /// Error (the rubric cannot be used) or warning.
    public var severity: Severity
    /// What is wrong, in plain words.
    public var message: String
    /// A short id of the check that found it, e.g. "unknown-concept".
    public var rule: String?

    /// Creates a diagnostic.
    public init(
        file: String, location: SourceLocation?, severity: Severity = .error, message: String, rule: String? = nil
    ) {
        self.file = file
        self.location = location
        self.severity = severity
        self.message = message
        self.rule = rule
    }

    public var description: String {
        let place = location.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(severity.rawValue): \(message)" + (rule.map { " [\($0)]" } ?? "")
    }
}

/// A rubric or lexicon that could not be loaded, with every problem found.
public struct RubricLoadError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
