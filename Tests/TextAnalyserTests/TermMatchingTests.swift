import Testing

@testable import TextAnalyser

@Suite("Term matching tolerates spelling and form")
struct TermMatchingTests {
    @Test(
        "British and American spellings match the same term",
        arguments: [
            ("We personalize every email.", "personalisation"),
            ("Personalisation matters.", "personalisation"),
            ("Their buying behavior changed.", "behaviour"),
            ("The loyalty program grew.", "programme"),
            ("The loyalty programmes grew.", "programme"),
            ("We analyze the data.", "analyse"),
            ("Our contact center is busy.", "centre"),
            ("The segmentations were wrong.", "segmentation"),
        ])
    func spellingVariants(text: String, term: String) {
        #expect(analyser.analyse(text).texts(of: term).count == 1, "\(text)")
    }

    @Test(
        "Plurals, possessives and curly apostrophes",
        arguments: [
            "Maslow's hierarchy of needs explains it.",
            "Maslow’s hierarchy of needs explains it.",
            "Maslow's hierarchies of needs explain it.",
        ])
    func possessives(text: String) {
        let found = analyser.analyse(text).texts(of: "maslow")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("Maslow") == true && found.first?.hasSuffix("of needs") == true)
    }

    @Test(
        "Hyphen, space and joined forms all match",
        arguments: [
            "Good after-sales service keeps customers.",
            "Good after sales service keeps customers.",
            "Good aftersales service keeps customers.",
            "An omnichannel approach works.",
            "An omni-channel approach works.",
            "An omni channel approach works.",
        ])
    func hyphenation(text: String) {
        let a = analyser.analyse(text)
        #expect(a.texts(of: "after-sales").count + a.texts(of: "omnichannel").count == 1, "\(text)")
    }

    @Test("A phrase broken across lines and by a non-breaking space still matches")
    func brokenPhrase() {
        let a = analyser.analyse(
            "We use customer\nlifetime value to rank accounts. Customer\u{00A0}relationship management helps.")
        #expect(a.texts(of: "clv") == ["customer\nlifetime value"])
        #expect(a.texts(of: "crm") == ["Customer\u{00A0}relationship management"])
    }

    @Test("A phrase does not match across a paragraph break")
    func paragraphBreak() {
        let a = analyser.analyse("We track customer\n\nlifetime goals.")
        #expect(a.texts(of: "clv").isEmpty)
    }

    @Test("An acronym defined in the text links to its concept")
    func acronymDefinition() {
        let a = analyser.analyse("We measure customer lifetime value (CLV) each quarter. CLV rose for loyal buyers.")
        #expect(a.texts(of: "clv") == ["customer lifetime value", "CLV", "CLV"])
        let b = analyser.analyse("CLV rose for loyal buyers.")
        #expect(b.texts(of: "clv").isEmpty, "an undefined acronym is not assumed")
        let c = analyser.analyse("Our CLV (customer lifetime value) grew, and CLV matters.")
        #expect(c.texts(of: "clv").count == 3)
    }

    @Test("Exact-case acronyms match only in capitals")
    func exactCase() {
        #expect(analyser.analyse("The ASA rules on adverts.").texts(of: "asa") == ["ASA"])
        #expect(analyser.analyse("Asa is my colleague's name; asa is not a word.").texts(of: "asa").isEmpty)
    }

    @Test("Ambiguous marketing-mix words count only in a marketing-mix context")
    func ambiguousWords() {
        let out = analyser.analyse("The store is a nice place for people to visit. The price was fair.")
        #expect(out.texts(of: "place").isEmpty && out.texts(of: "people").isEmpty && out.texts(of: "price").isEmpty)
        let mix = analyser.analyse("Within the marketing mix, place means the channels we sell through.")
        #expect(mix.texts(of: "place") == ["place"])
        let list = analyser.analyse("We reviewed product, price, place and promotion for the launch.")
        #expect(list.texts(of: "price") == ["price"] && list.texts(of: "place") == ["place"])
        let heading = analyser.analyse("## The 7Ps\n\nPeople are trained to greet every visitor.")
        #expect(heading.texts(of: "people") == ["People"])
    }

    @Test("An ambiguous word inside a longer term does not count on its own")
    func containedAmbiguousWord() {
        let a = analyser.analyse("Using the 7Ps, we mapped the sales process step by step.")
        #expect(a.texts(of: "process").isEmpty)
        #expect(a.texts(of: "sales-process") == ["sales process"])
    }

    @Test("Each occurrence keeps its exact byte range")
    func positions() {
        let text = "“Intro” — our CRM.\nThen CRM again."
        let a = analyser.analyse(text)
        let ranges = a.findingsByTerm[testLexicon.index(of: "crm")!].map { a.findings[$0].range }
        let bytes = Array(text.utf8)
        #expect(ranges.map { String(decoding: bytes[$0], as: UTF8.self) } == ["CRM", "CRM"])
        let pos = a.source.position(ofOffset: ranges[0].lowerBound)
        #expect(pos == TextPosition(line: 1, column: 15))
        #expect(a.source.position(ofOffset: ranges[1].lowerBound) == TextPosition(line: 2, column: 6))
    }

    @Test("Columns count UTF-16 code units, so an emoji counts as two")
    func utf16Columns() {
        let a = analyser.analyse("😀 CRM")
        let f = a.findings.first { $0.kind == .term(testLexicon.index(of: "crm")!) }!
        #expect(a.source.position(ofOffset: f.range.lowerBound) == TextPosition(line: 1, column: 4))
    }
}
