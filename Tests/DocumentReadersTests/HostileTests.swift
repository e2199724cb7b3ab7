import Foundation
import Testing

@testable import DocumentReaders

@Suite("Hostile and broken files")
struct HostileTests {
    let reader = DocumentReader()

    @Test("a ZIP bomb stops at the decompression limit while inflating, even when its declared size lies")
    func zipBomb() throws {
        let stream = deflateBomb(matches: 4_000)  // about 6.5 KB in, 1 MB out
        let limits = ReadLimits(maxDecompressedBytes: 64 << 10)
        var zip = ZipBuilder()
        zip.items.append(.init(name: "word/document.xml", data: stream, method: 8, uncompressedSize: 100, crc: 0))
        let lying = zip.build()
        expectReadError("expands to more than 64 KB") { () throws(DocumentReadError) in
            try DocumentReader(limits: limits).read(data: lying, fileName: "bomb.docx")
        }
        var honest = ZipBuilder()
        honest.items.append(
            .init(name: "word/document.xml", data: stream, method: 8, uncompressedSize: 1 + 258 * 4_000))
        expectReadError("expands to more than") { () throws(DocumentReadError) in
            try DocumentReader(limits: limits).read(data: honest.build(), fileName: "bomb.docx")
        }
        // The raw inflater reports the limit rather than allocating past it.
        #expect(Inflate.inflate(stream, limit: 10_000) == .failure(.tooLarge))
        let full = try Inflate.inflate(stream, limit: 2 << 20).get()
        #expect(full.count == 1 + 258 * 4_000 && full.allSatisfy { $0 == 0x41 })
    }

    @Test("an entry with the encryption flag is password-protected")
    func encryptedFlag() {
        var zip = ZipBuilder()
        zip.items.append(.init(name: "word/document.xml", data: Array("garbled".utf8), flags: 1))
        expectReadError("password-protected") { () throws(DocumentReadError) in
            try reader.read(data: zip.build(), fileName: "essay.docx")
        }
    }

    @Test("an OLE compound file named .docx is password-protected or old .doc")
    func oleMagic() {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))
        expectReadError("password-protected or in the old .doc format") { () throws(DocumentReadError) in
            try reader.read(data: ole, fileName: "essay.docx")
        }
    }

    @Test("a PDF renamed to .docx is reported, not mis-read")
    func renamedPDF() throws {
        let pdf = try fixture("answer.pdf")
        expectReadError("is really a PDF") { () throws(DocumentReadError) in
            try reader.read(data: pdf, fileName: "essay.docx")
        }
        expectReadError("is really a PDF") { () throws(DocumentReadError) in
            try reader.read(data: pdf, fileName: "essay.txt")
        }
        let docx = try fixture("answer.docx")
        expectReadError("named .pdf") { () throws(DocumentReadError) in
            try reader.read(data: docx, fileName: "essay.pdf")
        }
    }

    @Test("truncated and corrupted archives give one clear error")
    func truncatedAndCorrupt() throws {
        let docx = try fixture("answer.docx")
        expectReadError("damaged") { () throws(DocumentReadError) in
            try reader.read(data: docx.prefix(docx.count / 2), fileName: "essay.docx")
        }
        // Flip bytes in the middle of the compressed main text: the inflater or the CRC must notice.
        var bytes = [UInt8](docx)
        let archive = try ZipArchive(bytes: bytes, limits: .default)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        #expect(entry.method == 8)
        let middle = entry.localHeaderOffset + 30 + entry.name.utf8.count + entry.compressedSize / 2
        for k in middle..<middle + 40 { bytes[k] ^= 0x5A }
        expectReadError("damaged") { () throws(DocumentReadError) in
            try reader.read(data: Data(bytes), fileName: "essay.docx")
        }
    }

    @Test("every truncation and random damage of a real .docx ends in a result or a DocumentReadError, never a crash")
    func fuzzDocx() throws {
        let original = [UInt8](try fixture("answer.docx"))
        for length in stride(from: 0, to: original.count, by: 131) {
            _ = try? reader.read(data: Data(original[0..<length]), fileName: "cut.docx")
        }
        var generator = SplitMix(seed: 42)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + Int(generator.next() % 8)) {
                let at = Int(generator.next() % UInt64(bytes.count))
                bytes[at] = UInt8(truncatingIfNeeded: generator.next())
            }
            _ = try? reader.read(data: Data(bytes), fileName: "fuzz.docx")
        }
        // Random bytes fed straight to the inflater.
        for _ in 0..<300 {
            let noise = (0..<Int(generator.next() % 2_000)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = Inflate.inflate(noise, limit: 1 << 20)
        }
    }

    @Test("malformed XML and DTDs inside a .docx are clear errors")
    func malformedXML() {
        expectReadError("not well-formed XML") { () throws(DocumentReadError) in
            try reader.read(data: makeDocx(body: "<w:p><w:r><w:t>unclosed</w:r></w:p>"), fileName: "essay.docx")
        }
        var zip = ZipBuilder()
        zip.add(
            "word/document.xml",
            """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>
            """)
        expectReadError("document type declaration") { () throws(DocumentReadError) in
            try reader.read(data: zip.build(), fileName: "essay.docx")
        }
    }

    @Test("documents without text say so", arguments: ["essay.docx", "essay.txt", "essay.html"])
    func emptyDocument(name: String) {
        let data: Data
        switch name {
        case "essay.docx": data = makeDocx(body: "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr></w:p><w:p/>")
        case "essay.txt": data = Data(" \n\r\n\t ".utf8)
        default:
            data = Data("<html><head><title>Essay</title></head><body><p> </p><script>x()</script></body></html>".utf8)
        }
        expectReadError("the document has no text") { () throws(DocumentReadError) in
            try reader.read(data: data, fileName: name)
        }
        expectReadError("the file is empty") { () throws(DocumentReadError) in
            try reader.read(data: Data(), fileName: name)
        }
    }

    @Test("binary noise is not text")
    func binaryNoise() {
        var generator = SplitMix(seed: 7)
        let noise = Data((0..<4_096).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        for name in ["essay.txt", "essay.md", "essay.html"] {
            expectReadError("does not contain text") { () throws(DocumentReadError) in
                try reader.read(data: noise, fileName: name)
            }
        }
        expectReadError("is really") { () throws(DocumentReadError) in
            try reader.read(data: noise, fileName: "essay.docx")
        }
        expectReadError("is really") { () throws(DocumentReadError) in
            try reader.read(data: noise, fileName: "essay.odt")
        }
        // Control characters without NUL bytes.
        let controls = Data((0..<1_000).map { UInt8(1 + $0 % 8) })
        expectReadError("does not contain text") { () throws(DocumentReadError) in
            try reader.read(data: controls, fileName: "essay.txt")
        }
    }

    @Test("oversized input is refused before it is read")
    func oversized() throws {
        let small = DocumentReader(limits: ReadLimits(maxInputBytes: 1_024))
        expectReadError("too large") { () throws(DocumentReadError) in
            try small.read(data: Data(repeating: 0x41, count: 1_025), fileName: "essay.txt")
        }
        expectReadError("too large") { () throws(DocumentReadError) in
            try small.read(contentsOf: fixtures.appendingPathComponent("answer.docx"))
        }
        #expect(
            try small.read(data: Data(repeating: 0x41, count: 1_024), fileName: "essay.txt").text.utf8.count == 1_024)
    }

    @Test("too many archive entries, unsupported methods, unknown extensions and missing files")
    func otherErrors() {
        var many = ZipBuilder()
        for k in 0..<20 { many.add("part\(k).xml", "<x/>") }
        expectReadError("more than a real document has") { () throws(DocumentReadError) in
            try DocumentReader(limits: ReadLimits(maxEntryCount: 10)).read(data: many.build(), fileName: "essay.docx")
        }
        var bzip = ZipBuilder()
        bzip.items.append(.init(name: "word/document.xml", data: [1, 2, 3], method: 12))
        expectReadError("compression method (12)") { () throws(DocumentReadError) in
            try reader.read(data: bzip.build(), fileName: "essay.docx")
        }
        var notWord = ZipBuilder()
        notWord.add("hello.txt", "hi")
        expectReadError("not a Word document") { () throws(DocumentReadError) in
            try reader.read(data: notWord.build(), fileName: "essay.docx")
        }
        expectReadError("cannot read .xyz files") { () throws(DocumentReadError) in
            try reader.read(data: Data("x".utf8), fileName: "essay.xyz")
        }
        expectReadError("old-style .doc") { () throws(DocumentReadError) in
            try reader.read(data: Data("x".utf8), fileName: "essay.doc")
        }
        expectReadError("does not exist") { () throws(DocumentReadError) in
            try reader.read(contentsOf: fixtures.appendingPathComponent("no-such-file.docx"))
        }
        // Messages never repeat the path: the caller adds it.
        do {
            _ = try reader.read(contentsOf: fixtures.appendingPathComponent("no-such-file.docx"))
        } catch {
            #expect(!error.message.contains("no-such-file"))
            #expect(error.description == error.message)
        }
    }
}

/// A small deterministic random generator for fuzzing.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
