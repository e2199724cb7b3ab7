import BinaryPacking

/// Keeps compiled lexicon tables between runs, so that a command-line check does not compile the same
/// rubric's lexicon again (compiling is most of a short check's work). The command line keeps them in its
/// cache folder; the language server keeps the compiled rubric in memory instead.
public protocol CompiledLexiconStore: Sendable {
    /// The tables saved under `key`, if any. They are checked before use; anything unusable is ignored.
    func tables(for key: LexiconKey) -> [UInt8]?
    /// Saves tables under `key`.
    func save(_ tables: [UInt8], for key: LexiconKey)
}

/// A 128-bit fingerprint of everything compiling a lexicon reads from its terms (each term's variants, its
/// exact-case variants and whether it matches word families, in order) and of the table format. It does not
/// cover the analyser's code (its cue phrases, stemmer and tables): a store must add its own notion of the
/// code's version, such as the executable's identity.
public struct LexiconKey: Hashable, Sendable, CustomStringConvertible {
    /// The two halves.
    public let high: UInt64, low: UInt64

    /// The key of a list of terms.
    public init(terms: [TermDefinition]) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x9E37_79B9_7F4A_7C15
        func feed(_ byte: UInt8) {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0xff51_afd7_ed55_8ccd
            b = b << 29 | b >> 35
        }
        func feed(_ text: String, end: UInt8) {
            for byte in text.utf8 { feed(byte) }
            feed(end)
        }
        feed(Lexicon.tablesMagic, end: 0xFF)
        for term in terms {
            feed(term.matchesFamilies ? 0xF1 : 0xF0)
            for v in term.variants { feed(v, end: 0xFE) }
            feed(0xFD)
            for v in term.exactCaseVariants { feed(v, end: 0xFE) }
            feed(0xFC)
        }
        high = a ^ UInt64(terms.count)
        low = b
    }

    /// A key from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// 32 hexadecimal digits, usable as a file name.
    public var description: String {
        let h = String(high, radix: 16)
        let l = String(low, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h + String(repeating: "0", count: 16 - l.count) + l
    }
}

extension Lexicon {
    /// Names the table format; change it whenever `packedTables` changes what it writes.
    static let tablesMagic = "draftcheck-lexicon-tables-1"

    /// Compiles terms, or takes the tables `store` saved for the same wording when they are sound, saving
    /// freshly compiled ones for next time.
    public init(terms: [TermDefinition], store: CompiledLexiconStore?) {
        guard let store else {
            self.init(terms: terms)
            return
        }
        let key = LexiconKey(terms: terms)
        if let saved = store.tables(for: key), let lexicon = Lexicon(terms: terms, packedTables: saved) {
            self = lexicon
            return
        }
        self.init(terms: terms)
        store.save(packedTables(), for: key)
    }

    /// The compiled tables as bytes that `init(terms:packedTables:)` reads back.
    public func packedTables() -> [UInt8] {
        var writer = ByteWriter(magic: Self.tablesMagic)
        vocabulary.pack(into: &writer)
        writer.append(array: terminalOffsets)
        writer.append(array: terminalEntries)
        transitions.pack(into: &writer)
        writer.append(array: startsPhrase.map { UInt8($0 ? 1 : 0) })
        writer.append(array: wordCues)
        writer.append(array: families)
        return writer.finished()
    }

    /// A lexicon over `terms` with tables read from `packedTables`, or nil when the bytes are damaged or do not
    /// fit these terms (an entry naming a term or cue that does not exist, a table of the wrong length, a node
    /// or word id out of range): the analyser indexes with these numbers unchecked, so they are checked here.
    public init?(terms: [TermDefinition], packedTables bytes: [UInt8]) {
        guard var reader = ByteReader(bytes, magic: Self.tablesMagic),
            let vocabulary = Vocabulary.unpack(from: &reader)
        else { return nil }
        let words = vocabulary.count
        guard let offsets = reader.readArray(of: Int32.self), let entries = reader.readArray(of: Int32.self),
            Self.offsetsAreSound(offsets, entries: entries.count),
            entries.allSatisfy({ Self.entryIsSound($0, terms: terms.count) }),
            let transitions = TransitionTable.unpack(from: &reader, nodes: offsets.count - 1, words: words),
            let starts = reader.readArray(of: UInt8.self), let cues = reader.readArray(of: UInt64.self),
            let families = reader.readArray(of: Int32.self), reader.isAtEnd,
            starts.count == words, starts.allSatisfy({ $0 <= 1 }), cues.count == words, families.count == words,
            families.allSatisfy({ $0 >= -1 && Int($0) < words })
        else { return nil }
        self.init(
            terms: terms,
            tables: Tables(
                vocabulary: vocabulary, transitions: transitions, terminalOffsets: offsets, terminalEntries: entries,
                startsPhrase: starts.map { $0 == 1 }, wordCues: cues, families: families))
    }

    /// Offsets start at 0, never decrease and end at the entry count, with at least the root node.
    private static func offsetsAreSound(_ offsets: [Int32], entries: Int) -> Bool {
        guard offsets.count >= 2, offsets.first == 0, offsets.last == Int32(clamping: entries) else { return false }
        return zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 }
    }

    /// A term index below `terms`, or a cue the analyser knows.
    private static func entryIsSound(_ entry: Int32, terms: Int) -> Bool {
        entry >= 0 ? Int(entry) < terms : entry != Int32.min && Cue(rawValue: -entry - 1) != nil
    }
}
