import TextAnalyser

/// A small lexicon that mirrors the shapes rubric lexicons use.
let testLexicon = Lexicon(terms: [
    TermDefinition(id: "crm", label: "CRM", variants: ["customer relationship management", "CRM"]),
    TermDefinition(
        id: "clv", label: "Customer lifetime value", variants: ["customer lifetime value", "lifetime value"]),
    TermDefinition(
        id: "segmentation", label: "Segmentation", variants: ["segmentation", "segment", "segmented", "segmenting"]),
    TermDefinition(id: "after-sales", label: "After-sales service", variants: ["after-sales service", "after-sales"]),
    TermDefinition(id: "omnichannel", label: "Omnichannel", variants: ["omni-channel"]),
    TermDefinition(id: "personalisation", label: "Personalisation", variants: ["personalisation", "personalise"]),
    TermDefinition(id: "behaviour", label: "Buying behaviour", variants: ["buying behaviour"]),
    TermDefinition(id: "programme", label: "Loyalty programme", variants: ["loyalty programme"]),
    TermDefinition(id: "analyse", label: "Analyse", variants: ["analyse"]),
    TermDefinition(id: "centre", label: "Contact centre", variants: ["contact centre"]),
    TermDefinition(
        id: "maslow", label: "Maslow's hierarchy", kind: .framework, variants: ["Maslow's hierarchy of needs"]),
    TermDefinition(
        id: "marketing-mix", label: "Marketing mix", kind: .framework,
        variants: ["marketing mix", "4Ps", "7Ps", "four Ps"]),
    TermDefinition(id: "place", label: "Place", variants: ["place"], requiresContext: ["marketing-mix"]),
    TermDefinition(id: "price", label: "Price", variants: ["price", "pricing"], requiresContext: ["marketing-mix"]),
    TermDefinition(id: "process", label: "Process", variants: ["process"], requiresContext: ["marketing-mix"]),
    TermDefinition(id: "people", label: "People", variants: ["people"], requiresContext: ["marketing-mix"]),
    TermDefinition(id: "promotion", label: "Promotion", variants: ["promotion"], requiresContext: ["marketing-mix"]),
    TermDefinition(id: "sales-process", label: "Sales process", kind: .framework, variants: ["sales process"]),
    TermDefinition(
        id: "asa", label: "Advertising Standards Authority", kind: .legislation,
        variants: ["Advertising Standards Authority"], exactCaseVariants: ["ASA"]),
    TermDefinition(
        id: "cra", label: "Consumer Rights Act 2015", kind: .legislation,
        variants: ["Consumer Rights Act 2015", "Consumer Rights Act"]),
    TermDefinition(id: "tesco", label: "Tesco", kind: .organisation, variants: ["Tesco"]),
    TermDefinition(
        id: "software-only", label: "CRM as only software", kind: .misconception,
        variants: [
            "just a software tool", "just software", "only a software tool", "simply a software tool", "just a tool",
        ]),
])

let analyser = Analyser(lexicon: testLexicon)

extension Analysis {
    /// Texts of the non-negated findings of a term.
    func texts(of termID: String, includeNegated: Bool = false) -> [String] {
        guard let t = analyser.lexicon.index(of: termID) else { return [] }
        return findingsByTerm[t].map { findings[$0] }.filter { includeNegated || !$0.negated }.map { text(of: $0) }
    }

    func negatedTexts(of termID: String) -> [String] {
        guard let t = analyser.lexicon.index(of: termID) else { return [] }
        return findingsByTerm[t].map { findings[$0] }.filter(\.negated).map { text(of: $0) }
    }

    /// Texts of findings of one kind.
    func texts(_ kind: Finding.Kind) -> [String] {
        findings.filter { $0.kind == kind }.map { text(of: $0) }
    }
}
