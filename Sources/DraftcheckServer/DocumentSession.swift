import DraftcheckKit
import Foundation
import JSONSupport
import LanguageServerProtocol
import RubricEngine
import TextAnalyser

/// One open document: its text as the editor has it, its version, and the last assessment of it.
/// Checking is a pure function of the text and the compiled rubric, so it can be timed on its own.
public struct DocumentSession: Sendable {
    /// The document's URI.
    public let uri: String
    /// The file it stands for, when the URI is a file URI.
    public let fileURL: URL?
    /// The editor's version number.
    public var version: Int
    /// The current text.
    public var text: DocumentText
    /// The last assessment, and the version it was made of.
    public private(set) var assessment: (version: Int, result: Assessment)?

    /// A document as opened.
    public init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.text = DocumentText(text)
        fileURL = Self.fileURL(uri)
    }

    /// The path of a `file:` URI (percent escapes decoded), or nil for other schemes.
    public static func fileURL(_ uri: String) -> URL? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url
    }

    /// Applies the changes of one `didChange`, in order.
    public mutating func apply(_ changes: [TextChange], version: Int, encoding: PositionEncoding) {
        for change in changes { text.apply(change, encoding: encoding) }
        self.version = version
    }

    /// The current assessment, made now when the text changed since the last one.
    public mutating func assess(with assessor: Assessor) -> Assessment {
        if let a = assessment, a.version == version, a.result.rubric.path == assessor.rubric.path { return a.result }
        let result = assessor.assess(SourceText(bytes: text.bytes))
        assessment = (version, result)
        return result
    }

    /// Forgets the last assessment (the rubric changed).
    public mutating func invalidate() {
        assessment = nil
    }

    /// The protocol diagnostics for an assessment of this text.
    public func diagnostics(_ found: [DocumentDiagnostic], encoding: PositionEncoding) -> [LanguageServerProtocol
        .Diagnostic]
    {
        found.map { d in
            LanguageServerProtocol.Diagnostic(
                range: text.range(of: d.range, encoding: encoding), severity: Self.severity(d.severity),
                code: d.code, source: "draftcheck", message: d.message,
                data: .object([("kind", .string(d.kind.rawValue)), ("id", .string(d.code)), ("uri", .string(uri))]))
        }
    }

    /// The `publishDiagnostics` parameters for this document.
    public func publishParams(_ diagnostics: [LanguageServerProtocol.Diagnostic]) -> JSONValue {
        .object([("uri", .string(uri)), ("version", .int(version)), ("diagnostics", .array(diagnostics.map(\.json)))])
    }

    static func severity(_ s: DocumentDiagnostic.Severity) -> DiagnosticSeverity {
        switch s {
        case .error: return .error
        case .warning: return .warning
        case .information: return .information
        case .hint: return .hint
        }
    }
}
