import Testing

@testable import TextAnalyser

/// Quantities as an examiner reads them: words, fractions, hyphenated units, rates; and numbers that are
/// never evidence.
@Suite("Quantities as an examiner reads them")
struct QuantityReadingTests {
    private func quantities(_ text: String) -> [String] { analyser.analyse(text).texts(.quantity) }

    @Test(
        "Found with their unit or rate",
        arguments: [
            ("Sixty per cent of buyers came back.", "Sixty per cent"),
            ("Complaints fell by forty-five per cent.", "forty-five per cent"),
            ("Two thirds of customers used the app.", "Two thirds of customers"),
            ("We found that two-thirds of members renewed.", "two-thirds of members"),
            ("Repeat orders rose threefold.", "threefold"),
            ("Nearly half of customers ignore emails.", "half of customers"),
            ("A quarter of shoppers paid by phone.", "A quarter of shoppers"),
            ("New staff attend a 3-hour course.", "3-hour"),
            ("We promise 4-5 day delivery.", "4-5 day"),
            ("The chain runs 1500 stores.", "1500 stores"),
            ("The dataset holds 891211 rows of orders.", "891211 rows"),
            ("We interviewed 250 shoppers outside the store.", "250 shoppers"),
            ("The chain ran a 2 for 1 offer on coffee.", "2 for 1 offer"),
            ("Snacks were 3 for 2 all summer.", "3 for 2"),
            ("Stay 5 for 10 minutes after the call.", "10 minutes"),
            ("The survey reached 2000 customers.", "2000 customers"),
            ("Members earn 2 points per £1 spent.", "2 points per £1 spent"),
            ("The plan costs £5 a month.", "£5 a month"),
            ("Regulars visit 3 times a week.", "3 times a week"),
            ("Staff call back within five days.", "five days"),
            ("Loyal members visit twice a week.", "twice a week"),
        ])
    func found(text: String, expected: String) {
        #expect(quantities(text) == [expected], "\(text) -> \(quantities(text))")
    }

    @Test(
        "Never evidence",
        arguments: [
            "The helpline closes at 4pm.",
            "The helpline closes at 4 pm.",
            "Calls are answered from 9:30 each day.",
            "See Kotler, p.112, on loyalty.",
            "See pp. 112-115 for the model.",
            "See pp. 4-5 for the model.",
            "We used the 4Ps and later the 7 Ps.",
            "Under Article 6 the processing is lawful.",
            "This is explained in section 3.1 above.",
            "The rule sits in s.49 of the Act.",
            "Candidate 20231BUS0045 submitted late.",
            "This answer is for module MKT-4-017.",
            "Call the team on 0161 496 0000 today.",
            "Call the team on +44 20 7946 0958 today.",
            "In 2000 customers had fewer choices.",
            "Customers look at the first half of the page.",
            "The scheme ran in 2019-20 across the region.",
            "There are 3 reasons why loyalty matters.",
            "Figure 12 shows the funnel and Table 14 lists the stages.",
        ])
    func notEvidence(text: String) {
        #expect(quantities(text).isEmpty, "\(text) -> \(quantities(text))")
    }
}
