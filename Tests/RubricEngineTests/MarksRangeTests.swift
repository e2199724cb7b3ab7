import Foundation
import Testing

@testable import RubricEngine

/// Marks too large for an `Int` once crashed `rubric lint` and `check` (found by reading the decoder, then fuzzing).
@Suite("Marks out of range")
struct MarksRangeTests {
    func rubric(pointMarks: String, topLevelMarks: String) -> String {
        """
        {"schemaVersion": 1, "id": "big", "title": "Big marks", "course": {"name": "C"}, "bands": [{"label": "Pass", "minPercent": 40}],
         "concepts": [{"id": "crm", "label": "CRM", "variants": ["CRM"]}],
         "markingPoints": [{"id": "p", "title": "P", "examiner": "E", "marks": \(pointMarks),
           "levels": [{"label": "K", "marks": 1, "when": "crm", "toReach": "R"},
                      {"label": "A", "marks": \(topLevelMarks), "when": "crm", "toReach": "R"}]}]}
        """
    }

    @Test(
        "marks of 1e19 that add up are an error, not a rubric that crashes when used",
        arguments: ["1e19", "1.7976931348623157e308"])
    func hugeMarksThatAddUp(marks: String) {
        let (loaded, diagnostics) = loadRubric(rubric(pointMarks: marks, topLevelMarks: marks))
        #expect(loaded == nil)
        #expect(diagnostics.contains { $0.rule == "marks-range" && $0.message.contains("marking point 'p'") })
        #expect(diagnostics.contains { $0.rule == "marks-range" && $0.message.contains("level 'A' of 'p'") })
    }

    @Test("marks of 1e19 that do not add up are reported without a trap")
    func hugeMarksThatDoNotAddUp() {
        let (loaded, diagnostics) = loadRubric(rubric(pointMarks: "1e19", topLevelMarks: "2"))
        #expect(loaded == nil)
        #expect(diagnostics.contains { $0.rule == "marks-add-up" && $0.message.contains("worth 1e+19 marks") })
    }

    @Test("marks up to the limit load; just past it they do not")
    func limitIsInclusive() {
        let (atLimit, diagnostics) = loadRubric(rubric(pointMarks: "1000", topLevelMarks: "1000"))
        #expect(atLimit != nil, "\(diagnostics)")
        #expect(atLimit?.markingPoints.first?.marks == 1_000)
        let (past, _) = loadRubric(rubric(pointMarks: "1000.5", topLevelMarks: "1000.5"))
        #expect(past == nil)
    }

    @Test("the bytes entry point reports the same problems under the given name")
    func checkData() throws {
        let loader = try RubricLoader(library: testLibrary)
        let (loaded, diagnostics) = loader.check(
            data: Data(rubric(pointMarks: "1e19", topLevelMarks: "1e19").utf8), file: "in-memory.json")
        #expect(loaded == nil)
        #expect(
            diagnostics.allSatisfy { $0.file == "in-memory.json" } && diagnostics.contains { $0.rule == "marks-range" })
        let (good, clean) = loader.check(
            data: Data(rubric(pointMarks: "4", topLevelMarks: "4").utf8), file: "in-memory.json")
        #expect(good != nil && !clean.contains { $0.severity == .error })
    }
}
