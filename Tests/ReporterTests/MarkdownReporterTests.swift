import Reporter
import Testing

@Suite struct MarkdownReporterTests {
    @Test func unreadableFileSaysWhy() {
        let doc = CheckedDocument(path: "sub/a.docx", error: "the file is empty")
        let md = MarkdownReporter.render(doc, title: "Zoë Ångström")
        #expect(md.hasPrefix("# Zoë Ångström\n"))
        #expect(md.contains("could not be checked") && md.contains("the file is empty"))
    }

    @Test func learnerTextCannotInjectFormatting() {
        #expect(
            MarkdownReporter.escape("*bold* _it_ [link](x) <b> #1 a|b")
                == "\\*bold\\* \\_it\\_ \\[link\\](x) \\<b\\> \\#1 a\\|b")
        #expect(MarkdownReporter.escape("two\nlines") == "two lines")
    }
}
