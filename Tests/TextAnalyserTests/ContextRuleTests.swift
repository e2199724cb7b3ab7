import Testing

@testable import TextAnalyser

@Suite("Everyday words that are marketing-mix elements need a marketing-mix context")
struct ContextRuleTests {
    @Test("Listed together, the elements give each other context")
    func listedTogether() {
        let a = analyser.analyse("We changed the price, place and promotion of the range.")
        #expect(a.texts(of: "price") == ["price"])
        #expect(a.texts(of: "place") == ["place"])
        #expect(a.texts(of: "promotion") == ["promotion"])
    }

    @Test("Scattered through an everyday sentence, they are everyday words")
    func scatteredWordsAreNotTheMix() {
        let a = analyser.analyse("She got a promotion at work and moved to a new place with a higher price.")
        #expect(a.texts(of: "price").isEmpty)
        #expect(a.texts(of: "place").isEmpty)
        #expect(a.texts(of: "promotion").isEmpty)
    }

    @Test("Next to the marketing mix itself, one element is enough")
    func namedMix() {
        let a = analyser.analyse("In the marketing mix, place matters most for a rural shop.")
        #expect(a.texts(of: "place") == ["place"])
    }
}
