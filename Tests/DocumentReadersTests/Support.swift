import Foundation
import Testing

@testable import DocumentReaders

/// The fixtures folder next to this file (no bundle resources: Package.swift declares none).
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixture(_ name: String) throws -> Data {
    try Data(contentsOf: fixtures.appendingPathComponent(name))
}

/// Paragraphs of a reader's output, whitespace (including no-break spaces) normalised.
func paragraphs(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\u{00A0}", with: " ")
        .components(separatedBy: "\n\n")
        .map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        .filter { !$0.isEmpty }
}

/// Expects `body` to throw a DocumentReadError whose message contains `fragment`.
func expectReadError(
    _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws(DocumentReadError) -> ExtractedDocument
) {
    do {
        let document = try body()
        Issue.record(
            "expected an error containing \"\(fragment)\", got text: \(document.text.prefix(200))",
            sourceLocation: sourceLocation)
    } catch {
        #expect(error.message.contains(fragment), "message was: \(error.message)", sourceLocation: sourceLocation)
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    }
}

/// Builds ZIP archives in memory for structure tests.
struct ZipBuilder {
    struct Item {
        var name: String
        var data: [UInt8]
        var method: UInt16 = 0
        var flags: UInt16 = 0
        var uncompressedSize: Int? = nil
        var crc: UInt32? = nil
    }
    var items: [Item] = []

    mutating func add(_ name: String, _ text: String) {
        items.append(Item(name: name, data: Array(text.utf8)))
    }

    func build() -> Data {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: UInt32, _ a: inout [UInt8]) {
            for s in [0, 8, 16, 24] { a.append(UInt8((v >> UInt32(s)) & 0xFF)) }
        }
        for item in items {
            let offset = out.count
            let name = Array(item.name.utf8)
            let size = item.uncompressedSize ?? item.data.count
            let crc = item.crc ?? CRC32.checksum(item.data)
            u32(0x0403_4B50, &out)
            u16(20, &out)
            u16(Int(item.flags), &out)
            u16(Int(item.method), &out)
            u16(0, &out)
            u16(0, &out)
            u32(crc, &out)
            u32(UInt32(item.data.count), &out)
            u32(UInt32(size), &out)
            u16(name.count, &out)
            u16(0, &out)
            out += name
            out += item.data
            u32(0x0201_4B50, &central)
            u16(20, &central)
            u16(20, &central)
            u16(Int(item.flags), &central)
            u16(Int(item.method), &central)
            u16(0, &central)
            u16(0, &central)
            u32(crc, &central)
            u32(UInt32(item.data.count), &central)
            u32(UInt32(size), &central)
            u16(name.count, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u32(0, &central)
            u32(UInt32(offset), &central)
            central += name
        }
        let centralOffset = out.count
        out += central
        u32(0x0605_4B50, &out)
        u16(0, &out)
        u16(0, &out)
        u16(items.count, &out)
        u16(items.count, &out)
        u32(UInt32(central.count), &out)
        u32(UInt32(centralOffset), &out)
        u16(0, &out)
        return Data(out)
    }
}

/// A minimal .docx built from a body of WordprocessingML (for structure tests, not a substitute for the fixtures).
func makeDocx(body: String, styles: String? = nil, extra: [(String, String)] = []) -> Data {
    var zip = ZipBuilder()
    zip.add(
        "word/document.xml",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """)
    if let styles {
        zip.add(
            "word/styles.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\(styles)</w:styles>
            """)
    }
    for (name, text) in extra { zip.add(name, text) }
    return zip.build()
}

/// Writes Huffman codes into a raw DEFLATE stream, bit by bit (LSB first, codes MSB first).
struct BitWriter {
    var bytes: [UInt8] = []
    var bitCount = 0
    mutating func bit(_ b: Int) {
        if bitCount % 8 == 0 { bytes.append(0) }
        if b != 0 { bytes[bytes.count - 1] |= UInt8(1 << (bitCount % 8)) }
        bitCount += 1
    }
    mutating func bits(_ value: Int, _ n: Int) { for k in 0..<n { bit((value >> k) & 1) } }
    mutating func code(_ value: Int, _ n: Int) {
        for k in stride(from: n - 1, through: 0, by: -1) { bit((value >> k) & 1) }
    }
}

/// A fixed-Huffman DEFLATE stream of one "A" followed by `matches` copies of 258 bytes: tiny input, large output.
func deflateBomb(matches: Int) -> [UInt8] {
    var w = BitWriter()
    w.bits(1, 1)  // final block
    w.bits(1, 2)  // fixed Huffman
    w.code(0x30 + 0x41, 8)  // literal "A"
    for _ in 0..<matches {
        w.code(0xC0 + (285 - 280), 8)  // length 258
        w.code(0, 5)  // distance 1
    }
    w.code(0, 7)  // end of block
    return w.bytes
}
