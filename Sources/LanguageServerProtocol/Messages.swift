import JSONSupport

/// The protocol's error codes used by this server.
public enum ErrorCode: Int, Sendable {
    /// The message is not valid JSON.
    case parseError = -32700
    /// The JSON is not a valid request.
    case invalidRequest = -32600
    /// No such method.
    case methodNotFound = -32601
    /// The parameters are wrong.
    case invalidParams = -32602
    /// Something failed inside the server.
    case internalError = -32603
    /// A request came before `initialize`.
    case serverNotInitialized = -32002
    /// The request failed for a reason the client can show.
    case requestFailed = -32803
}

/// `window/showMessage` types.
public enum MessageType: Int, Sendable {
    case error = 1, warning = 2, info = 3, log = 4
}

/// A diagnostic's severity, as the protocol numbers it.
public enum DiagnosticSeverity: Int, Sendable {
    case error = 1, warning = 2, information = 3, hint = 4
}

/// A diagnostic as sent in `textDocument/publishDiagnostics`.
public struct Diagnostic: Sendable {
    /// Where it applies.
    public var range: PositionRange
    /// How prominent it is.
    public var severity: DiagnosticSeverity
    /// The rule or item it is about.
    public var code: String
    /// Who produced it.
    public var source: String
    /// What it says.
    public var message: String
    /// Anything the server needs to act on it later (code actions).
    public var data: JSONValue?

    /// Creates a diagnostic.
    public init(
        range: PositionRange, severity: DiagnosticSeverity, code: String, source: String, message: String,
        data: JSONValue?
    ) {
        self.range = range
        self.severity = severity
        self.code = code
        self.source = source
        self.message = message
        self.data = data
    }

    /// The protocol object.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("range", range.json), ("severity", .int(severity.rawValue)), ("code", .string(code)),
            ("source", .string(source)), ("message", .string(message)),
        ]
        if let data { fields.append(("data", data)) }
        return .object(fields)
    }
}

/// The method names this server knows, as the protocol spells them (each constant is its own method name).
public enum Method {
    public static let initialize = "initialize"
    public static let initialized = "initialized"
    public static let shutdown = "shutdown"
    public static let exit = "exit"
    public static let didOpen = "textDocument/didOpen"
    public static let didChange = "textDocument/didChange"
    public static let didSave = "textDocument/didSave"
    public static let didClose = "textDocument/didClose"
    public static let hover = "textDocument/hover"
    public static let codeAction = "textDocument/codeAction"
    public static let executeCommand = "workspace/executeCommand"
    public static let didChangeConfiguration = "workspace/didChangeConfiguration"
    public static let publishDiagnostics = "textDocument/publishDiagnostics"
    public static let showMessage = "window/showMessage"
    public static let cancelRequest = "$/cancelRequest"
}
