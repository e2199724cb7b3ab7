import DraftcheckKit
import Foundation
import JSONSupport
import RubricEngine
import Testing
import TextAnalyser

private let misconception = "CRM is just a software tool that stores customer data."

/// A project folder with an answer file (not written to disk: the server checks the editor's text).
private func answerURI(in folder: URL, _ name: String = "essay.md") -> String {
    folder.appendingPathComponent(name).absoluteString
}

@Suite("The language server over pipes", .serialized)
struct ServerTests {
    @Test("initialize negotiates the position encoding and advertises the capabilities")
    func initialize() throws {
        for (offered, chosen) in [(nil, "utf-16"), (["utf-16"], "utf-16"), (["utf-8", "utf-16"], "utf-8")]
            as [([String]?, String)]
        {
            let client = ServerHarness()
            let result = try #require(client.initialize(encodings: offered)?["result"])
            let caps = try #require(result["capabilities"])
            #expect(caps["positionEncoding"]?.stringValue == chosen)
            #expect(caps["textDocumentSync"]?["change"]?.intValue == 2)
            #expect(caps["hoverProvider"]?.boolValue == true)
            #expect(
                caps["executeCommandProvider"]?["commands"]?.arrayValue?.compactMap(\.stringValue)
                    == ["draftcheck.showReport", "draftcheck.showRubric"])
            #expect(result["serverInfo"]?["name"]?.stringValue == "draftcheck")
            #expect(client.shutdownAndExit().1 == 0)
        }
    }

    @Test("A request before initialize is refused, and the server then initializes normally")
    func beforeInitialize() throws {
        let client = ServerHarness()
        let id = client.request("textDocument/hover", .object([]))
        #expect(client.response(id)?["error"]?["code"]?.intValue == -32002)
        #expect(client.initialize()?["result"] != nil)
        #expect(client.shutdownAndExit().1 == 0)
    }

    @Test("A message split over several writes and two joined in one are all handled")
    func framingOverPipes() throws {
        let client = ServerHarness()
        client.initialize(options: testOptions())
        let folder = try Repo.tempDir()
        let uri = answerURI(in: folder)
        let open = ServerHarness.framed(
            .object([
                ("jsonrpc", .string("2.0")), ("method", .string("textDocument/didOpen")),
                (
                    "params",
                    .object([
                        (
                            "textDocument",
                            .object([
                                ("uri", .string(uri)), ("languageId", .string("markdown")), ("version", .int(1)),
                                ("text", .string(misconception)),
                            ])
                        )
                    ])
                ),
            ]))
        for chunk in stride(from: 0, to: open.count, by: 7) {
            client.write(Array(open[chunk..<min(chunk + 7, open.count)]))
        }
        #expect(client.diagnostics(uri, version: 1) != nil)
        let a = ServerHarness.framed(
            .object([
                ("jsonrpc", .string("2.0")), ("id", .int(100)), ("method", .string("textDocument/codeAction")),
                ("params", .object([("textDocument", .object([("uri", .string(uri))]))])),
            ]))
        let b = ServerHarness.framed(
            .object([("jsonrpc", .string("2.0")), ("id", .int(101)), ("method", .string("no/such"))]))
        client.write(a + b)
        #expect(client.response(100)?["result"]?.arrayValue?.count == 2)
        #expect(client.response(101)?["error"]?["code"]?.intValue == -32601)
        #expect(client.shutdownAndExit().1 == 0)
    }

    @Test("Diagnostics for a sample answer match the check's own findings, with source, code and data")
    func sampleDiagnostics() throws {
        let client = ServerHarness()
        client.initialize(options: testOptions())
        let text = try String(contentsOf: Repo.samples.appendingPathComponent("crm-strategy/pass.md"), encoding: .utf8)
        let uri = answerURI(in: try Repo.tempDir())
        client.open(uri, text)
        let diagnostics = try #require(client.diagnostics(uri, version: 1))

        let rubric = try RubricLoader(library: RubricLibrary(directory: Repo.rubrics)).load(idOrPath: "crm-strategy")
        let expected = DocumentDiagnostics.make(Assessor(rubric: rubric).assess(text))
        #expect(diagnostics.compactMap { $0["code"]?.stringValue } == expected.map(\.code))
        #expect(diagnostics.allSatisfy { $0["source"]?.stringValue == "draftcheck" && $0["data"]?["kind"] != nil })

        // The sample's generic-techniques misconception: a warning on its sentence (line 29, 0-based 28).
        let warning = try #require(diagnostics.first { $0["severity"]?.intValue == 2 })
        #expect(warning["code"]?.stringValue == "generic-cx-techniques")
        #expect(warning["range"]?["start"]?["line"]?.intValue == 28)
        #expect(warning["message"]?.stringValue?.contains("Instead:") == true)
        // Marking points not fully met: information with the next level's marks; the word limit too.
        let points = diagnostics.filter { $0["data"]?["kind"]?.stringValue == "marking-point" }
        #expect(!points.isEmpty && points.allSatisfy { $0["severity"]?.intValue == 3 })
        #expect(points.allSatisfy { $0["message"]?.stringValue?.contains(" marks): ") == true })
        let words = try #require(diagnostics.first { $0["code"]?.stringValue == "word-limit" })
        #expect(words["range"]?["start"]?["line"]?.intValue == 0)
        #expect(client.shutdownAndExit().1 == 0)
    }

    @Test("An edit that asserts a misconception gets a warning on its line; deleting it removes it")
    func editsUpdateDiagnostics() throws {
        let client = ServerHarness()
        client.initialize(options: testOptions(rubric: "customer-relationships"))
        let uri = answerURI(in: try Repo.tempDir())
        client.open(uri, "# Customer relationships 😀\n\nLoyal customers café buy again.\n")
        let before = try #require(client.diagnostics(uri, version: 1))
        #expect(!before.contains { $0["code"]?.stringValue == "crm-just-software" })
        client.change(uri, version: 2, [((3, 0), (3, 0), misconception + "\n")])
        let after = try #require(client.diagnostics(uri, version: 2))
        let warning = try #require(after.first { $0["code"]?.stringValue == "crm-just-software" })
        #expect(warning["range"]?["start"]?["line"]?.intValue == 3)
        #expect(warning["range"]?["start"]?["character"]?.intValue == 0)
        client.change(uri, version: 3, [((3, 0), (4, 0), "")])
        let removed = try #require(client.diagnostics(uri, version: 3))
        #expect(!removed.contains { $0["code"]?.stringValue == "crm-just-software" })
        #expect(client.shutdownAndExit().1 == 0)
    }

    @Test("A burst of edits inside the pause costs one check, of the last version")
    func debounce() throws {
        let client = ServerHarness()
        client.initialize(options: testOptions(debounce: 300))
        let uri = answerURI(in: try Repo.tempDir())
        client.open(uri, "Loyal customers buy again.\n")
        _ = try #require(client.diagnostics(uri, version: 1))
        for v in 2...6 { client.change(uri, version: v, [((0, 0), (0, 0), "x")]) }
        _ = try #require(client.diagnostics(uri, version: 6))
        let earlier = client.pendingMessages().filter { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }
        #expect(earlier.isEmpty)
        #expect(client.shutdownAndExit().1 == 0)
    }

    @Test("Hover on evidence names the marking point and the next level; elsewhere there is no hover")
    func hover() throws {
        let client = ServerHarness()
        client.initialize(encodings: ["utf-16"], options: testOptions())
        let text = try String(contentsOf: Repo.samples.appendingPathComponent("crm-strategy/merit.md"), encoding: .utf8)
        let uri = answerURI(in: try Repo.tempDir())
        client.open(uri, text)
        _ = client.diagnostics(uri, version: 1)
        // Find a piece of evidence with the library, then hover in its middle.
        let rubric = try RubricLoader(library: RubricLibrary(directory: Repo.rubrics)).load(idOrPath: "crm-strategy")
        let assessment = Assessor(rubric: rubric).assess(text)
        let point = try #require(assessment.points.first { !$0.evidence.isEmpty })
        let evidence = point.evidence[0]
        let middle = assessment.analysis.source.position(
            ofOffset: (evidence.range.lowerBound + evidence.range.upperBound) / 2)
        func hover(_ line: Int, _ character: Int) -> JSONNode? {
            let id = client.request(
                "textDocument/hover",
                .object([
                    ("textDocument", .object([("uri", .string(uri))])),
                    ("position", .object([("line", .int(line)), ("character", .int(character))])),
                ]))
            return client.response(id)?["result"]
        }
        let found = try #require(hover(middle.line - 1, middle.column - 1))
        let value = try #require(found["contents"]?["value"]?.stringValue)
        #expect(value.contains(point.point.title))
        #expect(value.contains(point.feedback))
        #expect(found["contents"]?["kind"]?.stringValue == "markdown")
        // Past the end of the text, there is nothing to explain.
        #expect(hover(100_000, 0)?.isNull == true)
        #expect(client.shutdownAndExit().1 == 0)
    }

    @Test("Code actions offer the report and the rubric; executing them returns and shows the text")
    func commands() throws {
        let client = ServerHarness()
        client.initialize(options: testOptions())
        let uri = answerURI(in: try Repo.tempDir())
        client.open(uri, misconception)
        _ = client.diagnostics(uri, version: 1)
        let id = client.request(
            "textDocument/codeAction", .object([("textDocument", .object([("uri", .string(uri))]))]))
        let actions = try #require(client.response(id)?["result"]?.arrayValue)
        let commands = actions.compactMap { $0["command"]?["command"]?.stringValue }
        #expect(commands == ["draftcheck.showReport", "draftcheck.showRubric"])
        let report = client.request(
            "workspace/executeCommand",
            .object([
                ("command", .string("draftcheck.showReport")), ("arguments", .array([.string(uri)])),
            ]))
        let text = try #require(client.response(report)?["result"]?.stringValue)
        #expect(text.contains("This is a self-check against the rubric, not a grade."))
        #expect(client.notification("window/showMessage")?["params"]?["message"]?.stringValue == text)
        let rubric = client.request(
            "workspace/executeCommand",
            .object([
                ("command", .string("draftcheck.showRubric")), ("arguments", .array([.string(uri)])),
            ]))
        #expect(client.response(rubric)?["result"]?.stringValue?.isEmpty == false)
        #expect(client.shutdownAndExit().1 == 0)
    }

    @Test("Malformed messages get error responses and the server keeps running")
    func malformed() throws {
        let client = ServerHarness()
        client.initialize(options: testOptions())
        let garbage = Array("{not json".utf8)
        client.write(Array("Content-Length: \(garbage.count)\r\n\r\n".utf8) + garbage)
        let parseError = try #require(client.next { $0["error"] != nil })
        #expect(parseError["error"]?["code"]?.intValue == -32700)
        #expect(parseError["id"]?.isNull == true)
        client.write(ServerHarness.framed(.object([("jsonrpc", .string("2.0")), ("id", .int(77))])))
        #expect(client.response(77)?["error"]?["code"]?.intValue == -32600)
        client.write(Array("X-Nothing: 1\r\n\r\n".utf8))
        #expect(client.notification("window/showMessage")?["params"]?["type"]?.intValue == 1)
        let id = client.request("textDocument/hover", .object([("textDocument", .object([]))]))
        #expect(client.response(id)?["error"]?["code"]?.intValue == -32602)
        #expect(client.shutdownAndExit().1 == 0)
    }

    @Test("A rubric that fails to load is shown once with its position; the server keeps answering")
    func brokenRubric() throws {
        let folder = try Repo.tempDir()
        let broken = folder.appendingPathComponent("broken.json")
        try "{\n  \"schemaVersion\": 1,\n  \"id\": \n}".write(to: broken, atomically: true, encoding: .utf8)
        let client = ServerHarness()
        client.initialize(options: testOptions(rubric: broken.path))
        let uri = answerURI(in: folder)
        client.open(uri, misconception)
        let message = try #require(client.notification("window/showMessage"))
        #expect(message["params"]?["type"]?.intValue == 1)
        #expect(message["params"]?["message"]?.stringValue?.contains("broken.json:4:1") == true)
        #expect(client.diagnostics(uri, version: 1)?.isEmpty == true)
        client.change(uri, version: 2, [((0, 0), (0, 0), "More. ")])
        #expect(client.diagnostics(uri, version: 2)?.isEmpty == true)
        let id = client.request(
            "textDocument/codeAction", .object([("textDocument", .object([("uri", .string(uri))]))]))
        #expect(client.response(id)?["result"] != nil)
        #expect(!client.pendingMessages().contains { $0["method"]?.stringValue == "window/showMessage" })
        #expect(client.shutdownAndExit().1 == 0)
    }

    @Test("With no rubric anywhere, one information diagnostic says how to set one; .draftcheck.json then applies")
    func noRubricThenConfigured() throws {
        let folder = try Repo.tempDir()
        let client = ServerHarness()
        client.initialize()
        let uri = answerURI(in: folder)
        client.open(uri, misconception)
        let none = try #require(client.diagnostics(uri, version: 1))
        #expect(none.count == 1)
        #expect(none.first?["code"]?.stringValue == "no-rubric" && none.first?["severity"]?.intValue == 3)
        #expect(none.first?["message"]?.stringValue?.contains(".draftcheck.json") == true)
        #expect(!client.pendingMessages().contains { $0["method"]?.stringValue == "window/showMessage" })
        let config = folder.appendingPathComponent(".draftcheck.json")
        try #"{"version": 1, "rubric": "customer-relationships", "debounceMilliseconds": 0}"#.write(
            to: config, atomically: true, encoding: .utf8)
        client.notify(
            "textDocument/didSave", .object([("textDocument", .object([("uri", .string(config.absoluteString))]))]))
        let checked = try #require(client.diagnostics(uri, version: 1))
        #expect(checked.contains { $0["code"]?.stringValue == "crm-just-software" })
        // Editor settings override the file: an unknown id is shown as an error message.
        client.notify(
            "workspace/didChangeConfiguration",
            .object([("settings", .object([("draftcheck", .object([("rubric", .string("no-such-rubric"))]))]))]))
        let message = try #require(client.notification("window/showMessage"))
        #expect(message["params"]?["message"]?.stringValue?.contains("no-such-rubric") == true)
        #expect(client.shutdownAndExit().1 == 0)
    }

    @Test("After shutdown requests are refused; exit ends with 0, or 1 without shutdown")
    func shutdown() throws {
        let client = ServerHarness()
        client.initialize()
        let answer = client.response(client.request("shutdown"))
        #expect(answer?["result"]?.isNull == true)
        let late = client.request("textDocument/hover", .object([]))
        #expect(client.response(late)?["error"]?["code"]?.intValue == -32600)
        client.notify("exit")
        #expect(client.waitForExit() == 0)

        let abrupt = ServerHarness()
        abrupt.initialize()
        abrupt.notify("exit")
        #expect(abrupt.waitForExit() == 1)
    }
}
