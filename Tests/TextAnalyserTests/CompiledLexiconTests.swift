import BinaryPacking
import Foundation
import Testing

@testable import TextAnalyser

/// A compiled lexicon saved as bytes and read back must analyse exactly as the freshly compiled one, and
/// anything damaged or made for other terms must be refused rather than used.
@Suite struct CompiledLexiconTests {
    private static let terms: [TermDefinition] = testLexicon.terms
    private static let answer = """
        # Segmentation and the marketing mix
        Tesco segmented its customers and personalised offers, because customer lifetime value rose 12% after
        the loyalty programme. The ASA and the Consumer Rights Act 2015 apply. Price and place matter in the
        marketing mix; CRM is not just a software tool. After sales, the contact centre handles complaints.
        """

    /// Every finding with its position and flags, for comparing two analyses.
    private static func fingerprint(_ lexicon: Lexicon) -> [String] {
        let analysis = Analyser(lexicon: lexicon).analyse(SourceText(answer))
        return analysis.findings.map { "\($0)" }
    }

    @Test func readBackTablesAnalyseAsTheCompiledOnes() throws {
        let packed = testLexicon.packedTables()
        let read = try #require(Lexicon(terms: Self.terms, packedTables: packed))
        #expect(Self.fingerprint(read) == Self.fingerprint(testLexicon))
        #expect(read.packedTables().elementsEqual(packed))
        // The fingerprint must see terms: a lexicon with none finds none of them.
        #expect(Self.fingerprint(read) != Self.fingerprint(Lexicon(terms: [])))
    }

    @Test func everyTruncationAndManyCorruptionsAreRefused() {
        let packed = testLexicon.packedTables()
        for length in stride(from: 0, to: packed.count, by: max(1, packed.count / 97)) {
            #expect(Lexicon(terms: Self.terms, packedTables: Array(packed[..<length])) == nil)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var damaged = packed
            let at = Int.random(in: 0..<damaged.count, using: &generator)
            damaged[at] ^= UInt8.random(in: 1...255, using: &generator)
            #expect(Lexicon(terms: Self.terms, packedTables: damaged) == nil)
        }
    }

    @Test func tablesForOtherTermsAreRefusedWhenTheirEntriesDoNotFit() {
        // Entries name term indexes; read with fewer terms, some index has no term.
        let packed = testLexicon.packedTables()
        #expect(Lexicon(terms: Array(Self.terms.prefix(3)), packedTables: packed) == nil)
    }

    @Test func wellFormedButUnsoundTablesAreRefused() {
        // A table whose checksum is right but whose numbers point outside the vocabulary.
        var writer = ByteWriter(magic: Lexicon.tablesMagic)
        writer.append(array: [Int32(3)])  // one word of three bytes
        writer.append(array: Array("abc".utf8))
        writer.append(UInt8(0))
        for count in [1 << 16 / 64, 1 << 15 / 64, 1 << 10 / 64] {
            writer.append(array: [UInt64](repeating: 0, count: count))
        }
        writer.append(array: [Int32(0), 0, 0])  // two nodes, no entries
        writer.append(array: [Int32]())
        writer.append(array: [UInt64(0 << 32 | 7)])  // an edge keyed by word 7, which does not exist
        writer.append(array: [Int32(1)])
        writer.append(array: [UInt8(1)])
        writer.append(array: [UInt64(0)])
        writer.append(array: [Int32(-1)])
        #expect(Lexicon(terms: [], packedTables: writer.finished()) == nil)
    }

    @Test func theKeyFollowsTheWordingAndNothingElse() {
        let a = TermDefinition(id: "a", label: "A", variants: ["customer retention"])
        var relabelled = a
        relabelled.label = "Retention"
        relabelled.id = "retention"
        var reworded = a
        reworded.variants = ["customer retentions"]
        var exact = a
        exact.exactForm = true
        #expect(LexiconKey(terms: [a]) == LexiconKey(terms: [relabelled]))
        #expect(LexiconKey(terms: [a]) != LexiconKey(terms: [reworded]))
        #expect(LexiconKey(terms: [a]) != LexiconKey(terms: [exact]))
        #expect(LexiconKey(terms: [a, a]) != LexiconKey(terms: [a]))
    }

    /// A store in memory that records what was asked of it.
    private final class MemoryStore: CompiledLexiconStore, @unchecked Sendable {
        var saved: [LexiconKey: [UInt8]] = [:]
        var reads = 0
        func tables(for key: LexiconKey) -> [UInt8]? {
            reads += 1
            return saved[key]
        }
        func save(_ tables: [UInt8], for key: LexiconKey) { saved[key] = tables }
    }

    @Test func aStoreIsFilledOnceThenUsedAndADamagedEntryIsReplaced() throws {
        let store = MemoryStore()
        let first = Lexicon(terms: Self.terms, store: store)
        #expect(store.saved.count == 1)
        let key = LexiconKey(terms: Self.terms)
        let second = Lexicon(terms: Self.terms, store: store)
        #expect(Self.fingerprint(second) == Self.fingerprint(first))
        store.saved[key] = [1, 2, 3]
        let third = Lexicon(terms: Self.terms, store: store)
        #expect(Self.fingerprint(third) == Self.fingerprint(first))
        #expect(store.saved[key]?.elementsEqual(first.packedTables()) == true)
    }
}
