import DraftcheckKit
import Foundation
import RubricEngine
import Testing

private func decode(_ json: String, at folder: String = "/projects/essay") -> (ProjectConfiguration, [Diagnostic]) {
    ProjectConfiguration.decode(Array(json.utf8), file: URL(fileURLWithPath: folder + "/.draftcheck.json"))
}

@Suite("Project configuration (.draftcheck.json)")
struct ProjectConfigurationTests {
    @Test("Missing fields take their defaults")
    func defaults() {
        let (config, problems) = decode(#"{"version": 1}"#)
        #expect(problems.isEmpty)
        #expect(config == ProjectConfiguration())
        #expect(config.rubric == nil && config.format == "text")
    }

    @Test("A rubric id stays an id; a relative rubric path is resolved against the file's folder")
    func rubricResolution() {
        #expect(decode(#"{"rubric": "crm-strategy"}"#).0.rubric == "crm-strategy")
        #expect(decode(#"{"rubric": "rubrics/mine.json"}"#).0.rubric == "/projects/essay/rubrics/mine.json")
        #expect(decode(#"{"rubric": "../shared/mine.json"}"#).0.rubric == "/projects/shared/mine.json")
        #expect(decode(#"{"rubric": "/abs/mine.json"}"#).0.rubric == "/abs/mine.json")
    }

    @Test("Unknown keys are reported by name with their position and a suggestion, as warnings")
    func unknownKeys() {
        let (config, problems) = decode("{\n  \"rubrik\": \"crm-strategy\"\n}")
        #expect(config.rubric == nil)
        #expect(problems.count == 1)
        #expect(problems[0].severity == .warning)
        #expect(
            problems[0].description.contains(
                ".draftcheck.json:2:3: warning: unknown key 'rubrik'; did you mean 'rubric'?"))
    }

    @Test("Wrong versions, types and values are errors naming the field; good fields still apply")
    func wrongValues() {
        let (config, problems) = decode(
            #"{"version": 2, "format": "xml", "rubric": "crm-strategy", "debounceMilliseconds": -1}"#)
        #expect(config.rubric == "crm-strategy")
        #expect(config.format == "text")
        let messages = problems.map(\.message)
        #expect(messages.count == 3)
        #expect(messages[0].contains("unsupported version"))
        #expect(messages[1].contains("'format' must be one of text, json, html, line"))
        #expect(messages[2].contains("'debounceMilliseconds'"))
        #expect(problems.allSatisfy { $0.severity == .error })
    }

    @Test("Malformed JSON is an error with its position; a non-object is named")
    func malformed() {
        let (_, problems) = decode("{\"rubric\": }")
        #expect(problems.count == 1 && problems[0].location?.line == 1 && problems[0].rule == "json")
        #expect(decode("[1]").1.first?.message.contains("must be a JSON object") == true)
    }

    @Test("The nearest file is found by walking up from the document's folder, and none above is none")
    func walkUp() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(ProjectConfiguration.nearestFile(from: deep) == nil)
        try #"{"rubric": "sales-relationships"}"#.write(
            to: root.appendingPathComponent("a/.draftcheck.json"), atomically: true, encoding: .utf8)
        let (config, file, problems) = ProjectConfiguration.forDocument(at: deep.appendingPathComponent("essay.md"))
        #expect(problems.isEmpty)
        #expect(config.rubric == "sales-relationships")
        #expect(
            file?.standardizedFileURL.path == root.appendingPathComponent("a/.draftcheck.json").standardizedFileURL.path
        )
    }
}
