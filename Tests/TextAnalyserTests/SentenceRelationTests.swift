import Testing

@testable import TextAnalyser

@Suite("Sentences that continue the one before, and sentences copied from the brief or the source")
struct SentenceRelationTests {
    private func continuations(_ text: String) -> [Bool] {
        analyser.analyse(text).sentences.map(\.continuesPrevious)
    }

    @Test(
        "Openings that refer back continue the previous sentence",
        arguments: [
            "Loyal customers spend more. This means profits rise.",
            "Loyal customers spend more. As a result, profits rise.",
            "Loyal customers spend more. It also lowers marketing costs.",
            "Loyal customers spend more. For example, regulars at a cafe order twice a week.",
            "Loyal customers spend more. However, a discount costs margin.",
            "Loyal customers spend more. They also recommend the shop.",
        ])
    func continues(_ text: String) {
        #expect(continuations(text) == [false, true])
    }

    @Test(
        "A sentence that starts a new subject does not continue the previous one",
        arguments: [
            "Loyal customers spend more. Prices rose last year.",
            "Loyal customers spend more. Segmentation divides the market.",
            "Loyal customers spend more. Tesco runs Clubcard.",
        ])
    func startsAfresh(_ text: String) {
        #expect(continuations(text) == [false, false])
    }

    @Test("The first sentence under a heading does not continue the heading")
    func headingBreaksTheChain() {
        let sentences = analyser.analyse("Loyalty matters here.\n\n## This section\n\nThis is about pricing.").sentences
        #expect(sentences.last?.continuesPrevious == false)
    }

    @Test("A sentence that repeats the brief is marked copied and weak; one that borrows a few words is not")
    func copiedFromBrief() {
        let brief = ReferenceTexts(
            brief: [
                "Evaluate the impact of customer relationship management on customer loyalty in a retail business."
            ],
            source: [])
        let copying = Analyser(lexicon: testLexicon, references: brief)
        let a = copying.analyse(
            """
            Evaluate the impact of customer relationship management on customer loyalty in a retail business.

            Customer relationship management raises loyalty because staff can see what each shopper buys.
            """)
        #expect(a.sentences[0].copiedFrom == .brief)
        #expect(a.sentences[0].isWeak)
        #expect(a.findings.contains { $0.kind == .stuffing(.copiedFromBrief) && $0.sentence == 0 })
        #expect(a.sentences[1].copiedFrom == nil)
        #expect(!a.findings.contains { $0.kind == .stuffing(.copiedFromBrief) && $0.sentence == 1 })
    }

    @Test("Case and punctuation do not hide a copy; a long copied run makes a long sentence copied")
    func copyIgnoresCaseAndLength() {
        let source = ReferenceTexts(
            brief: [],
            source: [
                "The road ahead was long and the water bottles held only a few sips by the time he reached the ghost town."
            ])
        let copying = Analyser(lexicon: testLexicon, references: source)
        let a = copying.analyse(
            """
            In my view THE ROAD AHEAD WAS LONG, AND THE WATER BOTTLES HELD ONLY A FEW SIPS, which is why the \
            author felt so tired and worried about what was to come next on the trip.
            He ran out of water.
            """)
        #expect(a.sentences[0].copiedFrom == .source)
        #expect(!a.sentences[0].isWeak, "a copied source passage is not stuffing: its details still count")
        #expect(a.sentences[1].copiedFrom == nil)
    }

    @Test(
        "A note reference after a full stop does not join two sentences",
        arguments: [
            "Profit rose by 25%.[^2] However, costs rose too.", "Profit rose by 25%.[2] However, costs rose too.",
        ])
    func noteReferenceEndsTheSentence(_ text: String) {
        #expect(analyser.analyse(text).sentences.count == 2)
    }

    @Test("The quick pass that skips sentences never skips one that the full comparison finds copied")
    func quickPassAgreesWithFullComparison() {
        let brief = ReferenceTexts(
            brief: ["Evaluate the impact of customer feedback and complaint handling on long-term relationships."],
            source: ["The cyclist rode on through the heat with no water left in his bottles."])
        let sentences = [
            "Evaluate the impact of customer feedback and complaint handling on long-term relationships.",
            "I will evaluate the impact of customer feedback and complaint handling on long-term relationships here.",
            "The cyclist rode on through the heat with no water left in his bottles.",
            "Complaint handling matters because customers who are heard come back.",
            "Feedback and complaint handling: the impact on relationships.",
            "short",
            "",
        ]
        var checked = 0
        for text in sentences {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { p in
                let words = WordHasher.words(p, 0..<p.count)
                let copied = brief.copySource(of: words) != nil
                let mayShare = brief.mayShareRun(p, 0..<p.count)
                #expect(!copied || mayShare, "\(text)")
                if copied { checked += 1 }
            }
        }
        #expect(checked == 3, "the brief, the brief with a few words added and the source are copies")
        #expect(
            !Array("Complaint handling matters because customers who are heard come back.".utf8).withUnsafeBufferPointer
            {
                brief.mayShareRun($0, 0..<$0.count)
            })
    }

    @Test("Without reference texts nothing is copied")
    func noReferences() {
        let a = analyser.analyse("Evaluate the impact of customer relationship management on customer loyalty.")
        #expect(a.sentences.allSatisfy { $0.copiedFrom == nil })
    }
}
