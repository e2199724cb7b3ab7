import Foundation
import Testing

@testable import DocumentReaders

@Suite("ZIP and DEFLATE")
struct InflateTests {
    @Test("entries compressed by zlib (stored, fixed, dynamic, incompressible) round-trip and pass CRC-32")
    func realCompressor() throws {
        let answer = [UInt8](try fixture("answer.md"))
        var archive = try ZipArchive(bytes: [UInt8](try fixture("inflate-samples.zip")), limits: .default)
        #expect(
            archive.entries.map(\.name) == [
                "stored.txt", "short.txt", "long.txt", "fast.txt", "noise.bin", "mixed.bin",
            ])
        #expect(try archive.data(named: "stored.txt") == answer)
        #expect(try archive.data(named: "short.txt") == Array("Tesco Clubcard".utf8))
        let repeated = Array([[UInt8]](repeating: answer, count: 40).joined())
        #expect(try archive.data(named: "long.txt") == repeated)
        #expect(try archive.data(named: "fast.txt") == repeated)
        #expect(try archive.data(named: "noise.bin")?.count == 70_000)
        #expect(try archive.data(named: "mixed.bin")?.count == 5_000 + answer.count * 10 + 4_000)
        #expect(archive.entries.first { $0.name == "long.txt" }?.method == 8)
    }

    @Test("the decompression budget is shared by all entries of an archive")
    func sharedBudget() throws {
        let limits = ReadLimits(maxDecompressedBytes: 100_000)
        var archive = try ZipArchive(bytes: [UInt8](try fixture("inflate-samples.zip")), limits: limits)
        _ = try archive.data(named: "long.txt")  // about 88 KB
        #expect(throws: DocumentReadError.self) { _ = try archive.data(named: "fast.txt") }
    }

    @Test("CRC-32 matches the standard check value")
    func crc() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test("stored and hand-built fixed-Huffman blocks, and broken streams")
    func blocks() {
        // A stored block: BFINAL=1, BTYPE=00, then LEN / NLEN and the bytes.
        let stored: [UInt8] = [0x01, 0x05, 0x00, 0xFA, 0xFF] + Array("hello".utf8)
        #expect(Inflate.inflate(stored, limit: 100) == .success(Array("hello".utf8)))
        #expect(
            Inflate.inflate([0x01, 0x05, 0x00, 0xFA, 0xFE] + Array("hello".utf8), limit: 100) == .failure(.corrupt))
        #expect(Inflate.inflate(Array(stored.prefix(7)), limit: 100) == .failure(.corrupt))
        #expect(Inflate.inflate([0x07], limit: 100) == .failure(.corrupt))  // reserved block type 3
        #expect(Inflate.inflate([], limit: 100) == .failure(.corrupt))
        // A distance reaching before the start of the output.
        var w = BitWriter()
        w.bits(1, 1)
        w.bits(1, 2)
        w.code(0x30 + 0x41, 8)
        w.code(0xC0 + 5, 8)
        w.code(4, 5)  // length 258, distance 5 > 1 byte written
        w.code(0, 7)
        #expect(Inflate.inflate(w.bytes, limit: 1_000) == .failure(.corrupt))
    }
}
