/// The Porter2 (Snowball English) stemmer, written from the published description of the algorithm
/// (snowballstem.org/algorithms/english/stemmer.html, current revision with the extended list of
/// region prefixes). It works on lower-case ASCII bytes, the form the Normaliser's keys are in; any
/// other byte counts as a consonant.
///
/// A stem is a key, not a word: "relational", "relate" and "relation" all become "relat". The
/// analyser never shows it to anyone; `WordFamily` decides which words may share one.
public enum Stemmer {
    /// The stem of a lower-case word.
    public static func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }

    /// The stem of a lower-case word given as bytes.
    public static func stem(_ word: [UInt8]) -> [UInt8] {
        guard word.count >= 3 else { return word }
        // Every exception has four to six letters; most words skip the table.
        if word.count <= 6, let fixed = invariantForms[word] { return fixed }
        var w = StemmedWord(word)
        w.run()
        return w.result
    }

    /// Words the rules would get wrong, with their stems (the algorithm's own exception list).
    private static let invariantForms: [[UInt8]: [UInt8]] = {
        let pairs: [(String, String)] = [
            ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"),
            ("early", "earli"), ("only", "onli"), ("singly", "singl"), ("sky", "sky"), ("news", "news"),
            ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
        ]
        var table: [[UInt8]: [UInt8]] = [:]
        for (word, stem) in pairs { table[Array(word.utf8)] = Array(stem.utf8) }
        return table
    }()
}

/// One word being stemmed: its bytes and the starts of its regions R1 and R2.
private struct StemmedWord {
    var b: [UInt8]
    var r1 = 0
    var r2 = 0
    /// Whether a y was marked as a consonant (written Y) and must be turned back at the end.
    var markedY = false

    init(_ word: [UInt8]) { b = word }

    var result: [UInt8] {
        guard markedY else { return b }
        return b.map { $0 == Ascii.upperY ? Ascii.y : $0 }
    }

    mutating func run() {
        prelude()
        markRegions()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
    }

    // MARK: Letters and regions

    private func isVowel(_ c: UInt8) -> Bool {
        c == Ascii.a || c == Ascii.e || c == Ascii.i || c == Ascii.o || c == Ascii.u || c == Ascii.y
    }

    private func isVowel(at i: Int) -> Bool { isVowel(b[i]) }

    /// A leading apostrophe goes; a y that starts the word or follows a vowel is a consonant (Y).
    private mutating func prelude() {
        if b.first == Ascii.apostrophe { b.removeFirst() }
        for i in b.indices where b[i] == Ascii.y && (i == 0 || isVowel(at: i - 1)) {
            b[i] = Ascii.upperY
            markedY = true
        }
    }

    /// The position just past the first consonant that follows a vowel, from `start`, or the word's end.
    private func regionStart(from start: Int) -> Int {
        var i = start
        while i < b.count && !isVowel(at: i) { i += 1 }
        while i < b.count && isVowel(at: i) { i += 1 }
        return min(i + 1, b.count)
    }

    private mutating func markRegions() {
        let head = Packed.head(of: b, 0..<b.count)
        if let prefix = Suffix.regionPrefixes.first(where: { $0.count <= b.count && head & $0.mask == $0.bits }) {
            r1 = prefix.count
        } else {
            r1 = regionStart(from: 0)
        }
        r2 = regionStart(from: r1)
    }

    // MARK: Suffix helpers

    /// The word's last (up to) eight bytes, the last one lowest, for comparing with packed suffixes.
    private var tail: UInt64 {
        var t: UInt64 = 0
        var k = b.count - 1
        var shift: UInt64 = 0
        while k >= 0 && shift < 64 {
            t |= UInt64(b[k]) << shift
            k -= 1
            shift += 8
        }
        return t
    }

    private func ends(with s: Packed) -> Bool { s.count <= b.count && tail & s.mask == s.bits }

    /// The index of the longest of `suffixes` the word ends with.
    private func longest(_ suffixes: [Packed]) -> Int? {
        let t = tail
        let n = b.count
        return suffixes.withUnsafeBufferPointer { p in
            var best: Int?
            var bestCount = 0
            // The masked compare fails first for nearly every suffix; a suffix longer than the word cannot
            // pass it (the word's missing bytes are zero), the count test only keeps that explicit.
            for i in 0..<p.count where t & p[i].mask == p[i].bits && p[i].count > bestCount && p[i].count <= n {
                best = i
                bestCount = p[i].count
            }
            return best
        }
    }

    private mutating func replace(_ count: Int, with s: [UInt8]) {
        b.removeLast(count)
        b.append(contentsOf: s)
    }

    /// Whether the word's first `count` bytes are one of `words`.
    private func starts(_ count: Int, isOneOf words: [Packed]) -> Bool {
        let head = Packed.head(of: b, 0..<count)
        return words.contains { $0.count == count && head == $0.bits }
    }

    private func containsVowel(_ range: Range<Int>) -> Bool { range.contains { isVowel(at: $0) } }

    /// A short syllable ending at `end`: consonant, vowel, consonant other than w, x or Y; or a vowel
    /// and a consonant opening the word; or "past".
    private func endsInShortSyllable(_ end: Int) -> Bool {
        if end >= 3 && !isVowel(at: end - 3) && isVowel(at: end - 2) && !isVowel(at: end - 1) {
            let last = b[end - 1]
            if last != Ascii.w && last != Ascii.x && last != Ascii.upperY { return true }
        }
        if end == 2 && isVowel(at: 0) && !isVowel(at: 1) { return true }
        return end >= 4 && b[end - 4] == Ascii.p && b[end - 3] == Ascii.a && b[end - 2] == Ascii.s
            && b[end - 1] == Ascii.t
    }

    // MARK: Steps

    /// Plurals: sses, ied/ies, s.
    private mutating func step1a() {
        if let i = longest(Suffix.apostrophes) { b.removeLast(Suffix.apostrophes[i].count) }
        if ends(with: Suffix.sses) {
            b.removeLast(2)
        } else if ends(with: Suffix.ied) || ends(with: Suffix.ies) {
            replace(3, with: b.count > 4 ? [Ascii.i] : [Ascii.i, Ascii.e])
        } else if ends(with: Suffix.us) || ends(with: Suffix.ss) {
            return
        } else if b.last == Ascii.s && b.count >= 3 && containsVowel(0..<(b.count - 2)) {
            b.removeLast()
        }
    }

    /// Past tenses, participles and their adverbs: eed, ed, ing and their -ly forms.
    private mutating func step1b() {
        guard let index = longest(Suffix.step1b) else { return }
        let suffix = Suffix.step1b[index]
        let base = b.count - suffix.count
        if suffix == Suffix.eed || suffix == Suffix.eedly {
            if base >= r1 && !starts(base, isOneOf: Suffix.keepsEed) {
                replace(suffix.count, with: [Ascii.e, Ascii.e])
            }
            return
        }
        if suffix == Suffix.ing {
            // dying, lying, tying, vying
            if base == 2 && b[1] == Ascii.y && !isVowel(at: 0) {
                replace(4, with: [Ascii.i, Ascii.e])
                return
            }
            if starts(base, isOneOf: Suffix.keepsIng) { return }
        }
        guard containsVowel(0..<base) else { return }
        b.removeLast(suffix.count)
        if ends(with: Suffix.at) || ends(with: Suffix.bl) || ends(with: Suffix.iz) {
            b.append(Ascii.e)
        } else if let last = b.last, b.count >= 2, b[b.count - 2] == last, Suffix.isDoubled(last) {
            let isWholeShortWord = b.count == 3 && (b[0] == Ascii.a || b[0] == Ascii.e || b[0] == Ascii.o)
            if !isWholeShortWord { b.removeLast() }
        } else if r1 == b.count && endsInShortSyllable(b.count) {
            b.append(Ascii.e)
        }
    }

    /// A final y after a consonant that is not the first letter becomes i.
    private mutating func step1c() {
        guard let last = b.last, last == Ascii.y || last == Ascii.upperY, b.count >= 3, !isVowel(at: b.count - 2)
        else { return }
        b[b.count - 1] = Ascii.i
    }

    private mutating func step2() {
        guard let index = longest(Suffix.step2) else { return }
        let count = Suffix.step2[index].count
        guard b.count - count >= r1 else { return }
        let before = b.count - count - 1
        switch index {
        case Suffix.step2Ogi:
            if before >= 0 && b[before] == Ascii.l { replace(3, with: [UInt8(ascii: "o"), UInt8(ascii: "g")]) }
        case Suffix.step2Li:
            if before >= 0 && Suffix.isValidLi(b[before]) { b.removeLast(2) }
        default:
            replace(count, with: Suffix.step2Replacements[index])
        }
    }

    private mutating func step3() {
        guard let index = longest(Suffix.step3) else { return }
        let count = Suffix.step3[index].count
        guard b.count - count >= r1 else { return }
        if index == Suffix.step3Ative {
            if b.count - count >= r2 { b.removeLast(count) }
        } else {
            replace(count, with: Suffix.step3Replacements[index])
        }
    }

    private mutating func step4() {
        guard let index = longest(Suffix.step4) else { return }
        let count = Suffix.step4[index].count
        guard b.count - count >= r2 else { return }
        if index == Suffix.step4Ion {
            let before = b.count - 4
            if before >= 0 && (b[before] == Ascii.s || b[before] == Ascii.t) { b.removeLast(3) }
        } else {
            b.removeLast(count)
        }
    }

    private mutating func step5() {
        guard let last = b.last else { return }
        let at = b.count - 1
        if last == Ascii.e {
            if at >= r2 || (at >= r1 && !endsInShortSyllable(at)) { b.removeLast() }
        } else if last == Ascii.l {
            if at >= r2 && at >= 1 && b[at - 1] == Ascii.l { b.removeLast() }
        }
    }
}

/// The letters the stemmer tests by name.
private enum Ascii {
    static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), o = UInt8(ascii: "o")
    static let u = UInt8(ascii: "u"), y = UInt8(ascii: "y"), upperY = UInt8(ascii: "Y"), l = UInt8(ascii: "l")
    static let s = UInt8(ascii: "s"), t = UInt8(ascii: "t"), w = UInt8(ascii: "w"), x = UInt8(ascii: "x")
    static let p = UInt8(ascii: "p"), apostrophe = UInt8(ascii: "'")
}

/// Up to eight letters packed into an integer, so a suffix or prefix test is one mask and compare with
/// no array traffic. Suffixes are packed from their last letter (lowest byte), prefixes from their first.
private struct Packed: Equatable {
    let bits: UInt64
    let count: Int
    /// The bytes of the word a test compares.
    let mask: UInt64

    private static func mask(_ count: Int) -> UInt64 { count >= 8 ? ~0 : (1 << UInt64(8 * count)) - 1 }

    /// A suffix.
    init(suffix: String) {
        let bytes = Array(suffix.utf8)
        var bits: UInt64 = 0
        for (k, c) in bytes.reversed().enumerated() { bits |= UInt64(c) << UInt64(8 * k) }
        self.bits = bits
        count = bytes.count
        mask = Packed.mask(bytes.count)
    }

    /// A prefix or whole short word.
    init(prefix: String) {
        let bytes = Array(prefix.utf8)
        bits = Packed.head(of: bytes, 0..<bytes.count)
        count = bytes.count
        mask = Packed.mask(bytes.count)
    }

    /// The bytes of `range` (at most the first eight), the first lowest.
    static func head(of b: [UInt8], _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0
        for k in range where k - range.lowerBound < 8 { h |= UInt64(b[k]) << UInt64(8 * (k - range.lowerBound)) }
        return h
    }
}

/// The suffix lists of each step, with the replacements of steps 2 and 3 in parallel arrays.
private enum Suffix {
    static let sses = Packed(suffix: "sses"), ied = Packed(suffix: "ied"), ies = Packed(suffix: "ies")
    static let us = Packed(suffix: "us"), ss = Packed(suffix: "ss"), eed = Packed(suffix: "eed")
    static let eedly = Packed(suffix: "eedly"), ing = Packed(suffix: "ing")
    static let at = Packed(suffix: "at"), bl = Packed(suffix: "bl"), iz = Packed(suffix: "iz")

    static let apostrophes = ["'", "'s", "'s'"].map { Packed(suffix: $0) }
    static let step1b = ["eed", "eedly", "ed", "edly", "ing", "ingly"].map { Packed(suffix: $0) }
    /// proceed, exceed, succeed keep their eed.
    static let keepsEed = ["proc", "exc", "succ"].map { Packed(prefix: $0) }
    /// inning, outing, canning, herring, earring, evening keep their ing.
    static let keepsIng = ["inn", "out", "cann", "herr", "earr", "even"].map { Packed(prefix: $0) }
    /// Prefixes after which R1 starts, so that "general" and "generate", "organ" and "organise" stay apart.
    static let regionPrefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"]
        .map { Packed(prefix: $0) }

    static func isDoubled(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
            UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default: return false
        }
    }

    static func isValidLi(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
            UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default: return false
        }
    }

    private static let step2Pairs: [(String, String)] = [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogist", "og"), ("fulli", "ful"), ("lessli", "less"), ("ogi", ""), ("li", ""),
    ]
    static let step2 = step2Pairs.map { Packed(suffix: $0.0) }
    static let step2Replacements = step2Pairs.map { Array($0.1.utf8) }
    /// ogi becomes og only after l; li goes only after a valid li-ending.
    static let step2Ogi = step2Pairs.count - 2, step2Li = step2Pairs.count - 1

    private static let step3Pairs: [(String, String)] = [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
        ("ful", ""), ("ness", ""), ("ative", ""),
    ]
    static let step3 = step3Pairs.map { Packed(suffix: $0.0) }
    static let step3Replacements = step3Pairs.map { Array($0.1.utf8) }
    /// ative goes only in R2.
    static let step3Ative = step3Pairs.count - 1

    static let step4 = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
        "ive", "ize", "ion",
    ].map { Packed(suffix: $0) }
    /// ion goes only after s or t.
    static let step4Ion = 17
}
