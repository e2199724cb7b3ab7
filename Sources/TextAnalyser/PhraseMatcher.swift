extension AnalysisBuilder {
    /// Finds every term and cue phrase in every sentence by walking the lexicon's trie from each word.
    /// Hyphens, dashes and ampersands between words are skipped, so "after-sales" matches "after sales";
    /// line breaks are whitespace, so a phrase broken across lines still matches.
    func matchPhrases() -> (terms: [PhraseMatch], cues: [PhraseMatch], cueRanges: [Range<Int>]) {
        var terms: [PhraseMatch] = []
        var cues: [PhraseMatch] = []
        var cueRanges: [Range<Int>] = []
        cueRanges.reserveCapacity(sentences.count)
        var lastEnd = [Int](repeating: -1, count: lexicon.terms.count)
        var found: [PhraseMatch] = []
        PhraseWalker.with(lexicon, tokens, source.bytes) { walker in
            for s in sentences.indices {
                let range = sentences[s].tokens
                let cueStart = cues.count
                for i in range where tokens[i].kind != .punctuation && startsPhrase(tokens[i]) {
                    found.removeAll(keepingCapacity: true)
                    walker.walk(
                        node: 0, first: i, at: i, end: range.upperBound, sentence: s, terms: &found, cues: &cues)
                    // Keep the longest match per term; drop one inside an earlier match of the same term
                    // ("lifetime value" inside "customer lifetime value").
                    var k = found.count - 1
                    while k >= 0 {
                        let m = found[k]
                        if lastEnd[Int(m.entry)] < m.last {
                            lastEnd[Int(m.entry)] = m.last
                            terms.append(m)
                        }
                        k -= 1
                    }
                }
                cueRanges.append(cueStart..<cues.count)
            }
        }
        terms.sort { ($0.first, $0.last, $0.entry) < ($1.first, $1.last, $1.entry) }
        return (terms, cues, cueRanges)
    }

    @inline(__always) private func startsPhrase(_ t: Token) -> Bool {
        (t.id >= 0 && lexicon.startsPhrase[Int(t.id)]) || (t.capsId >= 0 && lexicon.startsPhrase[Int(t.capsId)])
    }

    /// Links acronyms the answer defines to their terms: "customer lifetime value (CLV)" or "CLV (customer
    /// lifetime value)"; every later use of the acronym then counts as the term.
    mutating func defineAcronyms() {
        var acronyms: [(key: ArraySlice<UInt8>, entry: Int32)] = []
        for m in termMatches where lexicon.termKinds[Int(m.entry)] != .misconception {
            let after = m.last + 1
            if after + 2 < tokens.count && isPunct(after, "(") && isAcronym(after + 1) && isPunct(after + 2, ")") {
                acronyms.append((acronymKey(after + 1), m.entry))
            }
            let before = m.first - 1
            if before >= 2 && isPunct(before, "(") && isAcronym(before - 1) && m.last + 1 < tokens.count
                && isPunct(m.last + 1, ")")
            {
                acronyms.append((acronymKey(before - 1), m.entry))
            }
        }
        guard !acronyms.isEmpty else { return }
        // Answers define a handful of acronyms: compare bytes directly rather than hash every capitalised word.
        var added: [PhraseMatch] = []
        var s = 0
        for i in tokens.indices where tokens[i].kind == .word && tokens[i].has(Token.Flags.allCaps) {
            let key = acronymKey(i)
            guard let entry = acronyms.last(where: { $0.key.elementsEqual(key) })?.entry else { continue }
            while s + 1 < sentences.count && sentences[s].tokens.upperBound <= i { s += 1 }
            let alreadyMatched = termMatches[matchesStarting(at: i)].contains { $0.entry == entry }
            if !alreadyMatched {
                added.append(PhraseMatch(entry: entry, first: i, last: i, sentence: s, viaAcronym: true))
            }
        }
        guard !added.isEmpty else { return }
        termMatches += added
        termMatches.sort { ($0.first, $0.last, $0.entry) < ($1.first, $1.last, $1.entry) }
    }

    /// The matches that start at token `i` (a binary search: matches are sorted by start).
    private func matchesStarting(at i: Int) -> Range<Int> {
        var lo = 0
        var hi = termMatches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if termMatches[mid].first < i { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < termMatches.count && termMatches[end].first == i { end += 1 }
        return lo..<end
    }

    private func isAcronym(_ i: Int) -> Bool {
        let t = tokens[i]
        return t.kind == .word && t.has(Token.Flags.allCaps) && t.end - t.start <= 8
    }

    /// The acronym's letters, without a plural s ("KPIs" is "KPI").
    private func acronymKey(_ i: Int) -> ArraySlice<UInt8> {
        let raw = source.bytes[tokens[i].range]
        return raw.count > 2 && raw.last == UInt8(ascii: "s") ? raw.dropLast() : raw
    }

    /// Most tokens between two listed sibling terms ("price, place and promotion").
    static let siblingGap = 4

    /// Drops ambiguous words ("place", "process", "people") that are not in their context: the context term
    /// in the same paragraph or its heading, or, in an answer with headings, anywhere in the same section or
    /// the sections above it (a section "Closing" under an answer about the sales process), or two sibling
    /// terms listed together in the same sentence ("price, place and promotion"). An ambiguous word inside a
    /// longer term ("sales process") is never counted on its own.
    mutating func applyContext() {
        guard termMatches.contains(where: { !lexicon.contextIndexes[Int($0.entry)].isEmpty }) else { return }
        // Matches are sorted by position, so each sentence's and each block's matches are contiguous;
        // looking for a context term is a short scan, with no hashing.
        let bySentence = matchesBySentence()
        var byBlock = [Range<Int>](repeating: 0..<0, count: blocks.count)
        for (s, r) in bySentence.enumerated() where !r.isEmpty {
            let b = sentences[s].block
            byBlock[b] = byBlock[b].isEmpty ? r : byBlock[b].lowerBound..<r.upperBound
        }
        func block(_ b: Int, has entry: Int) -> Bool {
            termMatches[byBlock[b]].contains { Int($0.entry) == entry }
        }
        var sections = SectionContext(blocks: blocks, matches: termMatches, blockOfSentence: sentences.map(\.block))
        var keep = [Bool](repeating: true, count: termMatches.count)
        var siblings: [Int32] = []
        for (n, m) in termMatches.enumerated() {
            let needs = lexicon.contextIndexes[Int(m.entry)]
            guard !needs.isEmpty else { continue }
            if isInsideLongerMatch(n) {
                keep[n] = false
                continue
            }
            let b = sentences[m.sentence].block
            let heading = blocks[b].heading
            if needs.contains(where: { c in block(b, has: c) || heading.map { block($0, has: c) } == true }) {
                continue
            }
            if sections.hasHeadings, needs.contains(where: { sections.has($0, aboveOrIn: b) }) { continue }
            siblings.removeAll(keepingCapacity: true)
            // Siblings give each other context only when they are listed together ("product, price, place and
            // promotion"), not scattered through a sentence ("a promotion at work and a new place").
            for other in termMatches[bySentence[m.sentence]]
            where other.entry != m.entry && !siblings.contains(other.entry)
                && (abs(other.first - m.last) <= Self.siblingGap || abs(m.first - other.last) <= Self.siblingGap)
                && lexicon.contextIndexes[Int(other.entry)].contains(where: needs.contains)
            {
                siblings.append(other.entry)
            }
            keep[n] = siblings.count >= 2
        }
        termMatches = zip(termMatches, keep).compactMap { $1 ? $0 : nil }
    }

    /// Whether match `n` lies inside a longer match of another term. Matches are sorted by start, so only
    /// neighbours can contain it.
    private func isInsideLongerMatch(_ n: Int) -> Bool {
        let m = termMatches[n]
        var k = n - 1
        while k >= 0 && n - k <= 16 {
            let o = termMatches[k]
            if o.entry != m.entry && o.first <= m.first && o.last >= m.last && (o.last - o.first) > (m.last - m.first) {
                return true
            }
            k -= 1
        }
        k = n + 1
        while k < termMatches.count && termMatches[k].first == m.first {
            let o = termMatches[k]
            if o.entry != m.entry && o.last > m.last { return true }
            k += 1
        }
        return false
    }

    /// Turns term matches into findings, negated when inside a negation's scope.
    mutating func addTermFindings() {
        for m in termMatches {
            let s = m.sentence
            let isMisconception = lexicon.termKinds[Int(m.entry)] == .misconception
            let scope = negation[m.first]
            let negated = scope == 1 || (isMisconception && scope != 0)
            var f = Finding(
                kind: .term(Int(m.entry)), range: byteRange(m.first, m.last), sentence: s, negated: negated,
                weak: sentences[s].isWeak)
            f.viaAcronym = m.viaAcronym
            findings.append(f)
        }
    }
}

/// Walks the lexicon's trie over raw buffers: a step reads the tokens and the trie's tables through
/// pointers, with no reference counting, because it runs for most words of every answer.
private struct PhraseWalker {
    let tokens: UnsafeBufferPointer<Token>
    let bytes: UnsafeBufferPointer<UInt8>
    let transitions: TransitionTable.View
    let offsets: UnsafeBufferPointer<Int32>
    let entries: UnsafeBufferPointer<Int32>
    let families: UnsafeBufferPointer<Int32>

    /// Runs `body` with a walker over the lexicon, tokens and text.
    static func with(_ lexicon: Lexicon, _ tokens: [Token], _ bytes: [UInt8], _ body: (PhraseWalker) -> Void) {
        tokens.withUnsafeBufferPointer { t in
            bytes.withUnsafeBufferPointer { b in
                lexicon.terminalOffsets.withUnsafeBufferPointer { o in
                    lexicon.terminalEntries.withUnsafeBufferPointer { e in
                        lexicon.families.withUnsafeBufferPointer { f in
                            lexicon.transitions.withView { view in
                                body(
                                    PhraseWalker(
                                        tokens: t, bytes: b, transitions: view, offsets: o, entries: e, families: f))
                            }
                        }
                    }
                }
            }
        }
    }

    func walk(
        node: Int32, first: Int, at j: Int, end: Int, sentence s: Int, terms: inout [PhraseMatch],
        cues: inout [PhraseMatch]
    ) {
        let t = tokens[j]
        step(node: node, id: t.id, first: first, at: j, end: end, sentence: s, terms: &terms, cues: &cues)
        // A word the vocabulary holds as written may also belong to a family some phrase uses.
        if t.id >= 0 {
            let family = families[Int(t.id)]
            if family >= 0 {
                step(node: node, id: family, first: first, at: j, end: end, sentence: s, terms: &terms, cues: &cues)
            }
        }
        if t.capsId >= 0 && t.capsId != t.id {
            step(node: node, id: t.capsId, first: first, at: j, end: end, sentence: s, terms: &terms, cues: &cues)
        }
    }

    private func step(
        node: Int32, id: Int32, first: Int, at j: Int, end: Int, sentence s: Int, terms: inout [PhraseMatch],
        cues: inout [PhraseMatch]
    ) {
        guard id >= 0 else { return }
        let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
        guard let next = transitions[key] else { return }
        for n in Int(offsets[Int(next)])..<Int(offsets[Int(next) + 1]) {
            let entry = entries[n]
            let m = PhraseMatch(entry: entry, first: first, last: j, sentence: s)
            if entry >= 0 { terms.append(m) } else { cues.append(m) }
        }
        var k = j + 1
        while k < end && isJoiner(tokens[k]) { k += 1 }
        if k < end && tokens[k].kind != .punctuation {
            walk(node: next, first: first, at: k, end: end, sentence: s, terms: &terms, cues: &cues)
        }
    }

    /// A hyphen, dash or ampersand between the words of a phrase ("after-sales", "M & S").
    private func isJoiner(_ t: Token) -> Bool {
        guard t.kind == .punctuation else { return false }
        let b = bytes[Int(t.start)]
        return b == UInt8(ascii: "&") || isDashByte(b, t, bytes)
    }
}

/// Whether a punctuation token is a hyphen or an en or em dash.
@inline(__always) func isDashByte(_ first: UInt8, _ t: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if first == UInt8(ascii: "-") { return true }
    return first == 0xE2 && t.end - t.start == 3 && bytes[Int(t.start) + 1] == 0x80
        && (bytes[Int(t.start) + 2] == 0x93 || bytes[Int(t.start) + 2] == 0x94)
}

/// Which sections of an answer with headings contain a term. A section is a heading and the blocks under
/// it; the blocks before the first heading are the introduction (-1), above every section. In an answer with
/// Markdown headings, short title-like lines ("**1. Introduction**") do not open sections of their own.
struct SectionContext {
    private let blocks: [Block]
    /// Per block, the section it belongs to (a heading's index, or -1 for the introduction).
    private var sectionOfBlock: [Int] = []
    /// Per section heading, the section above it (-1 for the introduction).
    private var parent: [Int: Int] = [:]
    /// Per term entry asked about, the sections that contain it.
    private var sectionsWith: [Int: Set<Int>] = [:]
    private let matches: [PhraseMatch]
    private let blockOfSentence: [Int]
    /// Whether the answer has headings at all; without them the context stays within a paragraph.
    let hasHeadings: Bool

    init(blocks: [Block], matches: [PhraseMatch], blockOfSentence: [Int]) {
        self.blocks = blocks
        self.matches = matches
        self.blockOfSentence = blockOfSentence
        let markdown = blocks.contains { if case .heading(let l) = $0.kind { return l > 0 } else { return false } }
        hasHeadings = blocks.contains(where: \.isHeading)
        var open: [(index: Int, level: Int)] = []
        var current = -1
        for (i, b) in blocks.enumerated() {
            if case .heading(let level) = b.kind, level > 0 || !markdown {
                while let last = open.last, last.level >= level { open.removeLast() }
                parent[i] = open.last?.index ?? -1
                open.append((i, level))
                current = i
            }
            sectionOfBlock.append(current)
        }
    }

    /// Whether `entry` occurs in the section of block `block`, in a section above it or in the introduction.
    mutating func has(_ entry: Int, aboveOrIn block: Int) -> Bool {
        let found = sections(with: entry)
        guard !found.isEmpty else { return false }
        var section = sectionOfBlock[block]
        while true {
            if found.contains(section) { return true }
            guard section >= 0, let up = parent[section] else { return false }
            section = up
        }
    }

    private mutating func sections(with entry: Int) -> Set<Int> {
        if let known = sectionsWith[entry] { return known }
        var out = Set<Int>()
        for m in matches where Int(m.entry) == entry { out.insert(sectionOfBlock[blockOfSentence[m.sentence]]) }
        sectionsWith[entry] = out
        return out
    }
}
