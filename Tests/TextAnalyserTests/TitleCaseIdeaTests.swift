import Testing

@testable import TextAnalyser

/// Title-case ideas and quoted titles are not organisations; real names with the same shape still are.
@Suite("Ideas and titles written in title case")
struct TitleCaseIdeaTests {
    private func names(_ text: String) -> [String] {
        let a = analyser.analyse(text)
        return a.findings.filter { $0.kind == .example }.map { a.text(of: $0) }.filter {
            $0.unicodeScalars.first.map { $0.properties.isUppercase } == true && !$0.lowercased().hasPrefix("for ")
        }
    }

    @Test(
        "An idea named in title case is not an organisation",
        arguments: [
            "Loyalty schemes exploit the Goal Gradient Effect to keep members buying.",
            "The clusters were compared with the Silhouette Coefficient before choosing four.",
            "Marketers now rely on Legitimate Interest rather than consent for emails.",
            "The team ran a Principal Component Analysis on the survey data.",
        ])
    func ideas(_ text: String) {
        #expect(names(text).isEmpty, "\(names(text))")
    }

    @Test(
        "A quoted or emphasised title is not an organisation",
        arguments: [
            "The leaflets were called ‘Animal Welfare’ and ‘Healthy Eating’ this spring.",
            "The next step is **Data Dimensionality** and how it slows the model.",
            "Staff read the \"Brand Promise\" card before each shift.",
        ])
    func titles(_ text: String) {
        #expect(names(text).isEmpty, "\(names(text))")
    }

    @Test(
        "Names with a cue, a suffix or an unknown word in running text still count",
        arguments: [
            ("Every buyer from Castlegate Motors Ltd gets a free valet.", "Castlegate Motors Ltd"),
            ("I worked at Fenwick Pies for two years.", "Fenwick Pies"),
            ("Our wine comes mostly via Stewarts, and Stewarts buyers visit each month.", "Stewarts"),
        ])
    func stillNames(_ text: String, _ name: String) {
        #expect(names(text).contains(name), "\(names(text))")
    }

    @Test("A single capitalised word with no evidence from its context counts only when the answer names it again")
    func singleWordNeedsConfirmation() {
        #expect(names("We checked the Silhouette of each cluster before choosing four.").isEmpty)
        #expect(names("Loyalty fell when Wilko closed its stores.").isEmpty, "one bare mention is not enough")
        #expect(names("Loyalty fell when Wilko closed its stores; Wilko staff moved to rivals.").contains("Wilko"))
    }
}
