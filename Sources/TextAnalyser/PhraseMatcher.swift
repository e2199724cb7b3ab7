extension AnalysisBuilder {
    /// Finds every term and cue phrase in every sentence by walking the lexicon's trie from each word.
    /// Hyphens, dashes and ampersands between words are skipped, so "after-sales" matches "after sales";
    /// line breaks are whitespace, so a phrase broken across lines still matches.
    mutating func matchPhrases() {
        cueMatches = Array(repeating: [], count: sentences.count)
        var lastEnd = [Int](repeating: -1, count: lexicon.terms.count)
        var found: [PhraseMatch] = []
        for s in sentences.indices {
            let range = sentences[s].tokens
            for i in range where tokens[i].kind != .punctuation && (tokens[i].id >= 0 || tokens[i].capsId >= 0) {
                found.removeAll(keepingCapacity: true)
                walk(node: 0, first: i, at: i, end: range.upperBound, sentence: s, into: &found)
                // Keep the longest match per term; drop one inside an earlier match of the same term
                // ("lifetime value" inside "customer lifetime value").
                var k = found.count - 1
                while k >= 0 {
                    let m = found[k]
                    if lastEnd[Int(m.entry)] < m.last {
                        lastEnd[Int(m.entry)] = m.last
                        termMatches.append(m)
                    }
                    k -= 1
                }
            }
        }
        termMatches.sort { ($0.first, $0.last, $0.entry) < ($1.first, $1.last, $1.entry) }
    }

    private mutating func walk(node: Int32, first: Int, at j: Int, end: Int, sentence s: Int, into found: inout [PhraseMatch]) {
        let t = tokens[j]
        step(node: node, id: t.id, first: first, at: j, end: end, sentence: s, into: &found)
        if t.capsId >= 0 && t.capsId != t.id {
            step(node: node, id: t.capsId, first: first, at: j, end: end, sentence: s, into: &found)
        }
    }

    private mutating func step(node: Int32, id: Int32, first: Int, at j: Int, end: Int, sentence s: Int, into found: inout [PhraseMatch]) {
        guard id >= 0 else { return }
        let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
        guard let next = lexicon.transitions[key] else { return }
        for entry in lexicon.terminals[Int(next)] {
            let m = PhraseMatch(entry: entry, first: first, last: j)
            if entry >= 0 { found.append(m) } else { cueMatches[s].append(m) }
        }
        var k = j + 1
        while k < end && tokens[k].kind == .punctuation && (isDash(k) || isPunct(k, "&")) { k += 1 }
        if k < end && tokens[k].kind != .punctuation {
            walk(node: next, first: first, at: k, end: end, sentence: s, into: &found)
        }
    }

    /// Links acronyms the answer defines to their terms: "customer lifetime value (CLV)" or "CLV (customer
    /// lifetime value)"; every later use of the acronym then counts as the term.
    mutating func defineAcronyms() {
        var acronyms: [[UInt8]: Int32] = [:]
        let sortedMatches = termMatches
        for m in sortedMatches {
            let kind = lexicon.terms[Int(m.entry)].kind
            guard kind != .misconception else { continue }
            let after = m.last + 1
            if after + 2 < tokens.count && isPunct(after, "(") && isAcronym(after + 1) && isPunct(after + 2, ")") {
                acronyms[acronymKey(after + 1)] = m.entry
            }
            let before = m.first - 1
            if before >= 2 && isPunct(before, "(") && isAcronym(before - 1) && m.last + 1 < tokens.count
                && isPunct(m.last + 1, ")")
            {
                acronyms[acronymKey(before - 1)] = m.entry
            }
        }
        guard !acronyms.isEmpty else { return }
        var existing = Set<Int64>()
        for m in termMatches { existing.insert(Int64(m.first) << 32 | Int64(m.entry)) }
        for i in tokens.indices where tokens[i].kind == .word && tokens[i].has(Token.Flags.allCaps) {
            guard let entry = acronyms[acronymKey(i)], !existing.contains(Int64(i) << 32 | Int64(entry)) else { continue }
            termMatches.append(PhraseMatch(entry: entry, first: i, last: i, viaAcronym: true))
        }
        termMatches.sort { ($0.first, $0.last, $0.entry) < ($1.first, $1.last, $1.entry) }
    }

    private func isAcronym(_ i: Int) -> Bool {
        let t = tokens[i]
        return t.kind == .word && t.has(Token.Flags.allCaps) && t.end - t.start <= 8
    }

    private func acronymKey(_ i: Int) -> [UInt8] {
        var raw = Array(source.bytes[tokens[i].range])
        if raw.count > 2 && raw.last == UInt8(ascii: "s") { raw.removeLast() }
        return raw
    }

    /// Drops ambiguous words ("place", "process", "people") that are not in their context: the context term
    /// in the same paragraph or its heading, or two sibling terms in the same sentence ("price, place and
    /// promotion"). An ambiguous word inside a longer term ("sales process") is never counted on its own.
    mutating func applyContext() {
        guard lexicon.contextIndexes.contains(where: { !$0.isEmpty }) else { return }
        var inBlock = Set<Int64>()
        var matchSentence = [Int](repeating: 0, count: termMatches.count)
        var entriesBySentence: [Int: [Int32]] = [:]
        for (n, m) in termMatches.enumerated() {
            let s = sentenceIndex(ofToken: m.first)
            matchSentence[n] = s
            inBlock.insert(Int64(sentences[s].block) << 32 | Int64(m.entry))
            entriesBySentence[s, default: []].append(m.entry)
        }
        var keep = [Bool](repeating: true, count: termMatches.count)
        for (n, m) in termMatches.enumerated() {
            let needs = lexicon.contextIndexes[Int(m.entry)]
            guard !needs.isEmpty else { continue }
            if isInsideLongerMatch(n) {
                keep[n] = false
                continue
            }
            let block = sentences[matchSentence[n]].block
            let heading = blocks[block].heading
            let hasContext = needs.contains { c in
                inBlock.contains(Int64(block) << 32 | Int64(c))
                    || heading.map { inBlock.contains(Int64($0) << 32 | Int64(c)) } ?? false
            }
            if hasContext { continue }
            var siblings = Set<Int32>()
            for other in entriesBySentence[matchSentence[n]] ?? [] where other != m.entry {
                if lexicon.contextIndexes[Int(other)].contains(where: needs.contains) { siblings.insert(other) }
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
            let s = sentenceIndex(ofToken: m.first)
            let isMisconception = lexicon.terms[Int(m.entry)].kind == .misconception
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
