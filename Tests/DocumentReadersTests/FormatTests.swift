import Foundation
import Testing

@testable import DocumentReaders

/// What the pandoc-made .docx, .odt and .html of answer.md should read as, derived from the Markdown itself.
func expectedParagraphs(fromMarkdown markdown: String) -> [String] {
    var body: [String] = []
    var notes: [String] = []
    func clean(_ s: String) -> String {
        var t = s
        while let r = t.range(of: #"\[\^[0-9]+\]"#, options: .regularExpression) { t.removeSubrange(r) }
        return t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
    for block in markdown.components(separatedBy: "\n\n") {
        let lines = block.split(separator: "\n").map(String.init)
        guard let first = lines.first else { continue }
        if first.hasPrefix("[^") {
            notes.append(clean(String(first[first.index(after: first.firstIndex(of: ":")!)...])))
        } else if first.hasPrefix("- ") {
            body += lines.map { clean($0) }
        } else if first.hasPrefix("|") {
            for line in lines where !line.hasPrefix("|---") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                }
                body.append(cells.joined(separator: " | "))
            }
        } else {
            body.append(clean(lines.joined(separator: " ")))
        }
    }
    return body + (notes.isEmpty ? [] : ["## Notes"] + notes)
}

@Suite("Same answer in every format")
struct FormatTests {
    let reader = DocumentReader()

    @Test(
        "docx, odt and html give the Markdown's headings, list items, paragraphs, table rows and notes",
        arguments: [
            ("answer.docx", DocumentFormat.docx), ("answer.odt", .odt), ("answer.html", .html),
        ])
    func sameStructure(file: String, format: DocumentFormat) throws {
        let markdown = try String(contentsOf: fixtures.appendingPathComponent("answer.md"), encoding: .utf8)
        let expected = expectedParagraphs(fromMarkdown: markdown)
        let document = try reader.read(contentsOf: fixtures.appendingPathComponent(file))
        #expect(document.format == format)
        #expect(paragraphs(document.text) == expected)
        #expect(document.text.contains("# Task 1\n\n"))
        #expect(document.text.contains("## Costs and returns"))
        #expect(document.text.contains("System cost | £2.5m | £0.4m"))
        #expect(document.text.contains("customer’s"))
        #expect(document.text.contains("\n\n## Notes\n\nHumby, C."))
        #expect(!document.text.contains("\n\n\n"))
    }

    @Test("Markdown is returned unchanged, with no notes and no paragraph starts")
    func markdownUnchanged() throws {
        let data = try fixture("answer.md")
        let document = try reader.read(data: data, fileName: "answer.md")
        #expect(document.text == String(decoding: data, as: UTF8.self))
        #expect(document.format == .markdown)
        #expect(document.notes.isEmpty)
        #expect(document.paragraphStarts == nil)
        #expect(try reader.read(data: data, fileName: "answer.txt").format == .text)
    }

    @Test(
        "paragraph starts point at the first byte of every source paragraph",
        arguments: [
            "answer.docx", "answer.odt", "answer.html",
        ])
    func paragraphStarts(file: String) throws {
        let document = try reader.read(contentsOf: fixtures.appendingPathComponent(file))
        let starts = try #require(document.paragraphStarts)
        let utf8 = Array(document.text.utf8)
        // Every paragraph except the synthetic "## Notes" heading has a start.
        #expect(starts.count == paragraphs(document.text).count - 1)
        #expect(starts.first == 0)
        #expect(starts == starts.sorted())
        for start in starts.dropFirst() {
            #expect(utf8[start - 1] == 0x0A && utf8[start - 2] == 0x0A && utf8[start] != 0x0A)
        }
        let taskTwo = try #require(document.text.utf8.firstRange(of: "# Task 2".utf8))
        #expect(
            starts.contains(document.text.utf8.distance(from: document.text.utf8.startIndex, to: taskTwo.lowerBound)))
    }

    @Test("tracked changes read as accepted and comments left out", arguments: ["tracked.docx", "tracked.odt"])
    func trackedChanges(file: String) throws {
        let document = try reader.read(contentsOf: fixtures.appendingPathComponent(file))
        #expect(
            paragraphs(document.text) == [
                "# Task 1",
                "Tesco uses its Clubcard loyalty data to personalise offers.",
                "Staff no longer rely on an CRM database to record every contact.",
            ])
        #expect(!document.text.contains("obsolete"))
        #expect(!document.text.contains("Reviewer"))
    }

    @Test("localised and custom heading styles, Title, numbered lists, tabs, breaks, moves and field codes")
    func docxStyles() throws {
        let styles = """
            <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
            <w:style w:type="paragraph" w:styleId="LO3Heading"><w:name w:val="LO heading"/><w:basedOn w:val="berschrift2"/></w:style>
            <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Aufzhlung"><w:name w:val="List Bullet"/></w:style>
            <w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Section"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
            """
        func p(_ style: String?, _ runs: String, numbered: Bool = false) -> String {
            let pPr =
                (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "")
                + (numbered ? "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr>" : "")
            return "<w:p><w:pPr>\(pPr)<w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>\(runs)</w:p>"
        }
        func r(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }
        let body = [
            p("Title", r("CRM in retail")),
            p("berschrift1", r("Task 2")),
            p("LO3Heading", r("LO3")),
            p("Outline", r("Section three")),
            p(nil, r("first point"), numbered: true),
            p("Aufzhlung", r("second point")),
            p(nil, r("Sales") + "<w:r><w:tab/></w:r>" + r("rose") + "<w:r><w:br/></w:r>" + r("by 15%")),
            p(
                nil,
                r("Moved ") + "<w:moveFrom><w:r><w:t>old place</w:t></w:r></w:moveFrom>"
                    + "<w:moveTo><w:r><w:t>new place</w:t></w:r></w:moveTo>"),
            p(
                nil,
                "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
                    + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r("7")
                    + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"),
        ].joined()
        let document = try reader.read(data: makeDocx(body: body, styles: styles), fileName: "a.docx")
        #expect(
            paragraphs(document.text) == [
                "# CRM in retail", "# Task 2", "## LO3", "### Section three", "- first point", "- second point",
                "Sales rose by 15%", "Moved new place", "7",
            ])
        #expect(document.paragraphStarts?.count == 9)
    }

    @Test("Heading1 style id works without a styles part")
    func headingWithoutStyles() throws {
        let body =
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Task 1</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>Answer.</w:t></w:r></w:p>"
        let document = try reader.read(data: makeDocx(body: body), fileName: "a.docx")
        #expect(document.text == "# Task 1\n\nAnswer.\n")
        #expect(document.paragraphStarts == [0, 10])
    }

    @Test("PDF text via pdftotext (skipped when it is not installed)", .enabled(if: PDFReader.pdftotextPath() != nil))
    func pdf() throws {
        let document = try reader.read(contentsOf: fixtures.appendingPathComponent("answer.pdf"))
        #expect(document.format == .pdf)
        #expect(document.paragraphStarts == nil)
        #expect(document.text.contains("Task 1"))
        #expect(document.text.contains("£2.5m"))
        #expect(document.text.contains("customer’s"))
    }

    @Test("a document named .odt that is really a Word document is read as Word, with a note")
    func swappedOfficeExtension() throws {
        let document = try reader.read(data: try fixture("answer.docx"), fileName: "answer.odt")
        #expect(document.format == .docx)
        #expect(document.notes.first?.contains("Word document") == true)
    }
}
