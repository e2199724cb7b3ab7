import Foundation
import Testing

@testable import DocumentReaders

/// Word packages found through their relationships, drop caps, raised and lowered text, ZIP64 and `<meta charset>`:
/// what pandoc's test documents showed the readers lacked.
@Suite("Packages, drop caps, superscripts, ZIP64 and declared character sets")
struct PackageAndMarkupTests {
    let reader = DocumentReader()
    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    func wordPart(_ body: String) -> String {
        #"<?xml version="1.0"?><w:document \#(Self.w)><w:body>\#(body)</w:body></w:document>"#
    }

    func relationships(_ pairs: [(type: String, target: String)]) -> String {
        let items = pairs.enumerated().map { index, pair in
            #"<Relationship Id="rId\#(index)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\#(pair.type)" Target="\#(pair.target)"/>"#
        }
        return
            #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + items.joined() + "</Relationships>"
    }

    @Test("the main part is found through _rels/.rels, and its styles and notes through its own relationships")
    func mainPartFromRelationships() throws {
        var zip = ZipBuilder()
        zip.add("_rels/.rels", relationships([("officeDocument", "/content/main.xml")]))
        zip.add(
            "content/_rels/main.xml.rels", relationships([("styles", "look.xml"), ("footnotes", "../notes/fn.xml")]))
        zip.add(
            "content/main.xml",
            wordPart(#"<w:p><w:pPr><w:pStyle w:val="Big"/></w:pPr><w:r><w:t>Loyalty</w:t></w:r></w:p>"#))
        zip.add(
            "content/look.xml",
            #"<w:styles \#(Self.w)><w:style w:type="paragraph" w:styleId="Big"><w:name w:val="heading 2"/></w:style></w:styles>"#
        )
        zip.add(
            "notes/fn.xml",
            #"<w:footnotes \#(Self.w)><w:footnote w:id="1"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        )
        let document = try reader.read(data: zip.build(), fileName: "a.docx")
        #expect(paragraphs(document.text) == ["## Loyalty", "## Notes", "A note."])
    }

    @Test("without relationships the content types name the main part; with neither, word/document.xml is used")
    func mainPartFromContentTypes() throws {
        var zip = ZipBuilder()
        zip.add(
            "[Content_Types].xml",
            #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/doc/body.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
        )
        zip.add("doc/body.xml", wordPart("<w:p><w:r><w:t>Found by type</w:t></w:r></w:p>"))
        #expect(paragraphs(try reader.read(data: zip.build(), fileName: "a.docx").text) == ["Found by type"])

        var plain = ZipBuilder()
        plain.add("_rels/.rels", "not XML at all <")
        plain.add("word/document.xml", wordPart("<w:p><w:r><w:t>Conventional</w:t></w:r></w:p>"))
        #expect(paragraphs(try reader.read(data: plain.build(), fileName: "a.docx").text) == ["Conventional"])
    }

    @Test("a relationship that climbs out of the package or points at nothing is ignored")
    func badTargets() {
        #expect(OfficeRelationships.resolve("../../x.xml", from: "word/") == nil)
        #expect(OfficeRelationships.resolve("../x.xml", from: "word/") == "x.xml")
        #expect(OfficeRelationships.resolve("/word/a%20b.xml", from: "other/") == "word/a b.xml")
        var zip = ZipBuilder()
        zip.add("_rels/.rels", relationships([("officeDocument", "missing.xml")]))
        zip.add("notes.txt", "no Word part here")
        expectReadError("not a Word document") { () throws(DocumentReadError) in
            try reader.read(data: zip.build(), fileName: "a.docx")
        }
    }

    @Test("a drop cap joins the word it begins; an ordinary one-letter paragraph stays a paragraph")
    func dropCap() throws {
        let framed = #"<w:p><w:pPr><w:framePr w:dropCap="drop" w:lines="3"/></w:pPr><w:r><w:t>T</w:t></w:r></w:p>"#
        let rest = "<w:p><w:r><w:t>he market grew.</w:t></w:r></w:p>"
        #expect(
            paragraphs(try reader.read(data: makeDocx(body: framed + rest), fileName: "a.docx").text) == [
                "The market grew."
            ])
        let unframed = "<w:p><w:r><w:t>T</w:t></w:r></w:p>"
        #expect(
            paragraphs(try reader.read(data: makeDocx(body: unframed + rest), fileName: "a.docx").text) == [
                "T", "he market grew.",
            ])
        // A drop cap with nothing after it is still read.
        #expect(paragraphs(try reader.read(data: makeDocx(body: framed), fileName: "a.docx").text) == ["T"])
    }

    func run(_ text: String, _ align: String?) -> String {
        let properties = align.map { #"<w:rPr><w:vertAlign w:val="\#($0)"/></w:rPr>"# } ?? ""
        return "<w:r>\(properties)<w:t>\(text)</w:t></w:r>"
    }

    @Test("raised and lowered digits keep their meaning in Word (m², CO₂); other raised text stays as written")
    func docxScripts() throws {
        let body =
            "<w:p>" + run("A 40 m", nil) + run("2", "superscript") + run(" shop emits CO", nil) + run("2", "subscript")
            + run(" on the 1", nil) + run("st", "superscript") + run(" floor, x", nil) + run("2", "baseline") + "</w:p>"
        let text = try reader.read(data: makeDocx(body: body), fileName: "a.docx").text
        #expect(paragraphs(text) == ["A 40 m² shop emits CO₂ on the 1st floor, x2"])
    }

    @Test("raised and lowered digits keep their meaning in OpenDocument, by automatic text style")
    func odtScripts() throws {
        let content = """
            <?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
            xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"><office:automatic-styles>\
            <style:style style:name="T1" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>\
            <style:style style:name="T2" style:family="text"><style:text-properties style:text-position="-33% 58%"/></style:style>\
            <style:style style:name="T3" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>\
            </office:automatic-styles><office:body><office:text><text:p>40 m<text:span text:style-name="T1">2</text:span> and \
            CO<text:span text:style-name="T2">2</text:span> and <text:span text:style-name="T3">2</text:span> and \
            1<text:span text:style-name="T1">st</text:span></text:p></office:text></office:body></office:document-content>
            """
        var zip = ZipBuilder()
        zip.add("content.xml", content)
        #expect(
            paragraphs(try reader.read(data: zip.build(), fileName: "a.odt").text) == ["40 m² and CO₂ and 2 and 1st"])
    }

    @Test("a ZIP64 archive (sizes and offsets in the ZIP64 records) is read; a broken ZIP64 locator is damage")
    func zip64() throws {
        let document = Array(wordPart("<w:p><w:r><w:t>Sixty-four</w:t></w:r></w:p>").utf8)
        let archive = Zip64Builder.build(name: "word/document.xml", data: document)
        #expect(paragraphs(try reader.read(data: Data(archive), fileName: "a.docx").text) == ["Sixty-four"])
        var broken = archive
        broken[broken.count - 22 - 20] = 0  // the locator's signature
        expectReadError("damaged") { () throws(DocumentReadError) in
            try reader.read(data: Data(broken), fileName: "a.docx")
        }
        var huge = archive
        let offsetField = huge.count - 22 - 20 - 56 + 48  // the ZIP64 record's directory offset
        for k in 0..<8 { huge[offsetField + k] = 0xFF }
        expectReadError("damaged") { () throws(DocumentReadError) in
            try reader.read(data: Data(huge), fileName: "a.docx")
        }
    }

    @Test("<meta charset> decides how bytes that are not UTF-8 are read; valid UTF-8 and a byte-order mark still win")
    func metaCharset() throws {
        func html(_ meta: String, _ body: [UInt8]) -> Data {
            Data(Array("<html><head>\(meta)</head><body><p>".utf8) + body + Array("</p></body></html>".utf8))
        }
        // "Łódź" in ISO-8859-2 is not valid UTF-8 and not Windows-1252 text.
        let latin2: [UInt8] = [0xA3, 0xF3, 0x64, 0xBC]
        let declared = try reader.read(data: html(#"<meta charset="iso-8859-2">"#, latin2), fileName: "a.html")
        #expect(paragraphs(declared.text) == ["Łódź"])
        #expect(declared.notes.contains { $0.contains("iso-8859-2") })
        let httpEquiv = try reader.read(
            data: html(#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-2">"#, latin2),
            fileName: "a.html")
        #expect(paragraphs(httpEquiv.text) == ["Łódź"])
        let undeclared = try reader.read(data: html("", latin2), fileName: "a.html")
        #expect(paragraphs(undeclared.text) != ["Łódź"])
        #expect(undeclared.notes.contains { $0.contains("Windows-1252") })
        // Valid UTF-8 under an old declaration is read as UTF-8.
        let utf8 = try reader.read(
            data: html(#"<meta charset="windows-1252">"#, Array("Café".utf8)), fileName: "a.html")
        #expect(paragraphs(utf8.text) == ["Café"] && utf8.notes.isEmpty)
        // An unknown character set is named in the note.
        let unknown = try reader.read(data: html(#"<meta charset="x-klingon">"#, [0xE9]), fileName: "a.html")
        #expect(unknown.notes.contains { $0.contains("x-klingon") })
        #expect(HTMLReader.declaredCharset(Array("<p>charset=utf-8</p>".utf8)) == nil)
    }
}

/// A one-entry ZIP64 archive: the central directory marks sizes and offset as 0xFFFFFFFF and gives them in a
/// ZIP64 extra field; the end record defers to a ZIP64 end record found through its locator.
enum Zip64Builder {
    static func build(name: String, data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        func u16(_ v: Int) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32) { for s in stride(from: 0, to: 32, by: 8) { out.append(UInt8(v >> UInt32(s) & 0xFF)) } }
        func u64(_ v: UInt64) { for s in stride(from: 0, to: 64, by: 8) { out.append(UInt8(v >> UInt64(s) & 0xFF)) } }
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(data)
        u32(0x0403_4B50)
        u16(45)
        u16(0)
        u16(0)
        u16(0)
        u16(0)
        u32(crc)
        u32(0xFFFF_FFFF)
        u32(0xFFFF_FFFF)
        u16(nameBytes.count)
        u16(20)
        out += nameBytes
        u16(1)
        u16(16)
        u64(UInt64(data.count))
        u64(UInt64(data.count))
        out += data
        let directory = out.count
        u32(0x0201_4B50)
        u16(45)
        u16(45)
        u16(0)
        u16(0)
        u16(0)
        u16(0)
        u32(crc)
        u32(0xFFFF_FFFF)
        u32(0xFFFF_FFFF)
        u16(nameBytes.count)
        u16(28)
        u16(0)
        u16(0)
        u16(0)
        u32(0)
        u32(0xFFFF_FFFF)
        out += nameBytes
        u16(1)
        u16(24)
        u64(UInt64(data.count))
        u64(UInt64(data.count))
        u64(0)
        let directorySize = out.count - directory
        let record = out.count
        u32(0x0606_4B50)
        u64(44)
        u16(45)
        u16(45)
        u32(0)
        u32(0)
        u64(1)
        u64(1)
        u64(UInt64(directorySize))
        u64(UInt64(directory))
        u32(0x0706_4B50)
        u32(0)
        u64(UInt64(record))
        u32(1)
        u32(0x0605_4B50)
        u16(0)
        u16(0)
        u16(0xFFFF)
        u16(0xFFFF)
        u32(0xFFFF_FFFF)
        u32(0xFFFF_FFFF)
        u16(0)
        return out
    }
}
