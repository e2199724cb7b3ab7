import Testing

@testable import TextAnalyser

@Suite("Acronyms listed as variants have no word family")
struct AcronymFamilyTests {
    private let analyser = Analyser(
        lexicon: Lexicon(terms: [
            TermDefinition(id: "secondary-research", label: "Secondary research", variants: ["desk research", "ONS"]),
            TermDefinition(id: "kpi", label: "KPIs", variants: ["KPIs", "key performance indicator"]),
        ]))

    private func found(_ text: String, _ id: String) -> [String] {
        let a = analyser.analyse(text)
        guard let t = analyser.lexicon.index(of: id) else { return [] }
        return a.findingsByTerm[t].map { a.text(of: a.findings[$0]) }
    }

    @Test("'ONS' matches the acronym, not the word 'on'")
    func onsIsNotOn() {
        #expect(found("We relied on the ONS for population figures.", "secondary-research") == ["ONS"])
        #expect(found("Based on the survey, we acted on the results.", "secondary-research").isEmpty)
    }

    @Test("An acronym's own plural and the spelled-out phrase's family still match")
    func acronymsAndPhrases() {
        #expect(found("Each team has KPIs for retention.", "kpi") == ["KPIs"])
        #expect(found("We track three key performance indicators.", "kpi") == ["key performance indicators"])
    }
}
