import Testing

@testable import TextAnalyser

/// Sentences that only announce or summarise topics are signposts: no reasoning findings, terms still count.
@Suite("Signpost sentences")
struct SignpostTests {
    @Test(
        "Announcing and summarising sentences",
        arguments: [
            "This report analyses how Tesco uses feedback and complaints to improve loyalty.",
            "In this essay I will discuss the benefits of CRM and its limitations.",
            "This section covers segmentation and its effect on the marketing mix.",
            "In conclusion, this report has looked at CRM and loyalty schemes.",
            "The aim of this report is to evaluate the loyalty programme.",
            "I will now explain why segmentation matters.",
        ])
    func signpost(text: String) {
        let a = analyser.analyse(text)
        #expect(a.sentences.first?.isSignpost == true, "\(text)")
        let reasoning = a.findings.filter { [.explanation, .judgement, .balance, .recommendation].contains($0.kind) }
        #expect(reasoning.isEmpty, "\(text) -> \(reasoning.map { a.text(of: $0) })")
    }

    @Test("Terms in a signpost still count")
    func termsCount() {
        let a = analyser.analyse("This report analyses how Tesco uses CRM to improve loyalty.")
        #expect(a.texts(of: "crm") == ["CRM"])
    }

    @Test(
        "Ordinary sentences are not signposts",
        arguments: [
            "This strategy analyses purchase data to predict churn.",
            "The report from the survey showed that 40% of customers left because of delays.",
            "I recommend that the firm segments its customers.",
            "Customers in this segment will leave if prices rise.",
        ])
    func notSignpost(text: String) {
        #expect(analyser.analyse(text).sentences.allSatisfy { !$0.isSignpost }, "\(text)")
    }
}
