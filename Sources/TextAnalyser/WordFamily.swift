import BinaryPacking

/// Word families: the key under which the analyser matches a concept's words, so that a concept listed
/// in one form ("personalisation") also matches its inflections and derivations ("personalising",
/// "personalised"). The key is the Porter2 stem of the Normaliser's folded form, with three tables on
/// top:
///
/// - false friends, words whose stem collides with a word of a different meaning in this field
///   ("marketing" is not "market", "customer" is not "custom", "promoter" in a Net Promoter Score is not
///   "promotion", "objective" is not "objection"): each gets a family of its own;
/// - derivations the rules cannot see ("loyalty" of "loyal", "retention" of "retain", "complaint" of
///   "complain", "satisfaction" of "satisfy");
/// - irregular verb forms ("bought", "sold", "spent").
///
/// Families are computed when a lexicon is compiled and once per distinct word of a text (the
/// tokeniser's word cache), never per occurrence.
public enum WordFamily {
    /// First byte of a family key in the vocabulary; no folded word starts with it.
    static let marker: UInt8 = 0x02

    /// The family key of a folded word (a Normaliser key), marker included.
    static func key(folded word: [UInt8]) -> [UInt8] {
        if let own = word.withUnsafeBufferPointer({ tableWords.lookup($0, $0.count) }) { return tableKeys[Int(own)] }
        return [marker] + Stemmer.stem(word)
    }

    /// The vocabulary id of the family of the folded word of `count` bytes at `p`, or -1: the tokeniser's
    /// look-up, with no hashing of arrays and one allocation for the stem.
    static func familyID(ofFolded p: UnsafeBufferPointer<UInt8>, _ count: Int, in vocabulary: Vocabulary) -> Int32 {
        if let own = tableWords.lookup(p, count) {
            return tableKeys[Int(own)].withUnsafeBufferPointer { vocabulary.lookup($0, $0.count) } ?? -1
        }
        let stem = Stemmer.stem(Array(UnsafeBufferPointer(rebasing: p[0..<count])))
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stem.count + 1) { key in
            key[0] = marker
            for (k, c) in stem.enumerated() { key[k + 1] = c }
            return vocabulary.lookup(UnsafeBufferPointer(key), stem.count + 1) ?? -1
        }
    }

    /// The family of a word as written ("Personalising" is "personaliz"), for tests and diagnostics.
    public static func family(of word: String) -> String {
        let key = key(folded: Normaliser.key(Array(word.utf8)))
        return String(decoding: key.dropFirst(), as: UTF8.self)
    }

    /// Words with a family of their own: their stem is shared with words of another meaning.
    private static let falseFriends: [(family: String, words: [String])] = [
        ("marketing", ["marketing", "marketer"]),  // market
        ("customer", ["customer"]),  // custom, customise
        ("person", ["person"]),  // personalise
        ("personal", ["personal", "personally"]),  // personalise
        ("production", ["production"]),  // product
        ("productive", ["productive", "productively", "productivity"]),  // product
        ("promoter", ["promoter"]),  // promotion
        ("procession", ["procession"]),  // process
        // experience
        ("experiment", ["experiment", "experimental", "experimentation", "experimenting", "experimented"]),
        ("objective", ["objective", "objectively"]),  // objection
        ("positive", ["positive", "positively", "positivity"]),  // position
        ("responsible", ["responsible", "responsibly", "responsibility"]),  // response
        ("relative", ["relative", "relatively"]),  // relation
        ("conversation", ["conversation", "conversational"]),  // conversion
        ("evident", ["evident", "evidently"]),  // evidence
        ("digit", ["digit"]),  // digital
        ("profitable", ["profitable", "profitably"]),  // profit: "profitable customers" are customer profitability
        ("manager", ["manager"]),  // management: a customer relationship manager is a person, not CRM
        ("object", ["object", "objects"]),  // objection: "objects in the database" raise no objection
        ("influence", ["influence", "influences", "influenced", "influencing"]),  // influencer (social media)
        ("position", ["position", "positions"]),  // positioning: "in a strong position" is not positioning
        ("retainer", ["retainer", "retainers"]),  // retention: a fee paid on retainer keeps no customer
    ]

    /// Words whose family is another word's: derivations the rules cannot see and irregular verb forms.
    private static let sameFamilyAs: [(base: String, words: [String])] = [
        ("loyal", ["loyalty"]),
        ("retain", ["retention"]),
        ("complain", ["complaint"]),
        ("satisfy", ["satisfaction"]),
        ("dissatisfy", ["dissatisfaction"]),
        ("analyse", ["analysis"]),
        ("buy", ["bought"]), ("sell", ["sold"]), ("spend", ["spent"]), ("keep", ["kept"]), ("pay", ["paid"]),
        ("make", ["made"]), ("build", ["built"]), ("grow", ["grew", "grown"]), ("give", ["gave", "given"]),
        ("take", ["took", "taken"]), ("bring", ["brought"]), ("think", ["thought"]), ("seek", ["sought"]),
        ("tell", ["told"]), ("feel", ["felt"]), ("choose", ["chose", "chosen"]), ("meet", ["met"]),
        ("rise", ["rose", "risen"]), ("fall", ["fell", "fallen"]), ("understand", ["understood"]),
        ("speak", ["spoke", "spoken"]), ("write", ["wrote", "written"]), ("know", ["knew", "known"]),
    ]

    /// The words of the two tables, by id into `tableKeys` (an open-addressing table, so a look-up hashes
    /// bytes without allocating).
    private static let tableWords: Vocabulary = {
        var words = Vocabulary()
        for (word, _) in tableEntries { _ = words.intern(word) }
        return words
    }()

    /// Per id of `tableWords`, the word's family key.
    private static let tableKeys: [[UInt8]] = tableEntries.map(\.key)

    /// Folded word to family key, for every word in the two tables.
    private static let table: [[UInt8]: [UInt8]] = {
        var table: [[UInt8]: [UInt8]] = [:]
        for (family, words) in falseFriends {
            let key = [marker] + Array("=\(family)".utf8)
            for w in words { table[Normaliser.key(Array(w.utf8))] = key }
        }
        for (base, words) in sameFamilyAs {
            let key = [marker] + Stemmer.stem(Normaliser.key(Array(base.utf8)))
            for w in words { table[Normaliser.key(Array(w.utf8))] = key }
        }
        return table
    }()
}

extension WordFamily {
    /// Every word of the tables with its family key, so a lexicon can tell which of them it uses.
    static let tableEntries: [(word: [UInt8], key: [UInt8])] = table.map { ($0.key, $0.value) }
}

/// Which words of a text might belong to a family a lexicon uses, judged by their first letters, so the
/// tokeniser stems only those. A stem keeps its word's first four letters (three, for a stem of three)
/// except where a y becomes i ("copy", "spy", "dying"), so a word is admitted when its first letters are
/// those of some family's stem; a stem of one or two letters admits the short words that start with it.
/// False positives only cost a look-up.
struct FamilyFilter: Sendable {
    private var four = [UInt64](repeating: 0, count: 1 << 16 / 64)
    private var three = [UInt64](repeating: 0, count: 1 << 15 / 64)
    private var short = [UInt64](repeating: 0, count: 1 << 10 / 64)

    @inline(__always) private static func letter(_ b: UInt8) -> Int { Int(b & 31) }

    @inline(__always) private static func fourIndex(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Int {
        (letter(a) << 15 | letter(b) << 10 | letter(c) << 5 | letter(d)) & 0xFFFF ^ letter(a) >> 1
    }

    @inline(__always) private static func threeIndex(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        letter(a) << 10 | letter(b) << 5 | letter(c)
    }

    @inline(__always) private static func shortIndex(_ a: UInt8, _ b: UInt8) -> Int { letter(a) << 5 | letter(b) }

    private static func set(_ bits: inout [UInt64], _ i: Int) { bits[i >> 6] |= 1 << UInt64(i & 63) }

    @inline(__always) private static func test(_ bits: [UInt64], _ i: Int) -> Bool {
        bits[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    /// Admits the words whose family stem is `stem`.
    mutating func admit(stem s: [UInt8]) {
        let i = UInt8(ascii: "i")
        let y = UInt8(ascii: "y")
        let e = UInt8(ascii: "e")
        switch s.count {
        case 0: return
        case 1, 2: Self.set(&short, Self.shortIndex(s[0], s.count == 2 ? s[1] : 0))
        case 3:
            Self.set(&three, Self.threeIndex(s[0], s[1], s[2]))
            if s[2] == i { Self.set(&three, Self.threeIndex(s[0], s[1], y)) }  // spy, spi
            if s[1] == i && s[2] == e { Self.set(&three, Self.threeIndex(s[0], y, i)) }  // dying, die
        default:
            Self.set(&four, Self.fourIndex(s[0], s[1], s[2], s[3]))
            if s[3] == i { Self.set(&four, Self.fourIndex(s[0], s[1], s[2], y)) }  // copy, copi
        }
    }

    /// Writes the three bit sets.
    func pack(into writer: inout ByteWriter) {
        writer.append(array: four)
        writer.append(array: three)
        writer.append(array: short)
    }

    /// Reads what `pack` wrote, or nil when a bit set is not the size the filter's indexes assume.
    static func unpack(from reader: inout ByteReader) -> FamilyFilter? {
        var filter = FamilyFilter()
        guard let four = reader.readArray(of: UInt64.self), four.count == filter.four.count,
            let three = reader.readArray(of: UInt64.self), three.count == filter.three.count,
            let short = reader.readArray(of: UInt64.self), short.count == filter.short.count
        else { return nil }
        filter.four = four
        filter.three = three
        filter.short = short
        return filter
    }

    /// Admits one word as written (a table word whose family the lexicon uses).
    mutating func admit(word: [UInt8]) { admit(stem: word) }

    /// Whether the folded word of `count` bytes at `p` may belong to an admitted family.
    @inline(__always) func mayMatch(_ p: UnsafeBufferPointer<UInt8>, _ count: Int) -> Bool {
        if count >= 4 && Self.test(four, Self.fourIndex(p[0], p[1], p[2], p[3])) { return true }
        if count >= 3 && Self.test(three, Self.threeIndex(p[0], p[1], p[2])) { return true }
        guard count >= 1 && count <= 7 else { return false }
        // A stem of one or two letters comes from the word itself or from it plus s, ed, ing or ly,
        // perhaps with its last letter doubled ("ups", "upped", "upping"): "into" and "only" need no stem.
        if count >= 3 {
            let third = p[2]
            guard
                third == UInt8(ascii: "s") || third == UInt8(ascii: "e") || third == UInt8(ascii: "i")
                    || third == p[1]
            else { return false }
        }
        return Self.test(short, Self.shortIndex(p[0], count >= 2 ? p[1] : 0))
    }
}
