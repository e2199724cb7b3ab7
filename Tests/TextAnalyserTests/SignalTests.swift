import Testing

@testable import TextAnalyser

@Suite("Examples, sources, discourse markers and structure")
struct SignalTests {
    @Test(
        "Example markers and workplace references",
        arguments: [
            ("For example, loyal buyers spend more.", "For example"),
            ("Channels such as email help.", "such as"),
            ("Retailers, e.g. supermarkets, collect data.", "e.g."),
            ("In my workplace we log every complaint.", "In my workplace"),
        ])
    func markers(text: String, expected: String) {
        #expect(analyser.analyse(text).texts(.example).contains(expected), "\(text)")
    }

    @Test(
        "Organisations recognised from their form",
        arguments: [
            ("The approach at McDonald's is consistent.", "McDonald's"),
            ("Shoppers trust Sainsbury's own brand.", "Sainsbury's"),
            ("I work for Harlow Print Ltd as an account manager.", "Harlow Print Ltd"),
            ("Greenway Ltd uses CRM to track orders.", "Greenway Ltd"),
        ])
    func organisations(text: String, expected: String) {
        #expect(analyser.analyse(text).texts(.example).contains(expected), "\(text)")
    }

    @Test("A theorist's possessive is not an organisation")
    func theorist() {
        #expect(analyser.analyse("We applied Herzberg's two-factor theory.").texts(.example).isEmpty)
    }

    @Test("Lexicon organisations are term findings")
    func lexiconOrganisation() {
        #expect(analyser.analyse("Tesco uses Clubcard data.").texts(of: "tesco") == ["Tesco"])
    }

    @Test(
        "Citations in both styles",
        arguments: [
            ("Loyalty drives profit (Reichheld, 1996).", "(Reichheld, 1996)"),
            ("Loyalty drives profit (Payne and Frow, 2005, p. 12).", "(Payne and Frow, 2005, p. 12)"),
            ("Loyalty drives profit (Kumar et al., 2019).", "(Kumar et al., 2019)"),
            ("Payne (2005) describes five processes.", "Payne (2005)"),
            ("Kumar et al. (2019) found the same.", "Kumar et al. (2019)"),
        ])
    func citations(text: String, expected: String) {
        #expect(analyser.analyse(text).texts(.citation) == [expected], "\(text)")
    }

    @Test("A bracketed aside is not a citation")
    func notCitation() {
        #expect(analyser.analyse("We grew (slowly) in 2019.").texts(.citation).isEmpty)
    }

    @Test("Legislation from its form and from the lexicon")
    func legislation() {
        let a = analyser.analyse("The Data Protection Act 2018 and the Consumer Rights Act 2015 both apply.")
        #expect(a.texts(.legislation) == ["Data Protection Act 2018"])
        #expect(a.texts(of: "cra") == ["Consumer Rights Act 2015"])
    }

    @Test("Discourse markers by kind")
    func discourse() {
        let a = analyser.analyse(
            "Retention rose because staff followed up. However, costs grew. On balance the scheme worked. I recommend extending it."
        )
        #expect(a.texts(.explanation) == ["because"])
        #expect(a.texts(.balance) == ["However"])
        #expect(a.texts(.judgement).contains("On balance"))
        #expect(a.texts(.recommendation) == ["I recommend"])
        #expect(
            analyser.analyse("As a result, the client renewed the contract.").texts(.explanation) == ["As a result"])
    }

    @Test("Markdown structure: headings, list items, paragraphs, implicit titles")
    func structure() {
        let a = analyser.analyse(
            "# Task 1\n\nIntro paragraph that runs\nover two lines.\n\n- first point here\n- second point\n\nConclusion\n\nFinal words here."
        )
        let kinds = a.blocks.map(\.kind)
        #expect(kinds == [.heading(level: 1), .paragraph, .listItem, .listItem, .heading(level: 0), .paragraph])
        #expect(a.source.text(a.blocks[1].range) == "Intro paragraph that runs\nover two lines.")
        #expect(a.blocks[2].heading == 0)
    }

    @Test("Sentences are not split at abbreviations, initials or decimals")
    func sentences() {
        let a = analyser.analyse(
            "Brands, e.g. Tesco, grew 2.5 times. P. Kotler agrees, i.e. it works. Next sentence here.")
        #expect(a.sentences.count == 3)
    }

    @Test(
        "Punctuation after a sentence end never crashes the splitter",
        arguments: [
            "Is it good? | Yes it is.", "It is good. - Yes it is.", "It is good. [1] Yes it is.",
            "Price? £5. € 4. Done.",
        ])
    func punctuationAfterStop(text: String) {
        #expect(!analyser.analyse(text).sentences.isEmpty)
    }

    @Test("Word count excludes the reference list")
    func wordCount() {
        let a = analyser.analyse("One two three four five.\n\n## References\n\nKotler, P. (2016) Marketing.")
        #expect(a.wordCount == 5)
    }
}

@Suite("Keyword stuffing signals")
struct StuffingTests {
    @Test("A concept only in a heading or bare list is weak and flagged")
    func listedOnly() {
        let a = analyser.analyse(
            "## Segmentation\n\n- CRM\n- segmentation\n- personalisation\n\nWe sell good products to happy people every day."
        )
        let seg = a.findingsByTerm[testLexicon.index(of: "segmentation")!].map { a.findings[$0] }
        #expect(!seg.isEmpty && seg.allSatisfy(\.weak))
        #expect(a.findings.filter { $0.kind == .stuffing(.listedOnly) }.count == 3)
    }

    @Test("A concept used in running text is not flagged")
    func usedInText() {
        let a = analyser.analyse("- segmentation\n\nWe used segmentation to target young families in Leeds.")
        #expect(a.findings.filter { $0.kind == .stuffing(.listedOnly) }.isEmpty)
    }

    @Test("A repeated sentence is flagged and its copy earns nothing")
    func repeated() {
        let s = "We used segmentation to target young families."
        let a = analyser.analyse("\(s) \(s)\n\n\(s.uppercased())")
        #expect(a.findings.filter { $0.kind == .stuffing(.repeatedSentence) }.count == 2)
        let seg = a.findingsByTerm[testLexicon.index(of: "segmentation")!].map { a.findings[$0] }
        #expect(seg.map(\.weak) == [false, true, true])
    }

    @Test("Overlapping terms are counted once: a normal sentence is not a buzzword list")
    func overlapping() {
        let a = analyser.analyse(
            "For example, the customer relationship management tool stores purchase history, so segmentation is easier."
        )
        #expect(!a.findings.contains { $0.kind == .stuffing(.buzzwordList) })
    }

    @Test("A buzzword list sentence is flagged")
    func buzzwords() {
        let a = analyser.analyse(
            "CRM, segmentation, personalisation, omnichannel, customer lifetime value and after-sales.")
        #expect(a.findings.contains { $0.kind == .stuffing(.buzzwordList) })
    }
}
