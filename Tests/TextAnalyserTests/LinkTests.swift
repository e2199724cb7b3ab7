import Testing

@testable import TextAnalyser

@Suite("Web and e-mail addresses are not part of what the answer says")
struct LinkTests {
    private func quantities(_ text: String) -> [String] {
        let a = analyser.analyse(text)
        return a.findings.filter { $0.kind == .quantity }.map { a.text(of: $0) }
    }

    @Test(
        "Numbers and words inside a link are ignored",
        arguments: [
            "See https://example.com/blog/2019/segmentation-guide-12 for the details.",
            "See www.example.co.uk/segmentation/page-45 for the details.",
            "The guide at blog.smile.io/segmentation-2021 explains it.",
            "Read it at example.org/segmentation/45.",
            "See WWW.Example.CO.UK/Segmentation/page-45 for the details.",
            "See HTTPS://Example.com/segmentation/45 for the details.",
            "Write to segmentation.team45@college.ac.uk for a copy.",
            "(Source: <https://example.com/segmentation?id=45>)",
        ])
    func linkIgnored(_ text: String) {
        let a = analyser.analyse(text)
        #expect(quantities(text).isEmpty)
        #expect(a.texts(of: "segmentation").isEmpty)
    }

    @Test("The text around a link is still read, and a sentence ending with a link still ends")
    func textAroundLink() {
        let text = "Segmentation raised sales by 20% (see https://example.com/a/1). Tesco grew by 5%."
        let a = analyser.analyse(text)
        #expect(a.texts(of: "segmentation") == ["Segmentation"])
        #expect(quantities(text) == ["20%", "5%"])
        #expect(a.sentences.count == 2)
    }

    @Test(
        "Names with dots that are not links are kept",
        arguments: [
            "Amazon.com grew by 20% last year.", "Version 2.5 of the app grew by 20%.", "e.g. sales grew by 20%.",
            "Sales (e.g./i.e. segmentation) grew by 20%.", "Sales in the U.K./EU grew by 20%.",
        ])
    func notLinks(_ text: String) {
        #expect(quantities(text).contains("20%"))
    }

    @Test("A line that is only a link leaves an empty paragraph, not a crash")
    func lineOfOnlyALink() {
        let a = analyser.analyse("Segmentation helps.\n\nhttps://example.com/x/1\n\nTargeting helps too.")
        #expect(a.texts(of: "segmentation") == ["Segmentation"])
    }
}
