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
        if let prefix = Self.regionPrefixes.first(where: { b.starts(with: $0) }) {
            r1 = prefix.count
        } else {
            r1 = regionStart(from: 0)
        }
        r2 = regionStart(from: r1)
    }

    /// Prefixes after which R1 starts, so that "general" and "generate", "organ" and "organise" stay apart.
    private static let regionPrefixes: [[UInt8]] = [
        "gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter",
    ].map { Array($0.utf8) }

    // MARK: Suffix helpers

    private func ends(with s: [UInt8]) -> Bool {
        let offset = b.count - s.count
        guard offset >= 0 else { return false }
        for k in s.indices where b[offset + k] != s[k] { return false }
        return true
    }

    /// The longest of `suffixes` the word ends with.
    private func longest(_ suffixes: [[UInt8]]) -> [UInt8]? {
        guard let last = b.last else { return nil }
        var best: [UInt8]?
        // Comparing last letters first rules out most suffixes at once.
        for s in suffixes where s.last == last && s.count > (best?.count ?? -1) && ends(with: s) { best = s }
        return best
    }

    private mutating func replace(_ count: Int, with s: [UInt8]) {
        b.removeLast(count)
        b.append(contentsOf: s)
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
        return end >= 4 && b[(end - 4)..<end].elementsEqual(Self.past)
    }

    private static let past = Array("past".utf8)

    // MARK: Steps

    /// Plurals: sses, ied/ies, s.
    private mutating func step1a() {
        if let possessive = longest(Suffix.apostrophes) { b.removeLast(possessive.count) }
        if ends(with: Suffix.sses) {
            b.removeLast(2)
        } else if ends(with: Suffix.ied) || ends(with: Suffix.ies) {
            replace(3, with: b.count > 4 ? Suffix.i : Suffix.ie)
        } else if ends(with: Suffix.us) || ends(with: Suffix.ss) {
            return
        } else if b.last == Ascii.s && b.count >= 3 && containsVowel(0..<(b.count - 2)) {
            b.removeLast()
        }
    }

    /// Past tenses, participles and their adverbs: eed, ed, ing and their -ly forms.
    private mutating func step1b() {
        guard let suffix = longest(Suffix.step1b) else { return }
        let base = b.count - suffix.count
        if suffix == Suffix.eed || suffix == Suffix.eedly {
            if base >= r1 && !Suffix.keepsEed.contains(where: { $0.elementsEqual(b[0..<base]) }) {
                replace(suffix.count, with: Suffix.ee)
            }
            return
        }
        if suffix == Suffix.ing {
            // dying, lying, tying, vying
            if base == 2 && b[1] == Ascii.y && !isVowel(at: 0) {
                replace(4, with: Suffix.ie)
                return
            }
            if Suffix.keepsIng.contains(where: { $0.elementsEqual(b[0..<base]) }) { return }
        }
        guard containsVowel(0..<base) else { return }
        b.removeLast(suffix.count)
        if ends(with: Suffix.at) || ends(with: Suffix.bl) || ends(with: Suffix.iz) {
            b.append(Ascii.e)
        } else if let last = b.last, b.count >= 2, b[b.count - 2] == last, Suffix.doubled.contains(last) {
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
        guard let suffix = longest(Suffix.step2Keys), b.count - suffix.count >= r1 else { return }
        let before = b.count - suffix.count - 1
        switch suffix {
        case Suffix.ogi:
            if before >= 0 && b[before] == Ascii.l { replace(3, with: Suffix.og) }
        case Suffix.li:
            if before >= 0 && Suffix.validLi.contains(b[before]) { b.removeLast(2) }
        default:
            if let replacement = Suffix.step2[suffix] { replace(suffix.count, with: replacement) }
        }
    }

    private mutating func step3() {
        guard let suffix = longest(Suffix.step3Keys), b.count - suffix.count >= r1 else { return }
        if suffix == Suffix.ative {
            if b.count - suffix.count >= r2 { b.removeLast(suffix.count) }
        } else if let replacement = Suffix.step3[suffix] {
            replace(suffix.count, with: replacement)
        }
    }

    private mutating func step4() {
        guard let suffix = longest(Suffix.step4), b.count - suffix.count >= r2 else { return }
        if suffix == Suffix.ion {
            let before = b.count - 4
            if before >= 0 && (b[before] == Ascii.s || b[before] == Ascii.t) { b.removeLast(3) }
        } else {
            b.removeLast(suffix.count)
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
    static let apostrophe = UInt8(ascii: "'")
}

/// The suffix lists of each step.
private enum Suffix {
    static func b(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let sses = b("sses"), ied = b("ied"), ies = b("ies"), us = b("us"), ss = b("ss")
    static let i = b("i"), ie = b("ie"), ee = b("ee"), eed = b("eed"), eedly = b("eedly"), ing = b("ing")
    static let at = b("at"), bl = b("bl"), iz = b("iz"), ogi = b("ogi"), og = b("og"), li = b("li")
    static let ative = b("ative"), ion = b("ion")

    static let apostrophes = ["'", "'s", "'s'"].map(b)
    static let step1b = ["eed", "eedly", "ed", "edly", "ing", "ingly"].map(b)
    /// proceed, exceed, succeed keep their eed.
    static let keepsEed = ["proc", "exc", "succ"].map(b)
    /// inning, outing, canning, herring, earring, evening keep their ing.
    static let keepsIng = ["inn", "out", "cann", "herr", "earr", "even"].map(b)
    static let doubled: Set<UInt8> = Set("bdfgmnprt".utf8)
    static let validLi: Set<UInt8> = Set("cdeghkmnrt".utf8)

    static let step2: [[UInt8]: [UInt8]] = {
        let pairs: [(String, String)] = [
            ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
            ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
            ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
            ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
            ("ogist", "og"), ("fulli", "ful"), ("lessli", "less"),
        ]
        var table: [[UInt8]: [UInt8]] = [:]
        for (from, to) in pairs { table[b(from)] = b(to) }
        return table
    }()
    static let step2Keys = Array(step2.keys) + [ogi, li]

    static let step3: [[UInt8]: [UInt8]] = {
        let pairs: [(String, String)] = [
            ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
            ("ful", ""), ("ness", ""),
        ]
        var table: [[UInt8]: [UInt8]] = [:]
        for (from, to) in pairs { table[b(from)] = b(to) }
        return table
    }()
    static let step3Keys = Array(step3.keys) + [ative]

    static let step4 = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
        "ive", "ize", "ion",
    ].map(b)
}
