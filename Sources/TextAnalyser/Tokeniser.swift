/// Splits text into word, number and punctuation tokens over its UTF-8 bytes, in one pass and without
/// creating strings, and looks each word up in the lexicon's vocabulary.
struct Tokeniser {
    let vocabulary: Vocabulary

    /// Character classes the tokeniser distinguishes.
    private enum CharClass { case space, letter, digit, apostrophe, other }

    /// Classifies the character at `i` and returns its byte length.
    @inline(__always)
    private static func classify(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (CharClass, Int) {
        let b = p[i]
        if b < 0x80 {
            switch b {
            case 0x41...0x5A, 0x61...0x7A: return (.letter, 1)
            case 0x30...0x39: return (.digit, 1)
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return (.space, 1)
            case 0x27: return (.apostrophe, 1)
            default: return (.other, 1)
            }
        }
        if b < 0xC0 { return (.other, 1) }  // stray continuation byte
        if b < 0xE0 {
            guard i + 1 < end else { return (.other, 1) }
            if b == 0xC2 {
                let c = p[i + 1]
                if c == 0xA0 { return (.space, 2) }
                if c < 0xC0 { return (.other, 2) }  // Latin-1 punctuation and symbols: £ § « » ° ·
            }
            if b == 0xC3 && (p[i + 1] == 0x97 || p[i + 1] == 0xB7) { return (.other, 2) }  // × ÷
            return (.letter, 2)
        }
        if b < 0xF0 {
            guard i + 2 < end else { return (.other, 1) }
            if b == 0xE2 && p[i + 1] == 0x80 {
                let c = p[i + 2]
                if c <= 0x8B || c == 0xAF { return (.space, 3) }
                if c == 0x98 || c == 0x99 { return (.apostrophe, 3) }
                return (.other, 3)  // dashes, quotes, bullets, ellipsis
            }
            if b == 0xE2 || b == 0xE3 && p[i + 1] == 0x80 {
                return (b == 0xE3 && p[i + 2] == 0x80 ? .space : .other, 3)
            }
            return (.letter, 3)
        }
        return (.other, min(4, end - i))
    }

    /// Appends the tokens of `range` to `tokens`. `cache` remembers the vocabulary ids of words already
    /// seen in the same buffer, so a word that recurs (most do) is not folded and looked up again.
    func tokenise(
        _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [Token], cache: inout WordCache
    ) {
        var scratch = (
            UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
            UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0)
        )
        withUnsafeMutableBytes(of: &scratch) { raw in
            let out = raw.bindMemory(to: UInt8.self)
            scan(p, range, out, &tokens, &cache)
        }
    }

    private func scan(
        _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ out: UnsafeMutableBufferPointer<UInt8>,
        _ tokens: inout [Token], _ cache: inout WordCache
    ) {
        var i = range.lowerBound
        let end = range.upperBound
        var spaceBefore = true
        while i < end {
            // Fast paths for the common cases: an ASCII space between words, an ASCII letter starting one.
            let b = p[i]
            if b == 0x20 {
                spaceBefore = true
                i += 1
                continue
            }
            if b | 0x20 >= 0x61 && b | 0x20 <= 0x7A {
                i = word(p, i, end, spaceBefore, out, &tokens, &cache)
                spaceBefore = false
                continue
            }
            let (cls, len) = Tokeniser.classify(p, i, end)
            switch cls {
            case .space:
                spaceBefore = true
                i += len
                continue
            case .letter:
                i = word(p, i, end, spaceBefore, out, &tokens, &cache)
            case .digit:
                i = number(p, i, end, spaceBefore, &tokens)
            case .apostrophe, .other:
                tokens.append(
                    Token(
                        start: Int32(i), end: Int32(i + len), kind: .punctuation,
                        flags: spaceBefore ? Token.Flags.spaceBefore : 0, id: -1, capsId: -1))
                i += len
            }
            spaceBefore = false
        }
    }

    private func word(
        _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ spaceBefore: Bool,
        _ out: UnsafeMutableBufferPointer<UInt8>, _ tokens: inout [Token], _ cache: inout WordCache
    ) -> Int {
        // Dotted abbreviations of single letters: e.g. i.e. U.K.
        if start + 3 < end && p[start + 1] == UInt8(ascii: ".") && Tokeniser.classify(p, start + 2, end).0 == .letter
            && p[start + 3] == UInt8(ascii: ".")
            && (start + 4 >= end || Tokeniser.classify(p, start + 4, end).0 != .letter)
        {
            appendWord(p, start, start + 4, spaceBefore, out, &tokens, &cache)
            return start + 4
        }
        var i = start
        var upper = 0
        var letters = 0
        var lastWasLowerS = false
        while i < end {
            let b = p[i]
            // Fast path: ASCII letters, the bulk of every word.
            if b | 0x20 >= 0x61 && b | 0x20 <= 0x7A {
                letters += 1
                if b <= 0x5A { upper += 1 }
                lastWasLowerS = b == UInt8(ascii: "s")
                i += 1
                continue
            }
            let (cls, len) = Tokeniser.classify(p, i, end)
            if cls == .letter {
                letters += 1
                lastWasLowerS = false
                i += len
            } else if cls == .apostrophe {
                let next = i + len
                if next < end && Tokeniser.classify(p, next, end).0 == .letter {
                    i = next
                    lastWasLowerS = false
                } else if lastWasLowerS {
                    i = next  // customers'
                    break
                } else {
                    break
                }
            } else if p[i] == UInt8(ascii: "&") && i + 1 < end && Tokeniser.classify(p, i + 1, end).0 == .letter
                && upper == letters
            {
                i += 1  // M&S, P&G
            } else {
                break
            }
        }
        appendWord(p, start, i, spaceBefore, out, &tokens, &cache, upper: upper, letters: letters)
        return i
    }

    private func appendWord(
        _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ spaceBefore: Bool,
        _ out: UnsafeMutableBufferPointer<UInt8>, _ tokens: inout [Token], _ cache: inout WordCache,
        upper: Int = 0, letters: Int = 0
    ) {
        var flags: UInt8 = spaceBefore ? Token.Flags.spaceBefore : 0
        let first = p[start]
        if first >= 0x41 && first <= 0x5A { flags |= Token.Flags.capitalised }
        let count = end - start
        // "KPIs", "Ps" are plural acronyms; "As", "Is", "Us" opening a sentence are words.
        let isShortWord =
            count == 2 && (first == UInt8(ascii: "A") || first == UInt8(ascii: "I") || first == UInt8(ascii: "U"))
        let acronymPlural =
            letters >= 2 && upper == letters - 1 && p[end - 1] == UInt8(ascii: "s") && upper >= 1 && !isShortWord
        if letters >= 2 && (upper == letters || acronymPlural) { flags |= Token.Flags.allCaps }
        let last = p[end - 1]
        if last == UInt8(ascii: "'") || last == 0x99 {
            flags |= Token.Flags.possessive
        } else if count >= 3 && (last == UInt8(ascii: "s") || last == UInt8(ascii: "S")) {
            let a = p[end - 2]
            if a == UInt8(ascii: "'") || a == 0x99 { flags |= Token.Flags.possessive }
        }
        if count >= 3 && (last == UInt8(ascii: "t") || last == UInt8(ascii: "T")) {
            let a = p[end - 2]
            if (a == UInt8(ascii: "'") || a == 0x99)
                && (p[end - 3] | 0x20 == UInt8(ascii: "n") || (count >= 5 && p[end - 5] | 0x20 == UInt8(ascii: "n")))
            {
                flags |= Token.Flags.negativeContraction
            }
        }
        var id: Int32 = -1
        var capsId: Int32 = -1
        let slot = cache.slot(p, start, end)
        if let slot, let hit = cache.hit(slot, p, start, end) {
            (id, capsId) = hit
        } else if count <= Normaliser.maxWordBytes {
            let src = UnsafeBufferPointer(rebasing: p[start..<end])
            let n = Normaliser.fold(src, count, acronymPlural: acronymPlural, into: out)
            id = vocabulary.lookup(UnsafeBufferPointer(out), n) ?? -1
            // A word not held as written may belong to a word family some phrase uses: stemmed here, once
            // per distinct word of the text (the cache keeps the result), and only when its first letters
            // are those of such a family.
            if id < 0 && vocabulary.hasFamilies && vocabulary.familyFilter.mayMatch(UnsafeBufferPointer(out), n) {
                id = WordFamily.familyID(ofFolded: UnsafeBufferPointer(out), n, in: vocabulary)
            }
            if flags & Token.Flags.allCaps != 0 {
                out[0] = 0x01
                var m = 1
                for k in 0..<(acronymPlural ? count - 1 : count) where m < out.count {
                    out[m] = src[k]
                    m += 1
                }
                capsId = vocabulary.lookup(UnsafeBufferPointer(out), m) ?? -1
            }
            if let slot { cache.store(slot, start, end, id, capsId) }
        }
        tokens.append(Token(start: Int32(start), end: Int32(end), kind: .word, flags: flags, id: id, capsId: capsId))
    }

    private func number(
        _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ spaceBefore: Bool, _ tokens: inout [Token]
    ) -> Int {
        var i = start
        while i < end {
            let b = p[i]
            if b >= 0x30 && b <= 0x39 {
                i += 1
            } else if (b == UInt8(ascii: ".") || b == UInt8(ascii: ",")) && i + 1 < end && p[i + 1] >= 0x30
                && p[i + 1] <= 0x39
            {
                i += 1
            } else {
                break
            }
        }
        let id = vocabulary.lookup(UnsafeBufferPointer(rebasing: p[start..<i]), i - start) ?? -1
        tokens.append(
            Token(
                start: Int32(start), end: Int32(i), kind: .number,
                flags: spaceBefore ? Token.Flags.spaceBefore : 0, id: id, capsId: -1))
        return i
    }
}

/// A direct-mapped cache from a word's exact bytes to its vocabulary ids, for one text. The ids depend
/// only on the bytes, so the first occurrence of a word is folded and looked up and later ones are a
/// hash and a byte comparison against that first occurrence.
struct WordCache {
    /// One remembered word: where its first occurrence is, and its ids.
    private struct Entry {
        var hash: UInt64 = 0  // 0 marks an empty slot
        var start: Int32 = 0
        var length: Int32 = 0
        var id: Int32 = -1
        var capsId: Int32 = -1
    }

    private var entries: [Entry]
    private let mask: Int

    /// A cache with `1 << bits` slots; 0 bits disables it (for tokenising single phrases).
    init(bits: Int) {
        let size = bits > 0 ? 1 << bits : 0
        entries = Array(repeating: Entry(), count: size)
        mask = size - 1
    }

    /// The slot and hash for a word, or nil when the cache is disabled or the word too long to keep.
    @inline(__always) func slot(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, UInt64)? {
        guard mask >= 0, end - start <= Normaliser.maxWordBytes else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<end { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
        h |= 1  // 0 marks an empty slot
        return (Int(truncatingIfNeeded: h >> 20) & mask, h)
    }

    /// The ids cached for the word in `slot`, if it is the same word.
    @inline(__always) func hit(_ slot: (Int, UInt64), _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> (Int32, Int32)?
    {
        let e = entries[slot.0]
        guard e.hash == slot.1, Int(e.length) == end - start else { return nil }
        let other = Int(e.start)
        for k in 0..<(end - start) where p[other + k] != p[start + k] { return nil }
        return (e.id, e.capsId)
    }

    /// Remembers a word's ids.
    @inline(__always) mutating func store(_ slot: (Int, UInt64), _ start: Int, _ end: Int, _ id: Int32, _ capsId: Int32)
    {
        entries[slot.0] = Entry(hash: slot.1, start: Int32(start), length: Int32(end - start), id: id, capsId: capsId)
    }
}
