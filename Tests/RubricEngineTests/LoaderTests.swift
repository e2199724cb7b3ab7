import Foundation
import Testing

@testable import RubricEngine

@Suite("Rubric loading reports every problem with its position")
struct LoaderTests {
    @Test("A valid rubric loads and compiles its concepts")
    func loads() throws {
        let (rubric, diags) = loadRubric(engineRubricJSON)
        #expect(diags.filter { $0.severity == .error }.isEmpty, "\(diags)")
        let r = try #require(rubric)
        #expect(r.totalMarks == 10)
        #expect(r.markingPoints.map(\.id) == ["stp", "crm-point"])
        #expect(r.lexicon.index(of: "positioning") != nil)
    }

    @Test("An unknown key is named, with did-you-mean, at its line and column")
    func unknownKey() {
        let json = engineRubricJSON.replacingOccurrences(
            of: "\"examiner\": \"Define CRM.\"", with: "\"examiner\": \"Define CRM.\", \"weigth\": 2")
        let (_, diags) = loadRubric(json)
        let d = diags.first { $0.message.contains("weigth") }
        #expect(d != nil, "\(diags)")
        #expect(d?.location?.line == 25)
        #expect(d?.description.contains(":25:") == true)
    }

    @Test("An unknown concept reference is reported with a suggestion")
    func unknownConcept() {
        let json = engineRubricJSON.replacingOccurrences(of: "\"when\": \"crm\"", with: "\"when\": \"crn\"")
        let (_, diags) = loadRubric(json)
        let d = diags.first { $0.rule == "unknown-concept" }
        #expect(d?.message.contains("did you mean 'crm'") == true, "\(diags)")
        #expect(d?.location?.line == 27)
    }

    @Test("Levels out of order and marks that do not add up are errors")
    func levelOrder() {
        let json = engineRubricJSON.replacingOccurrences(
            of: "\"label\": \"Application\", \"marks\": 4", with: "\"label\": \"Application\", \"marks\": 1"
        )
        .replacingOccurrences(of: "\"marks\": 4,\n     \"levels\"", with: "\"marks\": 5,\n     \"levels\"")
        let (_, diags) = loadRubric(json)
        #expect(diags.contains { $0.rule == "level-order" })
        #expect(diags.contains { $0.rule == "marks-add-up" })
    }

    @Test("A duplicate concept id and an unknown lexicon are reported")
    func duplicates() {
        let json =
            engineRubricJSON
            .replacingOccurrences(of: "{\"id\": \"positioning\"", with: "{\"id\": \"targeting\"")
            .replacingOccurrences(
                of: "\"concepts\": [", with: "\"lexicons\": [\"no-such-lexicon\"],\n  \"concepts\": [")
        let (_, diags) = loadRubric(json)
        #expect(diags.contains { $0.rule == "duplicate-concept" })
        #expect(diags.contains { $0.rule == "unknown-lexicon" && $0.message.contains("known lexicons") })
    }

    @Test("Malformed JSON is reported at the exact place")
    func malformed() {
        let (_, diags) = loadRubric("{\n  \"id\": \"x\",\n}")
        #expect(diags.first?.location?.line == 2, "reported at the trailing comma")
        #expect(diags.first?.rule == "json")
    }

    @Test("A level that only asks for an absence can never be reached")
    func unreachable() {
        let json = engineRubricJSON.replacingOccurrences(of: "\"when\": \"crm\"", with: "\"when\": {\"not\": \"crm\"}")
        let (_, diags) = loadRubric(json)
        #expect(diags.contains { $0.rule == "unreachable" })
    }
}
