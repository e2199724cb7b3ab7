/// Folds the written forms of a word onto one key: case, curly apostrophes, possessives, plurals and
/// British/American spellings (-ise/-ize, -isation/-ization, -yse/-yze, -our/-or, -tre/-ter, programme/program,
/// -elled/-eled, -logue/-log, judgement/judgment). The same folding is applied to rubric variants and to
/// answers, so the key only has to be consistent, not a real word.
enum Normaliser {
    /// Longest word the normaliser folds; longer ones never match a lexicon entry.
    static let maxWordBytes = 96

    /// Writes the key for `count` bytes at `src` into `out` and returns its length.
    /// `acronymPlural` is true when the word is written in capitals with a trailing lowercase s ("KPIs", "Ps").
    static func fold(
        _ src: UnsafeBufferPointer<UInt8>, _ count: Int, acronymPlural: Bool,
        into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var n = 0
        var i = 0
        while i < count && n < maxWordBytes {
            let b = src[i]
            if b == 0xE2 && i + 2 < count && src[i + 1] == 0x80 && (src[i + 2] == 0x98 || src[i + 2] == 0x99) {
                out[n] = UInt8(ascii: "'")
                i += 3
            } else {
                out[n] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                i += 1
            }
            n += 1
        }
        // Possessives: customer's, customers', customers’.
        if n >= 3 && out[n - 2] == UInt8(ascii: "'") && out[n - 1] == UInt8(ascii: "s") {
            n -= 2
        } else if n >= 2 && out[n - 1] == UInt8(ascii: "'") {
            n -= 1
        }
        if acronymPlural && n >= 2 && out[n - 1] == UInt8(ascii: "s") {
            return n - 1
        }
        n = singular(out, n)
        return spelling(out, n)
    }

    /// Convenience for compile time: the key of a whole word as bytes.
    static func key(_ word: [UInt8], acronymPlural: Bool = false) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: maxWordBytes)
        let n = word.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { fold(src, src.count, acronymPlural: acronymPlural, into: $0) }
        }
        return Array(out[0..<n])
    }

    @inline(__always) private static func ends(
        _ b: UnsafeMutableBufferPointer<UInt8>, _ n: Int, _ suffix: StaticString
    ) -> Bool {
        let m = suffix.utf8CodeUnitCount
        guard n >= m else { return false }
        let p = suffix.utf8Start
        for k in 0..<m where b[n - m + k] != p[k] { return false }
        return true
    }

    private static func singular(_ b: UnsafeMutableBufferPointer<UInt8>, _ n: Int) -> Int {
        guard n >= 4 && b[n - 1] == UInt8(ascii: "s") else { return n }
        if n >= 5 && ends(b, n, "ies") {
            b[n - 3] = UInt8(ascii: "y")
            return n - 2
        }
        if ends(b, n, "sses") || (n >= 5 && (ends(b, n, "ches") || ends(b, n, "shes") || ends(b, n, "xes"))) {
            return n - 2
        }
        if ends(b, n, "ss") || ends(b, n, "us") || ends(b, n, "is") || ends(b, n, "'s") { return n }
        return n - 1
    }

    private static func spelling(_ b: UnsafeMutableBufferPointer<UInt8>, _ n0: Int) -> Int {
        var n = n0
        guard n >= 5 else { return n }
        // Whole-word exceptions first.
        if n == 7 && ends(b, n, "licence") || n == 7 && ends(b, n, "defence") || n == 7 && ends(b, n, "offence") {
            b[n - 2] = UInt8(ascii: "s")
            return n
        }
        if n == 8 && ends(b, n, "practise") {
            b[n - 2] = UInt8(ascii: "c")
            return n
        }
        if n == 6 && ends(b, n, "fulfil") {
            b[n] = UInt8(ascii: "l")
            return n + 1
        }
        if ends(b, n, "ageing") && n == 6 {
            b[2] = UInt8(ascii: "i")
            b[3] = UInt8(ascii: "n")
            b[4] = UInt8(ascii: "g")
            return 5
        }
        // -ise/-yse family: swap the s for a z (same length). Only words ending in n, g, d, r or e can match.
        let last = b[n - 1]
        if last == UInt8(ascii: "n") || last == UInt8(ascii: "g") || last == UInt8(ascii: "d")
            || last == UInt8(ascii: "r")
            || last == UInt8(ascii: "e")
        {
            for (suffix, sIndexFromEnd) in zSuffixes where ends(b, n, suffix) {
                if n - suffix.utf8CodeUnitCount >= 2 {
                    b[n - sIndexFromEnd] = UInt8(ascii: "z")
                }
                break
            }
        }
        if ends(b, n, "gramme") { return n - 2 }
        if ends(b, n, "logue") { return n - 2 }
        if n >= 5 && ends(b, n, "tre") && b[n - 4] != UInt8(ascii: "t") {
            b[n - 2] = UInt8(ascii: "e")
            b[n - 1] = UInt8(ascii: "r")
        }
        if ends(b, n, "elled") {
            b[n - 3] = UInt8(ascii: "e")
            b[n - 2] = UInt8(ascii: "d")
            n -= 1
        } else if ends(b, n, "elling") {
            for k in (n - 4)..<(n - 1) { b[k] = b[k + 1] }
            n -= 1
        }
        if ends(b, n, "dgement") {
            for k in (n - 5)..<(n - 1) { b[k] = b[k + 1] }
            n -= 1
        }
        // -our- (behaviour, colour, favourite, honourable): drop the u, not in short words (four, hour, your).
        if n >= 6 {
            var k = 1
            while k + 2 < n {
                if b[k] == UInt8(ascii: "o") && b[k + 1] == UInt8(ascii: "u") && b[k + 2] == UInt8(ascii: "r") {
                    for j in (k + 1)..<(n - 1) { b[j] = b[j + 1] }
                    n -= 1
                    break
                }
                k += 1
            }
        }
        return n
    }

    /// Suffixes whose s becomes z, with the s's distance from the end of the word.
    private static let zSuffixes: [(StaticString, Int)] = [
        ("isation", 6), ("isations", 7), ("ising", 4), ("ised", 3), ("iser", 3), ("ise", 2),
        ("yser", 3), ("ysing", 4), ("ysed", 3), ("yse", 2),
    ]
}
