/// Turns the text of an answer into an `Analysis`: structure, tokens, terms, negation, quantities,
/// examples, sources, discourse markers and stuffing signals. Knows nothing of marks.
public struct Analyser: Sendable {
    /// The compiled terms and cues.
    public let lexicon: Lexicon
    /// Wording an answer earns nothing for repeating (the task) and the source it is about.
    public let references: ReferenceTexts

    /// Creates an analyser for a compiled lexicon (compile once, analyse many answers).
    public init(lexicon: Lexicon, references: ReferenceTexts = .none) {
        self.lexicon = lexicon
        self.references = references
    }

    /// Analyses text.
    public func analyse(_ text: String) -> Analysis {
        analyse(SourceText(text))
    }

    /// Analyses text already held as UTF-8.
    public func analyse(_ source: SourceText) -> Analysis {
        var work = AnalysisBuilder(lexicon: lexicon, source: source)
        return work.run(references: references)
    }
}

/// A phrase match: a term or cue spanning tokens `first...last`.
struct PhraseMatch {
    var entry: Int32
    var first: Int
    var last: Int
    /// The sentence the match is in.
    var sentence: Int
    var viaAcronym = false
}

/// The mutable state of one analysis run; each stage lives in its own file as an extension.
struct AnalysisBuilder {
    let lexicon: Lexicon
    let source: SourceText
    var blocks: [Block] = []
    var blockTokens: [Range<Int>] = []
    var tokens: [Token] = []
    var sentences: [Sentence] = []
    /// Term matches (entry >= 0).
    var termMatches: [PhraseMatch] = []
    /// Cue matches per sentence.
    var cueMatches: [PhraseMatch] = []
    /// Per sentence, the range of `cueMatches` inside it.
    var cueRanges: [Range<Int>] = []
    /// Per token, one bit per `Cue` whose phrase starts there, so asking for a cue is one test in the
    /// common case where there is none.
    var cueStarts: [UInt64] = []
    /// Per token: 1 = fully negated, 2 = restrictively negated (misconception phrases only).
    var negation: [UInt8] = []
    /// Per token: the kinds of the terms covering it, one bit per `TermDefinition.Kind` (see `kindBit`).
    var termKinds: [UInt8] = []
    var findings: [Finding] = []

    init(lexicon: Lexicon, source: SourceText) {
        self.lexicon = lexicon
        self.source = source
    }

    mutating func run(references: ReferenceTexts = .none) -> Analysis {
        blocks = StructureParser.parse(source.bytes)
        tokenise()
        sentences = splitSentences()
        (termMatches, cueMatches, cueRanges) = matchPhrases()
        cueStarts = [UInt64](repeating: 0, count: tokens.count)
        for m in cueMatches { cueStarts[m.first] |= 1 << UInt64(-m.entry - 1) }
        defineAcronyms()
        applyContext()
        markTermCoverage()
        negation = negationScopes()
        markWeakSentences()
        markContinuations()
        markSignposts()
        let copied = markCopiedSentences(references)
        findings = markStuffedSentences() + copied
        addTermFindings()
        // The detectors only read the analysis so far; running them as non-mutating functions that return
        // their findings also keeps Swift from copying this struct on every helper call they make.
        findings += quantityFindings()
        findings += exampleFindings()
        findings += sourceFindings()
        findings += discourseFindings()
        detectStuffing()
        findings.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var byTerm = [[Int]](repeating: [], count: lexicon.terms.count)
        for (i, f) in findings.enumerated() {
            if case .term(let t) = f.kind { byTerm[t].append(i) }
        }
        var words = 0
        for s in sentences where !blocks[s.block].isReferenceList { words += s.wordCount }
        return Analysis(
            source: source, blocks: blocks, sentences: sentences, tokens: tokens, findings: findings,
            wordCount: words, findingsByTerm: byTerm)
    }

    private mutating func tokenise() {
        let tokeniser = Tokeniser(vocabulary: lexicon.vocabulary)
        var cache = WordCache(bits: 11)
        tokens.reserveCapacity(source.bytes.count / 5)
        blockTokens.reserveCapacity(blocks.count)
        source.bytes.withUnsafeBufferPointer { p in
            let links = LinkDetector.spans(p)
            var nextLink = 0
            for block in blocks {
                let start = tokens.count
                tokeniser.tokenise(p, block.range, into: &tokens, cache: &cache)
                if nextLink < links.count { dropLinks(links, from: start, next: &nextLink) }
                blockTokens.append(start..<tokens.count)
            }
        }
    }

    /// Removes the tokens of this block (from `start`) that lie inside a web or e-mail address: a link's
    /// words and numbers are not part of what the answer says.
    private mutating func dropLinks(_ links: [Range<Int>], from start: Int, next: inout Int) {
        var kept = start
        for k in start..<tokens.count {
            let t = tokens[k]
            while next < links.count && links[next].upperBound <= Int(t.start) { next += 1 }
            if next < links.count && links[next].contains(Int(t.start)) { continue }
            tokens[kept] = t
            kept += 1
        }
        tokens.removeSubrange(kept..<tokens.count)
    }

    // MARK: Token helpers shared by the stages

    /// True when token `i` is the single punctuation character `c`.
    /// (An ASCII `Unicode.Scalar`, not a `Character`: a Character's ASCII value goes through String
    /// machinery, and this runs for nearly every token.)
    @inline(__always) func isPunct(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        let t = tokens[i]
        return t.kind == .punctuation && t.end - t.start == 1 && UInt32(source.bytes[Int(t.start)]) == c.value
    }

    /// True when token `i` is a hyphen or dash.
    func isDash(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .punctuation else { return false }
        return source.bytes.withUnsafeBufferPointer { isDashByte($0[Int(t.start)], t, $0) }
    }

    /// The bit of a term kind in `termKinds`.
    @inline(__always) static func kindBit(_ kind: TermDefinition.Kind) -> UInt8 {
        switch kind {
        case .concept: return 1
        case .framework: return 2
        case .organisation: return 4
        case .legislation: return 8
        case .misconception: return 16
        }
    }

    /// Records, once, which kinds of term cover each token; the example, source and stuffing stages read it.
    mutating func markTermCoverage() {
        termKinds = [UInt8](repeating: 0, count: tokens.count)
        for m in termMatches {
            let bit = Self.kindBit(lexicon.termKinds[Int(m.entry)])
            for k in m.first...m.last { termKinds[k] |= bit }
        }
    }

    @inline(__always) func isCue(_ i: Int, _ cue: Cue) -> Bool { lexicon.token(tokens[i], is: cue) }

    /// Whether token `k` is the word `w` (given in lower-case ASCII), in any case, without making a String.
    @inline(__always) func word(_ k: Int, is w: StaticString) -> Bool {
        let t = tokens[k]
        let n = Int(t.end - t.start)
        guard t.kind == .word, n == w.utf8CodeUnitCount else { return false }
        return sameLetters(Int(t.start), w, count: n)
    }

    /// Whether token `k` starts with `w` (lower-case ASCII), in any case.
    func word(_ k: Int, hasPrefix w: StaticString) -> Bool {
        let t = tokens[k]
        guard t.kind == .word, Int(t.end - t.start) >= w.utf8CodeUnitCount else { return false }
        return sameLetters(Int(t.start), w, count: w.utf8CodeUnitCount)
    }

    /// Whether token `k` is one of `words` (lower-case ASCII), in any case.
    func word(_ k: Int, isOneOf words: [StaticString]) -> Bool {
        for w in words where word(k, is: w) { return true }
        return false
    }

    private func sameLetters(_ start: Int, _ w: StaticString, count n: Int) -> Bool {
        let p = w.utf8Start
        for j in 0..<n {
            var b = source.bytes[start + j]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b != p[j] { return false }
        }
        return true
    }

    /// Whether a cue phrase starts at token `i` in sentence `s`; returns its last token.
    func cue(_ cue: Cue, at i: Int, in s: Int) -> Int? {
        guard cueStarts[i] & (1 << UInt64(cue.rawValue)) != 0 else { return nil }
        let code = -(cue.rawValue + 1)
        for n in cueRanges[s] where cueMatches[n].first == i && cueMatches[n].entry == code {
            return cueMatches[n].last
        }
        return nil
    }

    /// For each sentence, the range of `termMatches` inside it (matches are kept sorted by position).
    func matchesBySentence() -> [Range<Int>] {
        var ranges = [Range<Int>](repeating: 0..<0, count: sentences.count)
        var n = 0
        for s in sentences.indices {
            let start = n
            while n < termMatches.count && termMatches[n].sentence == s { n += 1 }
            ranges[s] = start..<n
        }
        return ranges
    }

    func byteRange(_ first: Int, _ last: Int) -> Range<Int> {
        Int(tokens[first].start)..<Int(tokens[last].end)
    }

    /// A finding over tokens `first...last` of a sentence.
    func finding(_ kind: Finding.Kind, _ first: Int, _ last: Int, sentence: Int) -> Finding {
        Finding(
            kind: kind, range: byteRange(first, last), sentence: sentence, negated: false,
            weak: sentences[sentence].isWeak)
    }
}
