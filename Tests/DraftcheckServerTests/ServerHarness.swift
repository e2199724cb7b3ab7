import DraftcheckKit
import DraftcheckServer
import Foundation
import JSONRPC
import JSONSupport
import RubricEngine

/// The repository's folders.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let rubrics = root.appendingPathComponent("Rubrics")
    static let samples = root.appendingPathComponent("Samples")

    /// A fresh temporary folder.
    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs a language server in this process over two pipes and plays the client: writes framed
/// messages and collects what the server sends.
final class ServerHarness: @unchecked Sendable {
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private let condition = NSCondition()
    private var received: [JSONNode] = []
    private var exitCode: Int32?
    private var nextID = 1

    init() {
        let connection = Connection(
            input: toServer.fileHandleForReading.fileDescriptor, output: fromServer.fileHandleForWriting.fileDescriptor)
        let server = LanguageServer(
            connection: connection, rubrics: RubricSource(library: RubricLibrary(directory: Repo.rubrics)),
            version: "test")
        Thread.detachNewThread { [self] in
            let code = server.run()
            condition.lock()
            exitCode = code
            condition.broadcast()
            condition.unlock()
        }
        Thread.detachNewThread { [self] in readLoop() }
    }

    deinit {
        try? toServer.fileHandleForWriting.close()
    }

    private func readLoop() {
        var framer = MessageFramer()
        let handle = fromServer.fileHandleForReading
        while true {
            let data = handle.availableData
            if data.isEmpty { return }
            framer.append(data)
            while case .message(let body)? = framer.next() {
                guard let node = try? JSONParser.parse(body) else { continue }
                condition.lock()
                received.append(node)
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// Writes raw bytes to the server.
    func write(_ bytes: [UInt8]) {
        toServer.fileHandleForWriting.write(Data(bytes))
    }

    /// A framed message's bytes.
    static func framed(_ message: JSONValue) -> [UInt8] {
        MessageFramer.frame(Array(message.serialized(pretty: false).utf8))
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: JSONValue = .object([])) {
        write(Self.framed(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])))
    }

    /// Sends a request and returns its id.
    @discardableResult
    func request(_ method: String, _ params: JSONValue = .object([])) -> Int {
        let id = nextID
        nextID += 1
        write(
            Self.framed(
                .object([
                    ("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method)), ("params", params),
                ])))
        return id
    }

    /// The next message from the server that satisfies `match`, skipping (and keeping) the others;
    /// nil when none comes within `seconds` (a bound against hanging, not a speed requirement).
    func next(seconds: Double = 30, where match: (JSONNode) -> Bool) -> JSONNode? {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let i = received.firstIndex(where: match) {
                let node = received[i]
                received.remove(at: i)
                return node
            }
            guard condition.wait(until: deadline) else { return nil }
        }
    }

    /// Every message received and not yet taken.
    func pendingMessages() -> [JSONNode] {
        condition.lock()
        defer { condition.unlock() }
        return received
    }

    /// The response to request `id`.
    func response(_ id: Int) -> JSONNode? {
        next { $0["id"]?.intValue == id && $0["method"] == nil }
    }

    /// The next notification of `method`.
    func notification(_ method: String, where extra: (JSONNode) -> Bool = { _ in true }) -> JSONNode? {
        next { $0["method"]?.stringValue == method && extra($0) }
    }

    /// The next diagnostics published for `uri`.
    func diagnostics(_ uri: String, version: Int? = nil) -> [JSONNode]? {
        notification("textDocument/publishDiagnostics") {
            $0["params"]?["uri"]?.stringValue == uri
                && (version == nil || $0["params"]?["version"]?.intValue == version)
        }?["params"]?["diagnostics"]?.arrayValue
    }

    /// Initializes with the given position encodings offered and initialization options.
    @discardableResult
    func initialize(encodings: [String]? = nil, options: JSONValue? = nil, root: URL? = nil) -> JSONNode? {
        var general: [(String, JSONValue)] = []
        if let encodings { general.append(("positionEncodings", .array(encodings.map(JSONValue.string)))) }
        var params: [(String, JSONValue)] = [
            ("processId", .null), ("capabilities", .object([("general", .object(general))])),
        ]
        if let options { params.append(("initializationOptions", options)) }
        params.append(("rootUri", root.map { .string($0.absoluteString) } ?? .null))
        let id = request("initialize", .object(params))
        let result = response(id)
        notify("initialized")
        return result
    }

    /// Opens a document.
    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify(
            "textDocument/didOpen",
            .object([
                (
                    "textDocument",
                    .object([
                        ("uri", .string(uri)), ("languageId", .string("markdown")), ("version", .int(version)),
                        ("text", .string(text)),
                    ])
                )
            ]))
    }

    /// Sends one didChange with the given (range, text) changes; ranges as (line, character) pairs.
    func change(_ uri: String, version: Int, _ changes: [((Int, Int), (Int, Int), String)]) {
        let events: [JSONValue] = changes.map { c in
            .object([
                (
                    "range",
                    .object([
                        ("start", .object([("line", .int(c.0.0)), ("character", .int(c.0.1))])),
                        ("end", .object([("line", .int(c.1.0)), ("character", .int(c.1.1))])),
                    ])
                ),
                ("text", .string(c.2)),
            ])
        }
        notify(
            "textDocument/didChange",
            .object([
                ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
                ("contentChanges", .array(events)),
            ]))
    }

    /// Shuts down and exits; returns the server's exit code.
    func shutdownAndExit() -> (JSONNode?, Int32?) {
        let id = request("shutdown")
        let answer = response(id)
        notify("exit")
        return (answer, waitForExit())
    }

    /// The exit code once the server stops.
    func waitForExit(seconds: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while exitCode == nil {
            guard condition.wait(until: deadline) else { return nil }
        }
        return exitCode
    }
}

/// Initialization options choosing a rubric and no debounce pause, for tests.
func testOptions(rubric: String = "crm-strategy", debounce: Int = 0) -> JSONValue {
    .object([("rubric", .string(rubric)), ("debounceMilliseconds", .int(debounce))])
}
