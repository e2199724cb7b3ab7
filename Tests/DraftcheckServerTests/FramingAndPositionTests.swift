import JSONRPC
import LanguageServerProtocol
import Testing

@Suite("Content-Length framing")
struct FramingTests {
    private let first = Array(#"{"jsonrpc":"2.0","method":"a"}"#.utf8)
    private let second = Array(#"{"jsonrpc":"2.0","method":"b","params":{"t":"é😀"}}"#.utf8)

    private func frames(_ chunks: [[UInt8]]) -> [MessageFramer.Frame] {
        var framer = MessageFramer()
        var out: [MessageFramer.Frame] = []
        for chunk in chunks {
            framer.append(chunk)
            while let f = framer.next() { out.append(f) }
        }
        return out
    }

    @Test("A message split into single bytes comes out whole, once")
    func split() {
        let bytes = MessageFramer.frame(second)
        #expect(frames(bytes.map { [$0] }) == [.message(second)])
    }

    @Test("Two messages joined in one read come out as two, in order")
    func joined() {
        #expect(
            frames([MessageFramer.frame(first) + MessageFramer.frame(second)]) == [.message(first), .message(second)])
    }

    @Test("An incomplete body waits for the rest")
    func incomplete() {
        var framer = MessageFramer()
        let bytes = MessageFramer.frame(first)
        framer.append(bytes.dropLast(3))
        #expect(framer.next() == nil)
        framer.append(bytes.suffix(3))
        #expect(framer.next() == .message(first))
    }

    @Test("Header names are case-insensitive and other headers are allowed")
    func headers() {
        let header = Array(
            "content-length: \(first.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n".utf8)
        #expect(frames([header + first]) == [.message(first)])
    }

    @Test("A header without a usable Content-Length is reported and skipped; the next message still arrives")
    func badHeader() {
        let bad = Array("Content-Type: x\r\n\r\n".utf8)
        let negative = Array("Content-Length: -4\r\n\r\n".utf8)
        let result = frames([bad + negative + MessageFramer.frame(first)])
        #expect(result.count == 3)
        if case .badHeader = result[0] {} else { Issue.record("expected a bad header first, got \(result[0])") }
        if case .badHeader = result[1] {} else { Issue.record("expected a second bad header, got \(result[1])") }
        #expect(result[2] == .message(first))
    }
}

@Suite("Positions in UTF-16 and UTF-8")
struct PositionTests {
    // "é" is 2 UTF-8 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units (a surrogate pair).
    private let text = DocumentText("café 😀 naïve\r\nsecond line\rthird\nlast")

    @Test("Offsets and positions agree in both encodings on accents and emoji")
    func roundTrip() {
        // The "n" of "naïve": UTF-16 c,a,f,é,space,😀(2),space = 8; UTF-8 c,a,f,é(2),space,😀(4),space = 11.
        let n = Array(text.bytes).firstIndex(of: UInt8(ascii: "n"))!
        #expect(text.position(ofOffset: n, encoding: .utf16) == Position(line: 0, character: 8))
        #expect(text.position(ofOffset: n, encoding: .utf8) == Position(line: 0, character: 11))
        #expect(text.offset(of: Position(line: 0, character: 8), encoding: .utf16) == n)
        #expect(text.offset(of: Position(line: 0, character: 11), encoding: .utf8) == n)
        // After "naï" ("ï" is 2 bytes, 1 unit).
        #expect(text.position(ofOffset: n + 4, encoding: .utf16) == Position(line: 0, character: 11))
        #expect(text.position(ofOffset: n + 4, encoding: .utf8) == Position(line: 0, character: 15))
    }

    @Test("A position inside the emoji's surrogate pair or its UTF-8 bytes rounds down to its start")
    func insideCharacter() {
        let emoji = 6  // c a f é(2) space
        #expect(text.offset(of: Position(line: 0, character: 6), encoding: .utf16) == emoji)
        #expect(text.offset(of: Position(line: 0, character: 7), encoding: .utf8) == emoji)
        #expect(text.offset(of: Position(line: 0, character: 7), encoding: .utf16) == emoji + 4)
    }

    @Test(
        "Lines end at CRLF, CR and LF; a character past the line's end means its end; a line past the end means the end"
    )
    func lineEnds() {
        #expect(text.lineCount == 4)
        let second = text.offset(of: Position(line: 1, character: 0), encoding: .utf16)
        #expect(text.string.utf8.dropFirst(second).starts(with: "second".utf8))
        let third = text.offset(of: Position(line: 2, character: 0), encoding: .utf16)
        #expect(text.string.utf8.dropFirst(third).starts(with: "third".utf8))
        let endOfFirst = text.offset(of: Position(line: 0, character: 99), encoding: .utf16)
        #expect(text.bytes[endOfFirst] == 0x0D)
        #expect(text.offset(of: Position(line: 9, character: 0), encoding: .utf16) == text.bytes.count)
    }

    @Test("The encoding is UTF-8 only when the client offers it")
    func negotiation() {
        #expect(PositionEncoding.negotiate(offered: []) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-32", "utf-16"]) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-8"]) == .utf8)
    }
}

@Suite("Incremental edits")
struct EditTests {
    private func edited(_ start: String, _ changes: [TextChange], _ encoding: PositionEncoding = .utf16) -> String {
        var text = DocumentText(start)
        for c in changes { text.apply(c, encoding: encoding) }
        return text.string
    }

    private func change(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int, _ text: String) -> TextChange {
        TextChange(
            range: PositionRange(start: Position(line: l1, character: c1), end: Position(line: l2, character: c2)),
            text: text)
    }

    @Test("Insert after an emoji counts its two UTF-16 units, or its four UTF-8 bytes")
    func insert() {
        #expect(edited("😀x\nb", [change(0, 2, 0, 2, "é")]) == "😀éx\nb")
        #expect(edited("😀x\nb", [change(0, 4, 0, 4, "é")], .utf8) == "😀éx\nb")
    }

    @Test("Delete across a line break joins the lines")
    func delete() {
        #expect(edited("first line\nsecond line", [change(0, 5, 1, 6, "")]) == "first line")
    }

    @Test("Replace across lines, then a change that depends on the first (applied in order)")
    func replaceInOrder() {
        let result = edited("a naïve\nb\nc café", [change(0, 2, 2, 2, "new\ntext "), change(1, 0, 1, 4, "TEXT")])
        #expect(result == "a new\nTEXT café")
    }

    @Test("A change without a range replaces the whole text")
    func full() {
        #expect(edited("old", [TextChange(range: nil, text: "new\ntext")]) == "new\ntext")
    }
}
