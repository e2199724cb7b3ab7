import Reporter
import Testing

@testable import RubricEngine

@Suite("Comparing two drafts")
struct DraftComparisonTests {
    private func compare(_ old: String, _ new: String) throws -> DraftComparison {
        let assessor = Assessor(rubric: try htmlTestRubric())
        return DraftComparison(old: assessor.assess(old), new: assessor.assess(new))
    }

    @Test("Adding a figure raises the point and lists the figure as gained evidence; removing it is a loss")
    func evidenceGainedAndLost() throws {
        let better = try compare(
            "Our CRM records every sale.", "Our CRM records every sale and lifted repeat sales by 15%.")
        let crm = try #require(better.points.first { $0.id == "p" })
        #expect(crm.before == 1 && crm.after == 2 && crm.change == 1)
        #expect(crm.levelBefore == "Knowledge" && crm.levelAfter == "Analysis")
        #expect(crm.gained.map(\.kind) == ["quantity"] && crm.gained.first?.text == "15%")
        #expect(crm.lost.isEmpty)
        #expect(better.change == 1)

        let worse = try compare(
            "Our CRM records every sale and lifted repeat sales by 15%.", "Our CRM records every sale.")
        let crm2 = try #require(worse.points.first { $0.id == "p" })
        #expect(crm2.change == -1 && crm2.gained.isEmpty && crm2.lost.map(\.text) == ["15%"])
    }

    @Test("Rewording a sentence that credits the same concepts is neither a gain nor a loss")
    func rewordingIsNoChange() throws {
        let c = try compare("Our CRM records every sale.", "Every sale is recorded in the CRM.")
        for p in c.points { #expect(p.gained.isEmpty && p.lost.isEmpty && p.change == 0, "\(p.id)") }
    }

    @Test("A misconception dropped or rejected is fixed; one added is introduced; one kept remains")
    func misconceptions() throws {
        let fixed = try compare("Our CRM is just software.", "CRM is not just software; it is a strategy.")
        #expect(fixed.fixed.map(\.misconception.id) == ["m"] && fixed.introduced.isEmpty && fixed.remaining.isEmpty)
        let introduced = try compare("CRM is a strategy.", "Our CRM is just software.")
        #expect(introduced.introduced.map(\.misconception.id) == ["m"] && introduced.fixed.isEmpty)
        #expect(introduced.introduced.first?.text == "Our CRM is just software.")
        let kept = try compare("Our CRM is just software.", "Honestly, our CRM is just software.")
        #expect(kept.remaining.map(\.misconception.id) == ["m"] && kept.fixed.isEmpty && kept.introduced.isEmpty)
    }

    @Test("Word count change and the next steps come from the new draft")
    func wordsAndNextSteps() throws {
        let c = try compare("CRM helps.", "Our CRM helps staff keep loyalty high.")
        #expect(c.old.analysis.wordCount == 2 && c.new.analysis.wordCount == 7 && c.wordChange == 5)
        #expect(c.nextSteps.map(\.pointID) == c.new.nextSteps.map(\.pointID))
        #expect(!c.nextSteps.isEmpty)
    }

    @Test("The text, JSON and HTML reports carry the same figures")
    func reports() throws {
        let c = try compare(
            "Our CRM records every sale.", "Our CRM lifted repeat sales by 15%. Our CRM is just software.")
        let text = ComparisonReporter.text(c, oldPath: "v1.md", newPath: "v2.md")
        #expect(text.contains("Marks: 1/4 (25%) → 2/4 (50%) (+1)"))
        #expect(text.contains("▲ CRM: 1 → 2 of 2 (Knowledge → Analysis)"))
        #expect(text.contains("      + quantified evidence: \"Our CRM lifted repeat sales by 15%.\""))
        #expect(text.contains("new: \"Our CRM is just software.\""))
        let json = ComparisonReporter.json(c, oldPath: "v1.md", newPath: "v2.md").serialized()
        #expect(json.contains("\"before\": 1") && json.contains("\"after\": 2"))
        #expect(json.contains("\"introduced\": [\n"))
        let html = ComparisonReporter.html(c, oldPath: "<v1>.md", newPath: "v2.md")
        #expect(html.contains("&lt;v1&gt;.md") && !html.contains("<v1>"))
        #expect(html.contains("<td class=\"n up\">▲ +1</td>"))
    }
}
