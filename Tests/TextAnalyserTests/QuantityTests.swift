import Testing

@testable import TextAnalyser

@Suite("Quantified evidence")
struct QuantityTests {
    @Test(
        "Each form of quantified evidence is found with its exact text",
        arguments: [
            ("Repeat sales rose 15% last year.", "15%"),
            ("Repeat sales rose 15 per cent.", "15 per cent"),
            ("Repeat sales rose 15 percent.", "15 percent"),
            ("The contract was worth £2.5m to the firm.", "£2.5m"),
            ("Revenue reached $4.21bn in total.", "$4.21bn"),
            ("Each plan costs INR 300 monthly.", "INR 300"),
            ("They invested 16 million pounds in CRM.", "16 million pounds"),
            ("Conversion ranged across 25-85% of leads.", "25-85%"),
            ("Retention rose from 22% to 31% after launch.", "from 22% to 31%"),
            ("Online orders doubled after the change.", "doubled"),
            ("Loyal customers spend five times more than new ones.", "five times more"),
            ("The scheme reached 172,900 people nationally.", "172,900 people"),
            ("Refunds are processed within 14 days.", "14 days"),
            ("Around 1 in 5 customers complained.", "1 in 5"),
            ("The 80/20 rule applies to our accounts.", "80/20"),
            ("The store achieved an NPS of +42 this year.", "+42"),
            ("Reviews average 4.5/5 on Trustpilot.", "4.5/5"),
            ("One in five customers left.", "One in five"),
            ("Complaints fell by ten per cent.", "ten per cent"),
        ])
    func evidence(text: String, expected: String) {
        #expect(analyser.analyse(text).texts(.quantity) == [expected], "\(text)")
    }

    @Test(
        "Numbers that are not evidence",
        arguments: [
            "The 4Ps guide the plan.",
            "The 7 Ps guide the plan.",
            "The 4 P’s guide the plan.",
            "Porter's Five Forces shape the market.",
            "Loyalty matters (Kotler, 2016).",
            "The firm was founded in 1995.",
            "GDPR applied from 25 May 2018.",
            "Loyalty schemes grew in the mid-1990s.",
            "The Consumer Rights Act 2015 protects buyers.",
            "In Task 1 I describe the firm.",
            "This meets LO2 and AC 1.1 of the unit.",
            "This covers P3 and M1.",
            "This is a Level 7 diploma.",
            "1. Product is the first element.",
            "We offer 24/7 support.",
            "There are 3 benefits of CRM.",
            "This was our 2nd attempt.",
        ])
    func notEvidence(text: String) {
        #expect(
            analyser.analyse(text).texts(.quantity).isEmpty, "\(text) -> \(analyser.analyse(text).texts(.quantity))")
    }

    @Test("List numbering is structure, not evidence")
    func listNumbering() {
        let a = analyser.analyse("1. Prospecting\n2. Approach\n3. Closing")
        #expect(a.texts(.quantity).isEmpty)
        #expect(a.blocks.allSatisfy { $0.kind == .listItem })
    }

    @Test("Years in a reference list are not evidence")
    func referenceList() {
        let a = analyser.analyse(
            "Loyalty rose 12%.\n\n## References\n\nKotler, P. (2016) Marketing Management. 15th edn. London: Pearson.")
        #expect(a.texts(.quantity) == ["12%"])
        #expect(a.findings.filter { $0.kind == .reference }.count == 1)
    }
}
