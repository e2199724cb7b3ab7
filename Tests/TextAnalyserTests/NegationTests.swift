import Testing

@testable import TextAnalyser

@Suite("Negation scope")
struct NegationTests {
    @Test(
        "Rejecting a misconception does not assert it",
        arguments: [
            "CRM is not just a software tool; it is a strategy.",
            "CRM is more than just a software tool.",
            "It is a myth that CRM is just software.",
            "Many managers confuse CRM with just a software tool.",
            "CRM isn't just software.",
            "CRM is not only a software tool but a whole-business philosophy.",
            "Many people think CRM is just software, but it is a strategic process.",
            "A common mistake is to think that CRM is just a software tool.",
        ])
    func rejectedMisconception(text: String) {
        let a = analyser.analyse(text)
        #expect(a.texts(of: "software-only").isEmpty, "\(text)")
        #expect(!a.negatedTexts(of: "software-only").isEmpty, "the rejection is still reported: \(text)")
    }

    @Test("An asserted misconception is found")
    func assertedMisconception() {
        let a = analyser.analyse("In my view CRM is just a software tool that stores contacts.")
        #expect(a.texts(of: "software-only") == ["just a software tool"])
    }

    @Test(
        "A negation phrase written as one word is read as the phrase, and never traps (found by fuzzing the tables)",
        arguments: ["CRM is notjust a software tool.", "Our CRM is notjust a software tool; it is a strategy."])
    func phraseWrittenAsOneWord(text: String) {
        let a = analyser.analyse(text)
        #expect(a.texts(of: "software-only").isEmpty, "\(text)")
        #expect(a.texts(of: "crm") == ["CRM"], "\(text)")
    }

    @Test("A restrictive negation keeps credit for the concept it is about")
    func restrictiveKeepsCredit() {
        let a = analyser.analyse("CRM is not just a software tool.")
        #expect(a.texts(of: "crm") == ["CRM"])
    }

    @Test(
        "Negated use earns no credit",
        arguments: [
            "We did not segment the market.",
            "We didn't segment the market.",
            "We didn’t segment the market.",
            "There was no segmentation of the market.",
            "The firm never segmented its customers.",
            "They sold to everyone without segmenting the market.",
            "Segmentation was not carried out by the team.",
            "The company failed to segment its market.",
        ])
    func negatedUse(text: String) {
        let a = analyser.analyse(text)
        #expect(a.texts(of: "segmentation").isEmpty, "\(text)")
        #expect(a.negatedTexts(of: "segmentation").count == 1, "\(text)")
    }

    @Test(
        "Negation ends at the clause boundary",
        arguments: [
            "We did not advertise, but we did segment the market.",
            "We did not advertise; instead we segmented the market by age.",
            "The team had not met before, so they segmented the market together.",
        ])
    func scopeEnds(text: String) {
        #expect(analyser.analyse(text).texts(of: "segmentation").count == 1, "\(text)")
    }

    @Test("A negation in one sentence does not reach the next")
    func sentenceBoundary() {
        let a = analyser.analyse("We did not. Segmentation came first.")
        #expect(a.texts(of: "segmentation") == ["Segmentation"])
    }
}
