import Foundation
import JSONSupport
import Reporter
import Testing

@testable import RubricEngine

private let rubricsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Rubrics")

private func testRubric() throws -> Rubric {
    let json = """
        {"schemaVersion": 1, "id": "r", "title": "Report test", "course": {"name": "C"},
         "bands": [{"label": "Pass", "minPercent": 40}],
         "concepts": [{"id": "crm", "label": "CRM", "variants": ["CRM"]},
                      {"id": "soft", "label": "software only", "kind": "misconception", "variants": ["just software"]}],
         "misconceptions": [{"id": "m", "text": "CRM is just software.", "correction": "It is a strategy.",
                             "when": {"near": "sentence", "all": ["crm", "soft"]}}],
         "markingPoints": [{"id": "p", "title": "CRM", "examiner": "Define CRM.", "marks": 2,
           "levels": [{"label": "Knowledge", "marks": 1, "when": "crm", "toReach": "Name CRM."},
                      {"label": "Analysis", "marks": 2, "when": {"all": ["crm", {"signal": "quantity"}]}, "toReach": "Add figures."}]}]}
        """
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-test-\(UUID().uuidString).json")
    try json.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    return try RubricLoader(library: RubricLibrary(directory: rubricsDir)).load(url: url)
}

@Suite("JSON contract v1")
struct JSONReportTests {
    @Test("Real output validates against the committed schema")
    func validates() throws {
        let rubric = try testRubric()
        let assessor = Assessor(rubric: rubric)
        let docs = [
            CheckedDocument(path: "a.md", assessment: assessor.assess("😀 Our CRM is just software.\nSales rose 15%.")),
            CheckedDocument(path: "-", assessment: assessor.assess("CRM is not just software.")),
            CheckedDocument(path: "broken.docx", error: "the document has no text"),
        ]
        let text = JSONReporter.render(rubric: rubric, documents: docs)
        let schema = try JSONParser.parse(
            try String(contentsOf: rubricsDir.appendingPathComponent("report.schema.json"), encoding: .utf8))
        let validator = try JSONSchemaValidator(schema: schema)
        let violations = validator.validate(try JSONParser.parse(text))
        #expect(violations.isEmpty, "\(violations)")
        // The schema is not vacuous: a document without its required fields fails.
        let bad = try JSONParser.parse(
            #"{"schemaVersion": 1, "rubric": {"id": "r", "title": "t"}, "documents": [{"path": "x"}]}"#)
        #expect(!validator.validate(bad).isEmpty)
    }

    @Test("Ranges give 1-based lines, UTF-16 columns and UTF-8 offsets of the exact text")
    func ranges() throws {
        let rubric = try testRubric()
        let text = "😀 Our CRM is just software.\nSales rose 15%."
        let doc = CheckedDocument(path: "a.md", assessment: Assessor(rubric: rubric).assess(text))
        let json =
            try JSONSerialization.jsonObject(with: Data(JSONReporter.render(rubric: rubric, documents: [doc]).utf8))
            as! [String: Any]
        let d = (json["documents"] as! [[String: Any]])[0]
        let findings = d["findings"] as! [[String: Any]]
        let crm = try #require(findings.first { $0["text"] as? String == "CRM" })
        let range = crm["range"] as! [String: Any]
        #expect((range["start"] as! [String: Int]) == ["line": 1, "column": 8])
        #expect((range["end"] as! [String: Int]) == ["line": 1, "column": 11])
        #expect(range["offset"] as? Int == 9 && range["length"] as? Int == 3)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[9..<12], as: UTF8.self) == "CRM")
        let quantity = try #require(findings.first { $0["kind"] as? String == "quantity" })
        #expect(quantity["text"] as? String == "15%")
        #expect(((quantity["range"] as! [String: Any])["start"] as! [String: Int]) == ["line": 2, "column": 12])
        let mis = d["misconceptions"] as! [[String: Any]]
        #expect(mis.count == 1 && mis[0]["id"] as? String == "m")
        #expect((d["markingPoints"] as! [[String: Any]])[0]["status"] as? String == "met")
    }

    @Test("A rejected misconception appears only in findings, negated")
    func rejected() throws {
        let rubric = try testRubric()
        let doc = CheckedDocument(path: "-", assessment: Assessor(rubric: rubric).assess("CRM is not just software."))
        let json =
            try JSONSerialization.jsonObject(with: Data(JSONReporter.render(rubric: rubric, documents: [doc]).utf8))
            as! [String: Any]
        let d = (json["documents"] as! [[String: Any]])[0]
        #expect((d["misconceptions"] as! [Any]).isEmpty)
        let m = (d["findings"] as! [[String: Any]]).filter { $0["kind"] as? String == "misconception" }
        #expect(m.count == 1 && m[0]["negated"] as? Bool == true)
    }

    @Test("An unreadable file carries an error and no score")
    func error() throws {
        let rubric = try testRubric()
        let json = JSONReporter.render(rubric: rubric, documents: [CheckedDocument(path: "x.docx", error: "corrupt")])
        #expect(json.contains("\"error\": {\n        \"message\": \"corrupt\""))
        #expect(json.contains("\"band\": null"))
    }
}

@Suite("Terminal text report")
struct TextReportTests {
    @Test("Text report: self-check line, marks, evidence with line, correction; colour only when asked")
    func text() throws {
        let rubric = try testRubric()
        let doc = CheckedDocument(
            path: "a.md", assessment: Assessor(rubric: rubric).assess("Intro line here.\nOur CRM is just software."))
        let plain = TextReporter(colour: false).render(doc)
        #expect(plain.contains("This is a self-check against the rubric, not a grade."))
        #expect(plain.contains("Marks: 1/2 (50%), Pass band"))
        #expect(plain.contains("line 2, CRM: \"Our CRM is just software.\""))
        #expect(plain.contains("Instead: It is a strategy."))
        #expect(plain.contains("(+1) CRM: Add figures."))
        #expect(!plain.contains("\u{1B}["))
        #expect(TextReporter(colour: true).render(doc).contains("\u{1B}["))
    }

    @Test("Word documents are located by paragraph")
    func paragraphs() throws {
        let rubric = try testRubric()
        let text = "First paragraph here.\n\nSecond: our CRM matters."
        let doc = CheckedDocument(
            path: "a.docx", assessment: Assessor(rubric: rubric).assess(text), paragraphStarts: [0, 23])
        #expect(TextReporter(colour: false).render(doc).contains("paragraph 2, CRM"))
    }
}
