import Foundation
import Testing

@testable import DocumentReaders

@Suite("Text encodings")
struct EncodingTests {
    let reader = DocumentReader()
    let sample = "Tesco’s Clubcard — £2.5m, 15% “loyal” customers…"

    @Test("UTF-8 without a byte-order mark is read with no note")
    func plainUTF8() throws {
        let document = try reader.read(data: Data(sample.utf8), fileName: "a.txt")
        #expect(document.text == sample)
        #expect(document.notes.isEmpty)
        #expect(document.format == .text)
    }

    @Test("UTF-8 with a byte-order mark drops the mark")
    func utf8BOM() throws {
        let document = try reader.read(data: Data([0xEF, 0xBB, 0xBF] + Array(sample.utf8)), fileName: "a.md")
        #expect(document.text == sample)
        #expect(document.format == .markdown)
    }

    @Test("UTF-16 little- and big-endian with byte-order marks", arguments: [true, false])
    func utf16(littleEndian: Bool) throws {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in (sample + "\r\nline two").utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        let document = try reader.read(data: Data(bytes), fileName: "a.txt")
        #expect(document.text == sample + "\r\nline two")
        #expect(
            document.notes == ["read as UTF-16 \(littleEndian ? "little" : "big")-endian (from its byte-order mark)"])
    }

    @Test("invalid UTF-8 is read as Windows-1252, with a note")
    func windows1252() throws {
        var bytes = Array("Tesco".utf8) + [0x92] + Array("s Clubcard ".utf8) + [0x97, 0x20, 0xA3] + Array("2.5m ".utf8)
        bytes += [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8E, 0x91, 0x93, 0x94, 0x95]
        bytes += [0x96, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9E, 0x9F, 0xE9]
        let document = try reader.read(data: Data(bytes), fileName: "a.txt")
        #expect(document.text == "Tesco’s Clubcard — £2.5m €‚ƒ„…†‡ˆ‰Š‹ŒŽ‘“”•–˜™š›œžŸé")
        #expect(document.notes == ["no byte-order mark and not valid UTF-8; read as Windows-1252"])
    }

    @Test("CRLF line ends are kept")
    func crlf() throws {
        let document = try reader.read(data: Data("# Task 1\r\n\r\nText.\r\n".utf8), fileName: "a.md")
        #expect(document.text == "# Task 1\r\n\r\nText.\r\n")
    }
}

@Suite("HTML")
struct HTMLTests {
    let reader = DocumentReader()

    func read(_ html: String) throws -> String {
        try reader.read(data: Data(html.utf8), fileName: "a.html").text
    }

    @Test("named, numeric and legacy entities are decoded")
    func entities() throws {
        let text = try read(
            "<p>a&nbsp;b &pound;2.5m Tesco&rsquo;s &mdash; &#8364;5 &#x20AC;6 &#X1F600; &amp;&lt;&gt;&quot;&apos; &#150; &copy 2024 &notin; &NotEqualTilde; &bogus; & x &#; &#0;</p>"
        )
        #expect(text == "a\u{A0}b £2.5m Tesco’s — €5 €6 😀 &<>\"' – © 2024 ∉ ≂̸ &bogus; & x &#; \u{FFFD}\n")
    }

    @Test("script, style, noscript, template, head and hidden elements are dropped")
    func hidden() throws {
        let html = """
            <!DOCTYPE html><html><head><title>Secret title</title><style>p { color: red }</style>
            <script>var s = "<p>not text</p>";</script></head>
            <body><!-- a comment <p>no</p> -->
            <h1>Task 1</h1><p>Visible one.</p>
            <noscript>Enable JS</noscript><template><p>template text</p></template>
            <div hidden><p>hidden attribute</p></div>
            <p aria-hidden="true">aria hidden</p>
            <span style="color: red; display : none">display none</span>
            <div style="visibility:hidden">invisible</div>
            <p>Visible <b>two</b><br>after break</p>
            <SCRIPT type="text/javascript">document.write("</p>")</SCRIPT>
            </body></html>
            """
        #expect(paragraphs(try read(html)) == ["# Task 1", "Visible one.", "Visible two", "after break"])
    }

    @Test("headings, lists, tables and unclosed tags")
    func structure() throws {
        let html = """
            <h2>Costs</h2><p>First<p>Second<ul><li>one<li>two <i>items</i></ul>
            <table><tr><th>Item<th>Year 1<tr><td>System cost<td>£2.5m</table>
            <div>Block a<div>nested</div>tail</div>5 &lt; 6 < 7
            """
        #expect(
            paragraphs(try read(html)) == [
                "## Costs", "First", "Second", "- one", "- two items", "Item | Year 1", "System cost | £2.5m",
                "Block a",
                "nested", "tail", "5 < 6 < 7",
            ])
    }

    @Test("Windows-1252 HTML gets the same note as text")
    func encodedHTML() throws {
        let bytes = Array("<p>Tesco".utf8) + [0x92] + Array("s</p>".utf8)
        let document = try reader.read(data: Data(bytes), fileName: "a.htm")
        #expect(document.text == "Tesco’s\n")
        #expect(document.notes == ["no byte-order mark and not valid UTF-8; read as Windows-1252"])
        #expect(document.paragraphStarts == [0])
    }
}
