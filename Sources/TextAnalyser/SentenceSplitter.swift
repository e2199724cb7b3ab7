extension AnalysisBuilder {
    /// Splits each block into sentences at . ! ? followed by a capital, digit, quote or the end of the block,
    /// but not after abbreviations (e.g., etc., Ltd., et al.), initials or decimal points.
    func splitSentences() -> [Sentence] {
        var out: [Sentence] = []
        out.reserveCapacity(tokens.count / 15 + blocks.count)
        for (b, range) in blockTokens.enumerated() where !range.isEmpty {
            var start = range.lowerBound
            var i = range.lowerBound
            while i < range.upperBound {
                if isSentenceEnd(i, blockEnd: range.upperBound) {
                    var last = i
                    // Keep closing quotes and brackets with the sentence.
                    while last + 1 < range.upperBound && isClosingMark(last + 1) { last += 1 }
                    out.append(sentence(b, start, last))
                    start = last + 1
                    i = last + 1
                } else {
                    i += 1
                }
            }
            if start < range.upperBound { out.append(sentence(b, start, range.upperBound - 1)) }
        }
        return out
    }

    private func sentence(_ block: Int, _ first: Int, _ last: Int) -> Sentence {
        var words = 0
        for k in first...last where tokens[k].kind != .punctuation { words += 1 }
        return Sentence(
            block: block, tokens: first..<(last + 1), range: byteRange(first, last), wordCount: words, isWeak: false)
    }

    private func isClosingMark(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .punctuation, t.has(Token.Flags.spaceBefore) == false else { return false }
        let b = source.bytes[Int(t.start)]
        if b == UInt8(ascii: ")") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "]") {
            return true
        }
        return b == 0xE2 && t.end - t.start == 3
            && (source.bytes[Int(t.start) + 2] == 0x9D || source.bytes[Int(t.start) + 2] == 0x99)
    }

    /// The token after a note reference written straight after a full stop ("... or more.[^2] However" in
    /// Markdown, "... or more.[2] However" in numbered styles), or `i` when there is none.
    private func afterNoteReference(_ i: Int, blockEnd: Int) -> Int {
        guard i < blockEnd, isPunct(i, "["), !tokens[i].has(Token.Flags.spaceBefore) else { return i }
        var k = i + 1
        if k < blockEnd && isPunct(k, "^") { k += 1 }
        guard k < blockEnd, tokens[k].kind != .punctuation else { return i }
        k += 1
        guard k < blockEnd, isPunct(k, "]") else { return i }
        return k + 1
    }

    private func isSentenceEnd(_ i: Int, blockEnd: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .punctuation else { return false }
        let b = source.bytes[Int(t.start)]
        let isStop =
            b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
            || (b == 0xE2 && t.end - t.start == 3 && source.bytes[Int(t.start) + 2] == 0xA6)  // …
        guard isStop else { return false }
        var next = i + 1
        while next < blockEnd && isClosingMark(next) { next += 1 }
        next = afterNoteReference(next, blockEnd: blockEnd)
        if next >= blockEnd { return true }
        guard tokens[next].has(Token.Flags.spaceBefore) else { return false }
        if b == UInt8(ascii: ".") && i > 0 && tokens[i - 1].kind == .word && !tokens[i].has(Token.Flags.spaceBefore) {
            let prev = tokens[i - 1]
            if isCue(i - 1, .abbreviation) {
                // "etc." and company suffixes can close a sentence; "Dr.", "et al.", "no." cannot.
                let canClose = isCue(i - 1, .organisationSuffix) || source.text(prev.range).lowercased() == "etc"
                return canClose && startsSentence(next)
            }
            if prev.end - prev.start == 1 && prev.has(Token.Flags.capitalised) { return false }  // initials: P. Kotler
        }
        return startsSentence(next)
    }

    private func startsSentence(_ i: Int) -> Bool {
        let t = tokens[i]
        if t.kind == .number || t.has(Token.Flags.capitalised) { return true }
        if t.kind == .punctuation {
            let b = source.bytes[Int(t.start)]
            return b == UInt8(ascii: "\"") || b == UInt8(ascii: "(") || b == UInt8(ascii: "'") || b == 0xE2
                || b == 0xC2 || b == UInt8(ascii: "$")  // 0xC2 leads £ and other Latin-1 signs
        }
        let b = source.bytes[Int(t.start)]
        return b >= 0xC3  // non-ASCII letters: assume a capital could be there
    }

    /// Marks sentences that show an idea was named rather than used: headings, bare list items,
    /// fragments and reference entries.
    mutating func markWeakSentences() {
        for i in sentences.indices {
            let block = blocks[sentences[i].block]
            var weak = block.isHeading || block.isReferenceList || sentences[i].wordCount < 3
            if block.kind == .listItem && blockWordCount(sentences[i].block) < 8 { weak = true }
            sentences[i].isWeak = weak
        }
    }

    private func blockWordCount(_ b: Int) -> Int {
        var n = 0
        for k in blockTokens[b] where tokens[k].kind != .punctuation { n += 1 }
        return n
    }
}
