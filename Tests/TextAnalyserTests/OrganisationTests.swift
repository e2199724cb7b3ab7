import Testing

@testable import TextAnalyser

/// Organisations recognised from how they are written, with no lexicon entry for them.
@Suite("Organisations beyond the lexicon")
struct OrganisationTests {
    /// Example findings that are names, not example markers ("for example").
    private func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return (first.properties.isUppercase && !text.lowercased().hasPrefix("for ")) || text == "innocent"
    }

    private func organisations(_ text: String) -> [String] {
        let a = analyser.analyse(text)
        return a.findings.filter { $0.kind == .example }.map { a.text(of: $0) }
    }

    @Test(
        "Names found from their form and context",
        arguments: [
            ("Our local bakery chain Fenwick Pies rewards regulars with stamps.", "Fenwick Pies"),
            ("I spent two years at Hallam Motors before joining the sales team.", "Hallam Motors"),
            ("Retailers such as Greggs now sell through an app.", "Greggs"),
            ("For example, Brewdog runs an equity scheme for fans.", "Brewdog"),
            ("Challenger banks like Monzo send instant spending alerts.", "Monzo"),
            ("The retailer Boots has a points card.", "Boots"),
            ("The supermarket Lidl opened more stores.", "Lidl"),
            ("The loyalty card from Northgate Credit Union pays a dividend.", "Northgate Credit Union"),
            ("Loyal buyers of Marks & Spencer value quality.", "Marks & Spencer"),
            ("The service at Bank of Ireland was slow.", "Bank of Ireland"),
            ("Many people prefer Greggs' vegan range.", "Greggs'"),
            ("Shoppers love Aldi's prices.", "Aldi's"),
            ("Most of my colleagues at Pendle Building Society agreed.", "Pendle Building Society"),
            ("The drinks brand innocent writes playful labels.", "innocent"),
            ("HSBC's app lets customers freeze a card.", "HSBC's"),
            ("The customers of Thornbury Leisure renew every spring.", "Thornbury Leisure"),
            ("Loyalty fell when Wilko closed its stores, and Wilko staff moved to rivals.", "Wilko"),
            ("At Calder Bank the app sends alerts.", "Calder Bank"),
            ("Customers of Castlegate Motors Ltd often wait a week for a slot.", "Castlegate Motors Ltd"),
            ("Managers of Brightside Dental Ltd meet every Monday.", "Brightside Dental Ltd"),
            ("Bank of Ireland Ltd answered within a day.", "Bank of Ireland Ltd"),
        ])
    func found(text: String, expected: String) {
        #expect(organisations(text).contains(expected), "\(text) -> \(organisations(text))")
    }

    @Test("A name written across a line break is one name")
    func lineBreak() {
        #expect(organisations("Our biggest rival, John\nLewis, promises to match prices.").contains("John\nLewis"))
    }

    @Test("Lists after a cue: every name counts")
    func lists() {
        let found = organisations("Supermarkets such as Waitrose, Lidl and Morrisons compete on loyalty.")
        #expect(found.contains("Waitrose") && found.contains("Lidl") && found.contains("Morrisons"), "\(found)")
    }

    @Test("A sentence-initial name counts when the answer uses it as an organisation elsewhere")
    func sentenceStartRepeated() {
        let found = organisations("Greggs sells sausage rolls. Customers of chains like Greggs expect speed.")
        #expect(found.filter { $0 == "Greggs" }.count == 2, "\(found)")
        #expect(organisations("Greggs sells sausage rolls.").isEmpty)
    }

    @Test(
        "Not organisations",
        arguments: [
            "Loyalty drives repeat sales (Kotler, 2016).",
            "Payne (2005) describes five processes.",
            "This idea comes from Smith (2019) and is widely used.",
            "Complaints peak in December and on Mondays.",
            "Complaints peak on Monday mornings.",
            "Most of our customers live in Leeds and commute daily.",
            "The store in Manchester is the busiest.",
            "British shoppers expect free returns.",
            "Customer needs change quickly.",
            "We track NPS and CSAT every month to guide CRM.",
            "Firms must follow GDPR when they store data.",
            "The 4 P's guide the plan.",
            "The 4 P’s guide the plan.",
            "Customers want the next offer to be relevant.",
            "We applied Herzberg's two-factor theory.",
            "The refund was agreed with Mr Patel yesterday.",
            "According to Jenkins, loyalty is earned.",
            "Staff were innocent of any wrongdoing.",
            "Next year we will add a referral scheme.",
            "Sales rose after Christmas.",
            "The complaint went to Head Office for a decision.",
        ])
    func notFound(text: String) {
        let names = organisations(text).filter(isName)
        #expect(names.isEmpty, "\(text) -> \(names)")
    }

    @Test("Everyday words that are brands need context")
    func everydayBrands() {
        #expect(organisations("We chose Apple as the supplier.").isEmpty)
        #expect(organisations("Companies like Apple guard their brand.").contains("Apple"))
        #expect(organisations("The company Next offers next-day delivery.").contains("Next"))
        #expect(organisations("The next step is to follow up.").isEmpty)
        #expect(organisations("We drove a Ford to the client.").isEmpty)
        #expect(organisations("Car makers such as Ford offer service plans.").contains("Ford"))
        #expect(organisations("Parcels go out with Royal Mail each day.").isEmpty)
        #expect(organisations("I worked at Royal Mail for two years.").contains("Royal Mail"))
    }

    @Test("Headings and title-case lines are not names")
    func headings() {
        #expect(organisations("# Customer Retention In Practice\n\nLoyal customers spend more.").isEmpty)
        #expect(organisations("Task 1: Customer Needs And Expectations In Practice").isEmpty)
    }

    @Test("Organisations are recognised with a lexicon that lists none")
    func withoutLexicon() {
        let bare = Analyser(lexicon: Lexicon(terms: []))
        let a = bare.analyse("Banks such as Nationwide reward long-standing members. The app at Tesco is popular.")
        let found = a.findings.filter { $0.kind == .example }.map { a.text(of: $0) }
        #expect(found.contains("Nationwide") && found.contains("Tesco"), "\(found)")
    }
}

extension OrganisationTests {
    @Test(
        "People, places and labels without evidence are not organisations",
        arguments: [
            "The review call with Priya covers performance.",
            "I am the manager at the Harrogate branch of the chain.",
            "Prospecting uses lists of firms registered in West Yorkshire.",
            "**Personalisation.** Using segments, the café tailors offers.",
            "| Measure | Spots problems early |",
            "The chain has 38 cafés across the West Country.",
            "I'm on the front desk at the Derby club on Saturdays.",
            "Every room has free Wi-Fi and a kettle.",
        ])
    func notNames(text: String) {
        let a = analyser.analyse(text)
        let names = a.findings.filter { $0.kind == .example }.map { a.text(of: $0) }.filter {
            $0.first?.isUppercase == true
        }
        #expect(names.isEmpty, "\(text) -> \(names)")
    }

    @Test("A name after an abbreviated example marker")
    func afterEg() {
        let a = analyser.analyse("Some chains, e.g. Wetherspoons, use an app for orders.")
        #expect(a.findings.filter { $0.kind == .example }.map { a.text(of: $0) }.contains("Wetherspoons"))
    }
}
