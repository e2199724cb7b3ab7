import Testing

@testable import TextAnalyser

/// Explanation and evaluation markers as learners write them, and the look-alikes that are not reasoning.
@Suite("Reasoning cues as learners write them")
struct ReasoningCueTests {
    private func kinds(_ text: String, _ kind: Finding.Kind) -> [String] { analyser.analyse(text).texts(kind) }

    @Test(
        "Causal links found",
        arguments: [
            ("Staff follow up within a day, so customers feel valued.", "so"),
            ("The card records each visit so that offers fit the buyer.", "so that"),
            ("If a complaint is logged then the manager will call back.", "If"),
            ("If staff ignore feedback, customers will leave.", "If"),
            ("Orders are tracked, which means problems are spotted early.", "which means"),
            ("The app crashed. This meant orders were lost.", "This meant"),
            ("Delivery was late. This led to a wave of complaints.", "This led to"),
            ("Sales fell due to poor service.", "due to"),
            ("Sales fell because of poor service.", "because of"),
            ("The scheme grew quickly, resulting in higher costs.", "resulting in"),
            ("The data is shared. This allows staff to tailor offers.", "This allows"),
            ("Sales rose since customers trusted the brand.", "since"),
            ("Each visit is logged. This enables staff to greet regulars by name.", "This enables"),
            ("Reviews are answered within a day, which helps to rebuild trust.", "which helps"),
            ("Loyal buyers cost less to serve. As a result, margins rose.", "As a result"),
        ])
    func found(text: String, expected: String) {
        #expect(kinds(text, .explanation).contains(expected), "\(text) -> \(kinds(text, .explanation))")
    }

    @Test(
        "Not causal",
        arguments: [
            "So far the scheme has cost little.",
            "There are so many channels to manage.",
            "Staff use email, chat, phone and so on.",
            "The manager said she thinks so.",
            "The so-called loyalty ladder has five rungs.",
            "The service was so good that we returned.",
            "We have kept the same supplier since 2019.",
            "Customers asked if the shop opened on Sundays.",
        ])
    func notCausal(text: String) {
        #expect(
            kinds(text, .explanation).filter {
                $0.lowercased().hasPrefix("so") || $0.lowercased() == "if"
                    || $0.lowercased() == "since"
            }.isEmpty, "\(text) -> \(kinds(text, .explanation))")
    }

    @Test(
        "Obligations and customers' recommendations are not the learner's recommendations",
        arguments: [
            "Staff must follow GDPR when storing data.",
            "Goods must be of satisfactory quality.",
            "NPS measures the likelihood to recommend the firm.",
            "Most said they would recommend us to a friend.",
            "Amazon shows product recommendations on each page.",
            "Customers are likely to recommend a brand they trust.",
        ])
    func notRecommendation(text: String) {
        #expect(kinds(text, .recommendation).isEmpty, "\(text) -> \(kinds(text, .recommendation))")
    }

    @Test(
        "Recommendations found",
        arguments: [
            ("I recommend a text reminder before each visit.", "I recommend"),
            ("The firm should train staff in complaint handling.", "should"),
            ("The store must improve its queue times.", "must improve"),
            ("It is recommended that the firm segments its base.", "It is recommended"),
        ])
    func recommendation(text: String, expected: String) {
        #expect(kinds(text, .recommendation).contains(expected), "\(text) -> \(kinds(text, .recommendation))")
    }

    @Test("Adjectival overall and justify are not judgements")
    func judgements() {
        #expect(kinds("The overall experience was pleasant.", .judgement).isEmpty)
        #expect(kinds("Learners must justify each choice.", .judgement).isEmpty)
        #expect(kinds("Overall, the scheme paid for itself.", .judgement) == ["Overall"])
        #expect(kinds("The scheme worked well overall.", .judgement) == ["overall"])
    }
}
