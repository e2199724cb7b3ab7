import Testing
import TextAnalyser

@testable import RubricEngine

/// "must be" is an obligation unless the Kano model is being discussed.
@Suite("Kano must-be attributes need the Kano model as context")
struct KanoContextTests {
    private static let rubric: Rubric? = loadRubric(
        """
        {
          "schemaVersion": 1, "id": "kano-test", "title": "Kano test", "course": {"name": "Test course"},
          "lexicons": ["sales"],
          "bands": [{"label": "Pass", "minPercent": 40}],
          "markingPoints": [
            {"id": "kano", "title": "Kano", "examiner": "Apply Kano.", "marks": 2,
             "levels": [{"label": "Knowledge", "marks": 2, "when": "kano-basic", "toReach": "Name basic attributes."}]}
          ]
        }
        """
    ).0

    private func mustBe(_ text: String) -> [String] {
        guard let rubric = Self.rubric, let t = rubric.lexicon.index(of: "kano-basic") else { return ["no rubric"] }
        let a = Analyser(lexicon: rubric.lexicon).analyse(text)
        return a.findingsByTerm[t].map { a.text(of: a.findings[$0]) }
    }

    @Test("An obligation is not the must-be attribute")
    func obligation() {
        #expect(mustBe("Under the law goods must be of satisfactory quality.").isEmpty)
    }

    @Test("In a Kano discussion it is")
    func kano() {
        #expect(mustBe("The Kano model separates must-be attributes from delighters.") == ["must-be attributes"])
    }
}
