import Foundation
import Testing

@testable import DocumentReaders

/// Inputs that once crashed a reader or lost text, kept so that the fix stays.
///
/// Each case is built here in a few lines rather than committed as a binary, so the test says what the hostile
/// part of the file is.
@Suite("Regressions: inputs that once crashed or lost text")
struct RegressionTests {
    let reader = DocumentReader()

    static let wordOpen =
        #"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
    static let wordClose = "</w:body></w:document>"

    /// A .docx whose document part is `prefix`, the raw `bad` bytes, then `suffix`.
    func docx(_ prefix: String, _ bad: [UInt8], _ suffix: String) -> Data {
        var zip = ZipBuilder()
        zip.items.append(.init(name: "word/document.xml", data: Array(prefix.utf8) + bad + Array(suffix.utf8)))
        return zip.build()
    }

    func odt(_ prefix: String, _ bad: [UInt8], _ suffix: String) -> Data {
        let open = """
            <?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
            """
        var zip = ZipBuilder()
        zip.items.append(
            .init(
                name: "content.xml",
                data: Array((open + prefix).utf8) + bad
                    + Array((suffix + "</office:text></office:body></office:document-content>").utf8)))
        return zip.build()
    }

    @Test("a byte that is not UTF-8 in an element name of a .docx is a damaged-file error, not a trap")
    func docxInvalidElementName() {
        let data = docx(Self.wordOpen + "<w:p><w:r><w:t>Hello</w:t></w:r></w:p><w:b", [0xFF], "x/>" + Self.wordClose)
        expectReadError("not valid UTF-8") { () throws(DocumentReadError) in
            try reader.read(data: data, fileName: "a.docx")
        }
    }

    @Test("a byte that is not UTF-8 in an attribute name of a .docx is a damaged-file error, not a trap")
    func docxInvalidAttributeName() {
        let data = docx(Self.wordOpen + "<w:p a", [0xFE], #"="1"><w:r><w:t>Hello</w:t></w:r></w:p>"# + Self.wordClose)
        expectReadError("not valid UTF-8") { () throws(DocumentReadError) in
            try reader.read(data: data, fileName: "a.docx")
        }
    }

    @Test("a byte that is not UTF-8 in an element or attribute name of an .odt is a damaged-file error, not a trap")
    func odtInvalidNames() {
        let element = odt("<text:p>Hello<x", [0xC3], "/></text:p>")
        expectReadError("not valid UTF-8") { () throws(DocumentReadError) in
            try reader.read(data: element, fileName: "a.odt")
        }
        let attribute = odt("<text:p b", [0xE2, 0x82], #"="1">Hello</text:p>"#)
        expectReadError("not valid UTF-8") { () throws(DocumentReadError) in
            try reader.read(data: attribute, fileName: "a.odt")
        }
    }

    @Test("the same parts in valid UTF-8 (accented names and text) are read")
    func validUTF8NamesStillRead() throws {
        let data = docx(
            Self.wordOpen + "<w:p><w:r><w:t>Caf", [0xC3, 0xA9], "</w:t></w:r><w:bé/></w:p>" + Self.wordClose)
        #expect(paragraphs(try reader.read(data: data, fileName: "a.docx").text) == ["Café"])
        let odtData = odt(#"<text:p é="1">Na"#, [0xC3, 0xAF], "ve</text:p>")
        #expect(paragraphs(try reader.read(data: odtData, fileName: "a.odt").text) == ["Naïve"])
    }

    @Test("elements nested deeper than the limit are refused; nesting just inside it is read")
    func nestingDepth() throws {
        func nested(_ depth: Int) -> Data {
            // The document, body, paragraph and run take four levels; the rest are unknown wrapper elements.
            let wrappers = depth - 5
            let body =
                String(repeating: "<w:x>", count: wrappers) + "<w:p><w:r><w:t>Deep</w:t></w:r></w:p>"
                + String(repeating: "</w:x>", count: wrappers)
            return makeDocx(body: body)
        }
        do {
            #expect(paragraphs(try reader.read(data: nested(XMLSupport.maxDepth), fileName: "a.docx").text) == ["Deep"])
        } catch { Issue.record("\(error)") }
        expectReadError("nests elements more than") { () throws(DocumentReadError) in
            try reader.read(data: nested(XMLSupport.maxDepth + 1), fileName: "a.docx")
        }
    }

    @Test("a self-closed <tr/> is an empty row and the paragraphs after it are kept")
    func selfClosedTableRow() throws {
        let html = "<table><tr/><tr><td>A</td><td>B</td></tr></table><p>After the table.</p><p>Second.</p>"
        let document = try reader.read(data: Data(html.utf8), fileName: "a.html")
        #expect(paragraphs(document.text) == ["A | B", "After the table.", "Second."])
        let alone = "<p>Before.</p><tr/><p>After.</p>"
        #expect(paragraphs(try reader.read(data: Data(alone.utf8), fileName: "a.html").text) == ["Before.", "After."])
    }

    @Test("an open <tr> still collects its cells into one row")
    func openTableRowStillARow() throws {
        let html = "<table><tr><td>A</td><td>B<tr><td>C</td></table><p>After.</p>"
        let document = try reader.read(data: Data(html.utf8), fileName: "a.html")
        #expect(paragraphs(document.text) == ["A | B", "C", "After."])
    }
}

/// Found by the `docx-xml` fuzz target (Fuzz/): a processing instruction with no data, `<?headings?>`, made
/// Foundation's parser call strlen on a null pointer (a segmentation fault, not a Swift error).
@Suite("Regressions found by fuzzing")
struct FuzzFoundRegressionTests {
    let reader = DocumentReader()

    @Test("a processing instruction without data, before the root or inside the body, is no crash")
    func processingInstructionWithoutData() throws {
        var zip = ZipBuilder()
        zip.add(
            "word/document.xml",
            #"<?headings?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
                + "<w:p><?x?><w:r><w:t>Kept</w:t></w:r></w:p>" + RegressionTests.wordClose)
        #expect(paragraphs(try reader.read(data: zip.build(), fileName: "a.docx").text) == ["Kept"])
        var odt = ZipBuilder()
        odt.add(
            "content.xml",
            """
            <?xml version="1.0"?><?pi?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>Also <?y ?>kept</text:p>\
            </office:text></office:body></office:document-content>
            """)
        #expect(paragraphs(try reader.read(data: odt.build(), fileName: "a.odt").text) == ["Also kept"])
        var named = ZipBuilder()
        named.add(
            "word/document.xml",
            "<?xml?>" + RegressionTests.wordOpen + "<w:p><w:r><w:t>Named xml</w:t></w:r></w:p>"
                + RegressionTests.wordClose)
        // Both the instruction and the misplaced declaration after it are blanked, so the text is read.
        #expect(paragraphs(try reader.read(data: named.build(), fileName: "a.docx").text) == ["Named xml"])
    }

    @Test("only processing instructions are blanked: the declaration, comments and CDATA text stay as written")
    func blankingIsNarrow() {
        let xml = #"<?xml version="1.0"?><a><!-- <?c?> --><![CDATA[ <?d?> ]]><?e data?><?f?></a>"#
        let blanked = String(decoding: XMLSupport.blankingProcessingInstructions(Array(xml.utf8)), as: UTF8.self)
        #expect(
            blanked == #"<?xml version="1.0"?><a><!-- <?c?> --><![CDATA[ <?d?> ]]>"# + String(repeating: " ", count: 15)
                + "</a>")
        #expect(blanked.utf8.count == xml.utf8.count)
        // "<?xml?>" is an instruction named xml without data (found by fuzzing too), not a declaration; nor is a
        // declaration anywhere but at the start.
        #expect(XMLSupport.blankingProcessingInstructions(Array("<?xml?><a/>".utf8)) == Array("       <a/>".utf8))
        #expect(XMLSupport.blankingProcessingInstructions(Array("<a/><?xml v?>".utf8)) == Array("<a/>         ".utf8))
        // An unterminated instruction is blanked to the end; the parser then reports the missing end tag.
        #expect(XMLSupport.blankingProcessingInstructions(Array("<a><?x".utf8)) == Array("<a>   ".utf8))
    }
}
