import DraftcheckKit
import Foundation
import JSONRPC
import JSONSupport
import LanguageServerProtocol
import Reporter
import RubricEngine
import TextAnalyser

/// draftcheck's language server: keeps the open documents, checks them against their rubric as they
/// change (debounced) and publishes the results as diagnostics; answers hover, code actions and the
/// report and rubric commands. Every message and every check runs on one serial queue.
public final class LanguageServer: @unchecked Sendable {
    /// The commands `workspace/executeCommand` accepts.
    public enum Command {
        /// Shows the whole report for the document given as the argument.
        public static let showReport = "draftcheck.showReport"
        /// Shows the rubric the document is checked against.
        public static let showRubric = "draftcheck.showRubric"
    }

    private let connection: Connection
    private let rubrics: RubricSource
    private let serverVersion: String
    private let queue = DispatchQueue(label: "draftcheck.lsp")

    private var initialized = false
    private var shutdownRequested = false
    private var encoding = PositionEncoding.utf16
    private var settings = EditorSettings(base: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    private var documents: [String: DocumentSession] = [:]
    private var configurations: [String: ProjectConfiguration] = [:]
    private var assessors: [String: Assessor] = [:]
    private var pending: [String: DispatchWorkItem] = [:]
    /// Problems already shown, so a keystroke does not repeat a message box.
    private var reported: Set<String> = []

    /// A server talking over `connection`, loading rubrics through `rubrics`.
    public init(connection: Connection, rubrics: RubricSource = RubricSource(), version: String) {
        self.connection = connection
        self.rubrics = rubrics
        serverVersion = version
    }

    /// Serves until `exit` (or the end of input) and returns the process exit code: 0 after a
    /// `shutdown`, 1 otherwise, as the protocol says.
    public func run() -> Int32 {
        var code: Int32 = 1
        connection.readLoop { frame in
            queue.sync {
                switch frame {
                case .badHeader(let header):
                    showMessage(
                        .error,
                        "draftcheck: skipped a message whose header has no valid Content-Length: \(header.prefix(80))")
                    return true
                case .message(let body):
                    if let exitCode = handle(Message(body: body)) {
                        code = exitCode
                        return false
                    }
                    return true
                }
            }
        }
        queue.sync { for item in pending.values { item.cancel() } }
        return code
    }

    /// Handles one message; returns an exit code when the server is to stop.
    private func handle(_ message: Message) -> Int32? {
        switch message {
        case .invalid(let id, let error):
            connection.send(Message.response(id: id, error: error))
        case .response:
            break
        case .notification(let method, let params):
            if method == Method.exit { return shutdownRequested ? 0 : 1 }
            guard initialized && !shutdownRequested else { return nil }
            notification(method, params)
        case .request(let id, let method, let params):
            do {
                connection.send(Message.response(id: id, result: try request(method, params)))
            } catch {
                connection.send(Message.response(id: id, error: error))
            }
        }
        return nil
    }

    private func request(_ method: String, _ params: JSONNode?) throws(ResponseError) -> JSONValue {
        if method == Method.initialize {
            guard !initialized else {
                throw ResponseError(code: ErrorCode.invalidRequest.rawValue, message: "initialize was already received")
            }
            return initialize(params)
        }
        guard initialized else {
            throw ResponseError(
                code: ErrorCode.serverNotInitialized.rawValue, message: "the server has not been initialized")
        }
        guard !shutdownRequested else {
            throw ResponseError(code: ErrorCode.invalidRequest.rawValue, message: "the server is shutting down")
        }
        switch method {
        case Method.shutdown:
            shutdownRequested = true
            for item in pending.values { item.cancel() }
            pending = [:]
            return .null
        case Method.hover: return try hover(params)
        case Method.codeAction: return try codeActions(params)
        case Method.executeCommand: return try executeCommand(params)
        default:
            throw ResponseError(
                code: ErrorCode.methodNotFound.rawValue, message: "draftcheck does not handle \(method)")
        }
    }

    private func notification(_ method: String, _ params: JSONNode?) {
        switch method {
        case Method.didOpen:
            guard let doc = params?["textDocument"], let uri = doc["uri"]?.stringValue,
                let text = doc["text"]?.stringValue
            else {
                return invalidNotification(method)
            }
            documents[uri] = DocumentSession(uri: uri, version: doc["version"]?.intValue ?? 0, text: text)
            configurations[uri] = nil
            schedule(uri, immediately: true)
        case Method.didChange:
            didChange(params)
        case Method.didSave:
            let name =
                (params?["textDocument"]?["uri"]?.stringValue).flatMap(DocumentSession.fileURL)?.lastPathComponent ?? ""
            if name == ProjectConfiguration.fileName || name.hasSuffix(".json") { reloadAll() }
        case Method.didClose:
            guard let uri = params?["textDocument"]?["uri"]?.stringValue else { return invalidNotification(method) }
            pending.removeValue(forKey: uri)?.cancel()
            documents[uri] = nil
            configurations[uri] = nil
            connection.send(
                Message.notification(
                    method: Method.publishDiagnostics,
                    params: .object([("uri", .string(uri)), ("diagnostics", .array([]))])))
        case Method.didChangeConfiguration:
            settings.changed = EditorSettings.section(params?["settings"])
            reloadAll()
        default:
            break  // initialized, $/cancelRequest, $/setTrace and anything else need nothing.
        }
    }

    private func invalidNotification(_ method: String) {
        showMessage(.error, "draftcheck: ignored a \(method) notification with missing or malformed parameters")
    }

    // MARK: - Lifecycle and configuration

    private func initialize(_ params: JSONNode?) -> JSONValue {
        initialized = true
        let offered =
            params?["capabilities"]?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        encoding = PositionEncoding.negotiate(offered: offered)
        if let root = (params?["rootUri"]?.stringValue).flatMap(DocumentSession.fileURL) {
            settings.base = root
        } else if let path = params?["rootPath"]?.stringValue {
            settings.base = URL(fileURLWithPath: path)
        }
        if let options = params?["initializationOptions"], options.members != nil {
            settings.initial = EditorSettings.section(options)
        }
        let capabilities = JSONValue.object([
            ("positionEncoding", .string(encoding.rawValue)),
            (
                "textDocumentSync",
                .object([
                    ("openClose", .bool(true)), ("change", .int(2)), ("save", .object([("includeText", .bool(false))])),
                ])
            ),
            ("hoverProvider", .bool(true)),
            ("codeActionProvider", .object([("codeActionKinds", .array([.string("source")]))])),
            (
                "executeCommandProvider",
                .object([
                    ("commands", .array([.string(Command.showReport), .string(Command.showRubric)]))
                ])
            ),
        ])
        return .object([
            ("capabilities", capabilities),
            ("serverInfo", .object([("name", .string("draftcheck")), ("version", .string(serverVersion))])),
        ])
    }

    /// Forgets configurations, compiled rubrics and shown problems, and checks every open document again.
    private func reloadAll() {
        configurations = [:]
        assessors = [:]
        reported = []
        for uri in documents.keys {
            documents[uri]?.invalidate()
            schedule(uri, immediately: true)
        }
    }

    private func configuration(_ uri: String) -> ProjectConfiguration {
        if let known = configurations[uri] { return known }
        let (config, problems) = settings.configuration(for: documents[uri]?.fileURL)
        configurations[uri] = config
        let text = problems.map(\.description).joined(separator: "\n")
        if !problems.isEmpty && reported.insert(text).inserted {
            let isError = problems.contains { $0.severity == .error }
            showMessage(isError ? .error : .warning, "draftcheck configuration:\n" + text)
        }
        return config
    }

    /// The assessor for a document, or nil (with the reason shown once) when it has none.
    private func assessor(_ uri: String) -> (Assessor?, noRubric: Bool) {
        guard let id = configuration(uri).rubric else { return (nil, true) }
        if let known = assessors[id] { return (known, false) }
        switch rubrics.rubric(id) {
        case .success(let rubric):
            let made = Assessor(rubric: rubric)
            assessors[id] = made
            return (made, false)
        case .failure(let problem):
            let text = problem.diagnostics.prefix(10).map(\.description).joined(separator: "\n")
            if reported.insert(text).inserted {
                showMessage(.error, "draftcheck: the rubric '\(id)' could not be loaded:\n\(text)")
            }
            return (nil, false)
        }
    }

    // MARK: - Checking

    private func didChange(_ params: JSONNode?) {
        guard let doc = params?["textDocument"], let uri = doc["uri"]?.stringValue,
            let rawChanges = params?["contentChanges"]?.arrayValue
        else { return invalidNotification(Method.didChange) }
        guard documents[uri] != nil else {
            return showMessage(.warning, "draftcheck: received changes for \(uri), which is not open")
        }
        let changes = rawChanges.compactMap(TextChange.init(json:))
        guard changes.count == rawChanges.count else { return invalidNotification(Method.didChange) }
        documents[uri]?.apply(changes, version: doc["version"]?.intValue ?? 0, encoding: encoding)
        schedule(uri, immediately: false)
    }

    /// Checks a document after the configured pause (a burst of edits costs one check).
    private func schedule(_ uri: String, immediately: Bool) {
        pending.removeValue(forKey: uri)?.cancel()
        let delay = immediately ? 0 : configuration(uri).debounceMilliseconds
        let item = DispatchWorkItem { [weak self] in
            guard let self else { return }
            self.pending[uri] = nil
            self.check(uri)
        }
        pending[uri] = item
        queue.asyncAfter(deadline: .now() + .milliseconds(delay), execute: item)
    }

    private func check(_ uri: String) {
        guard !shutdownRequested, var session = documents[uri] else { return }
        let (assessor, noRubric) = assessor(uri)
        var found: [DocumentDiagnostic] = []
        if let assessor {
            found = DocumentDiagnostics.make(session.assess(with: assessor))
            documents[uri] = session
        } else if noRubric {
            found = [DocumentDiagnostics.noRubric(SourceText(bytes: session.text.bytes))]
        }
        let params = session.publishParams(session.diagnostics(found, encoding: encoding))
        connection.send(Message.notification(method: Method.publishDiagnostics, params: params))
    }

    /// The assessment of an open document as it is now, or a response error saying why there is none.
    private func currentAssessment(_ uri: String) throws(ResponseError) -> (DocumentSession, Assessment?) {
        guard var session = documents[uri] else {
            throw ResponseError(code: ErrorCode.invalidParams.rawValue, message: "\(uri) is not open")
        }
        guard let assessor = assessor(uri).0 else { return (session, nil) }
        let a = session.assess(with: assessor)
        documents[uri] = session
        return (session, a)
    }

    // MARK: - Hover, code actions, commands

    private func hover(_ params: JSONNode?) throws(ResponseError) -> JSONValue {
        guard let uri = params?["textDocument"]?["uri"]?.stringValue, let position = Position(json: params?["position"])
        else {
            throw ResponseError(
                code: ErrorCode.invalidParams.rawValue, message: "hover needs textDocument.uri and position")
        }
        let (session, assessment) = try currentAssessment(uri)
        guard let assessment else { return .null }
        let offset = session.text.offset(of: position, encoding: encoding)
        guard let found = DocumentDiagnostics.hover(at: offset, in: assessment) else { return .null }
        return .object([
            ("contents", .object([("kind", .string("markdown")), ("value", .string(found.markdown))])),
            ("range", session.text.range(of: found.range, encoding: encoding).json),
        ])
    }

    private func codeActions(_ params: JSONNode?) throws(ResponseError) -> JSONValue {
        guard let uri = params?["textDocument"]?["uri"]?.stringValue else {
            throw ResponseError(code: ErrorCode.invalidParams.rawValue, message: "codeAction needs textDocument.uri")
        }
        guard documents[uri] != nil else { return .array([]) }
        func action(_ title: String, _ command: String) -> JSONValue {
            .object([
                ("title", .string(title)), ("kind", .string("source")),
                (
                    "command",
                    .object([
                        ("title", .string(title)), ("command", .string(command)), ("arguments", .array([.string(uri)])),
                    ])
                ),
            ])
        }
        return .array([
            action("draftcheck: show the whole report for this document", Command.showReport),
            action("draftcheck: show the rubric", Command.showRubric),
        ])
    }

    private func executeCommand(_ params: JSONNode?) throws(ResponseError) -> JSONValue {
        let command = params?["command"]?.stringValue ?? ""
        guard command == Command.showReport || command == Command.showRubric else {
            throw ResponseError(code: ErrorCode.invalidParams.rawValue, message: "unknown command '\(command)'")
        }
        guard let uri = params?["arguments"]?[0]?.stringValue else {
            throw ResponseError(
                code: ErrorCode.invalidParams.rawValue, message: "\(command) needs the document's URI as its argument")
        }
        let (session, assessment) = try currentAssessment(uri)
        guard let assessment else {
            let message =
                "draftcheck: no rubric could be used for this document; see its diagnostics or the earlier message"
            showMessage(.warning, message)
            throw ResponseError(code: ErrorCode.requestFailed.rawValue, message: message)
        }
        let text: String
        if command == Command.showReport {
            let path = session.fileURL?.lastPathComponent ?? uri
            text = TextReporter(colour: false).render(CheckedDocument(path: path, assessment: assessment))
        } else {
            text = RubricMarkdown.render(assessment.rubric)
        }
        showMessage(.info, text)
        return .string(text)
    }

    private func showMessage(_ type: MessageType, _ message: String) {
        connection.send(
            Message.notification(
                method: Method.showMessage,
                params: .object([("type", .int(type.rawValue)), ("message", .string(message))])))
    }
}
