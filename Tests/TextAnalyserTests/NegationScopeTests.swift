import Testing

@testable import TextAnalyser

/// Negation ends where its clause ends; coordinated objects share it; "without" reaches only its phrase.
@Suite("Clause-aware negation scope")
struct NegationScopeTests {
    private static let lexicon = Lexicon(terms: [
        TermDefinition(id: "complaint", label: "Complaint", variants: ["complaint", "complaints"]),
        TermDefinition(id: "segment", label: "Segmentation", variants: ["segment", "segmentation"]),
        TermDefinition(id: "target", label: "Targeting", variants: ["target", "targeting"]),
        TermDefinition(id: "position", label: "Positioning", variants: ["position", "positioning"]),
        TermDefinition(id: "loyalty", label: "Loyalty", variants: ["loyalty"]),
        TermDefinition(id: "feedback", label: "Feedback", variants: ["feedback"]),
    ])
    private static let reader = Analyser(lexicon: lexicon)

    private func negated(_ text: String, _ id: String) -> Bool? {
        let a = Self.reader.analyse(text)
        guard let t = Self.lexicon.index(of: id), let n = a.findingsByTerm[t].first else { return nil }
        return a.findings[n].negated
    }

    @Test(
        "Outside the negated clause",
        arguments: [
            ("If the needs are not met they may make a complaint.", "complaint"),
            ("If the needs are not met, they may make a complaint.", "complaint"),
            ("Staff did not reply, but the complaint was resolved later.", "complaint"),
            ("We did not call them and they raised a complaint.", "complaint"),
            ("They had no app; feedback came by post.", "feedback"),
            ("The café did not open on time which led to a complaint.", "complaint"),
            ("They left without paying, so loyalty suffered badly afterwards.", "loyalty"),
            ("Staff work without a script when they handle a complaint.", "complaint"),
        ])
    func notNegated(text: String, id: String) {
        #expect(negated(text, id) == false, "\(text)")
    }

    @Test(
        "Inside the negated clause",
        arguments: [
            ("We did not segment or target the market.", "target"),
            ("We did not segment or target the market.", "segment"),
            ("We did not segment, target or position the market.", "position"),
            ("The firm sold the product without any segmentation.", "segment"),
            ("Staff never asked for feedback after a sale.", "feedback"),
        ])
    func negatedInScope(text: String, id: String) {
        #expect(negated(text, id) == true, "\(text)")
    }
}
