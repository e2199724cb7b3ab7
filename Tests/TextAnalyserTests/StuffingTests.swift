import Testing

@testable import TextAnalyser

/// Stuffing that means stuffing, and genuine writing that only looks like it to a term counter.
@Suite("Keyword stuffing")
struct StuffingSignalTests {
    private func signals(_ text: String) -> [Finding.Stuffing] {
        analyser.analyse(text).findings.compactMap {
            if case .stuffing(let s) = $0.kind { return s } else { return nil }
        }
    }

    @Test("Buzzword runs are flagged")
    func buzzwordRun() {
        #expect(
            signals("CRM, segmentation, personalisation, omnichannel, after-sales, customer lifetime value.").contains(
                .buzzwordList))
        #expect(
            signals("CRM segmentation personalisation omni-channel loyalty programme contact centre.").contains(
                .buzzwordList))
    }

    @Test("A well-formed sentence naming several things is not stuffing")
    func wellFormed() {
        let text =
            "The plan links CRM to segmentation, personalisation and the loyalty programme, which the contact centre runs."
        #expect(!signals(text).contains(.buzzwordList), "\(signals(text))")
        let stages =
            "The sales process has stages in which CRM, segmentation, personalisation and after-sales service each play a part."
        #expect(!signals(stages).contains(.buzzwordList))
    }

    @Test("Pasted repeats are flagged")
    func repeats() {
        let s = "CRM helps the firm keep its customers loyal."
        #expect(signals("\(s) \(s)").contains(.repeatedSentence))
    }

    @Test("A term named only in a heading is not listed-only; one in a bare list is")
    func listedOnly() {
        #expect(signals("# Segmentation\n\nWe divided buyers into groups by how often they visit.").isEmpty)
        #expect(
            signals("Key terms:\n\n- Segmentation\n- Personalisation\n- Omni-channel\n\nWe sell shoes.").contains(
                .listedOnly))
        // One bulleted phrase among sentences that use their terms is an ordinary list, not stuffing.
        #expect(signals("Challenges:\n\n- The cost of segmentation\n\nWe use CRM to personalise offers.").isEmpty)
    }

    @Test("Short unpunctuated lines in plain text are a list")
    func plainTextList() {
        let a = analyser.analyse("Key ideas:\nSegmentation\nPersonalisation\nOmni-channel service\nAfter-sales care")
        #expect(a.blocks.filter { $0.kind == .listItem }.count == 4, "\(a.blocks.map(\.kind))")
        #expect(a.sentences.count == 5)
        let prose = analyser.analyse("We met the client on Monday and agreed\na renewal that runs until next spring.")
        #expect(prose.blocks.map(\.kind) == [.paragraph])
    }

    @Test("Reference entries are not buzzword lists")
    func references() {
        let text =
            "Loyalty matters.\n\n## References\n\nPayne, A. (2005) CRM, segmentation, personalisation and omni-channel loyalty programme design. London: Pearson."
        #expect(signals(text).isEmpty, "\(signals(text))")
    }

    @Test("A sentence whose only terms are the generic words of a misconception is not a buzzword list")
    func misconceptionWords() {
        let lexicon = Lexicon(terms: [
            TermDefinition(
                id: "problem-only", label: "Complaints as problems", kind: .misconception,
                variants: ["problem", "issue", "nuisance", "hassle"])
        ])
        let a = Analyser(lexicon: lexicon).analyse("Problem, issue, nuisance, hassle.")
        #expect(!a.findings.contains { $0.kind == .stuffing(.buzzwordList) })
    }
}
