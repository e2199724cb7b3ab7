extension AnalysisBuilder {
    /// Finds sources and laws: citations ((Kotler, 2016), (Payne and Frow, 2005: 12), Kumar et al. (2019)),
    /// entries of a reference list, and legislation written as "... Act 2015" or "... Regulations 2008".
    func sourceFindings() -> [Finding] {
        var out: [Finding] = []
        var referenceBlocksSeen = Set<Int>()
        for s in sentences.indices {
            let block = sentences[s].block
            if blocks[block].isReferenceList {
                if !blocks[block].isHeading && referenceBlocksSeen.insert(block).inserted {
                    let range = blockTokens[block]
                    if range.contains(where: { isYear($0) }) || source.text(blocks[block].range).contains("http") {
                        out.append(finding(.reference, range.lowerBound, range.upperBound - 1, sentence: s))
                    }
                }
                continue
            }
            let range = sentences[s].tokens
            var i = range.lowerBound
            while i < range.upperBound {
                // Citations open with "(" or a capitalised name, laws with a capitalised word: skip the rest cheaply.
                let t = tokens[i]
                guard (t.kind == .punctuation && isPunct(i, "(")) || (t.kind == .word && t.has(Token.Flags.capitalised))
                else {
                    i += 1
                    continue
                }
                if let end = parentheticalCitation(at: i, in: range) ?? narrativeCitation(at: i, in: range) {
                    out.append(finding(.citation, i, end, sentence: s))
                    i = end + 1
                } else if let (first, last) = legislation(at: i, in: range),
                    termKinds[first] & Self.kindBit(.legislation) == 0
                {
                    out.append(finding(.legislation, first, last, sentence: s))
                    i = last + 1
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// A year as cited: 1900-2099, optionally with a letter (2016a).
    func isYear(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .number, t.end - t.start == 4 else { return false }
        let raw = source.bytes[t.range]
        guard let v = Int(String(decoding: raw, as: UTF8.self)) else { return false }
        return (1900...2099).contains(v)
    }

    /// "(Kotler, 2016)", "(Kotler and Keller, 2016, p. 12)", "(Payne et al. 2005; Buttle 2009)".
    private func parentheticalCitation(at i: Int, in range: Range<Int>) -> Int? {
        guard isPunct(i, "("), i + 2 < range.upperBound else { return nil }
        var k = i + 1
        var sawAuthor = false
        var sawYear = false
        while k < range.upperBound && k - i < 30 {
            let t = tokens[k]
            if isPunct(k, ")") { return sawAuthor && sawYear ? k : nil }
            switch t.kind {
            case .word:
                if t.has(Token.Flags.capitalised) {
                    sawAuthor = true
                } else if !(isCue(k, .andWord) || isCue(k, .etWord) || isCue(k, .alWord) || isCue(k, .abbreviation)
                    || ["cited", "in", "see", "n.d", "nd"].contains(source.text(t.range).lowercased()))
                    && !(sawYear && t.end - t.start == 1)
                {
                    return nil
                }
            case .number:
                if isYear(k) { sawYear = true }
            case .punctuation:
                if !(isPunct(k, ",") || isPunct(k, ".") || isPunct(k, ";") || isPunct(k, "&") || isPunct(k, ":")
                    || isDash(k))
                {
                    return nil
                }
            }
            k += 1
        }
        return nil
    }

    /// "Payne (2005)", "Kumar et al. (2019)", "Peppers and Rogers (2017)".
    func narrativeCitation(at i: Int, in range: Range<Int>) -> Int? {
        let t = tokens[i]
        guard t.kind == .word, t.has(Token.Flags.capitalised) else { return nil }
        var k = i + 1
        if k + 1 < range.upperBound && isCue(k, .etWord) && isCue(k + 1, .alWord) {
            k += 2
            if k < range.upperBound && isPunct(k, ".") { k += 1 }
        } else if k + 1 < range.upperBound && (isCue(k, .andWord) || isPunct(k, "&"))
            && tokens[k + 1].has(Token.Flags.capitalised)
        {
            k += 2
        }
        guard k + 2 < range.upperBound, isPunct(k, "("), isYear(k + 1) else { return nil }
        var close = k + 2
        if close < range.upperBound && tokens[close].kind == .word && tokens[close].end - tokens[close].start == 1 {
            close += 1  // 2016a
        }
        guard close < range.upperBound, isPunct(close, ")") else { return nil }
        return close
    }

    private static let leadingWords: Set<String> = [
        "the", "a", "an", "this", "that", "these", "our", "their", "its", "under", "in", "by", "with", "and", "both",
        "also", "as", "see", "following", "new", "uk", "eu",
    ]

    /// "Consumer Rights Act 2015", "Consumer Protection from Unfair Trading Regulations 2008".
    private func legislation(at i: Int, in range: Range<Int>) -> (Int, Int)? {
        guard tokens[i].kind == .word, tokens[i].has(Token.Flags.capitalised), !isCue(i, .legislationWord) else {
            return nil
        }
        var k = i + 1
        while k < range.upperBound && tokens[k].kind == .word {
            if isCue(k, .legislationWord) && tokens[k].has(Token.Flags.capitalised) {
                var last = k
                if k + 1 < range.upperBound && isYear(k + 1) { last = k + 1 }
                let word = source.text(tokens[k].range).lowercased()
                // "Code" and "Order" alone are too common; they need a year to count.
                if (word == "code" || word == "order" || word == "bill") && last == k { return nil }
                if Self.leadingWords.contains(source.text(tokens[i].range).lowercased()) { return nil }
                return (i, last)
            }
            // Lower-case connectors inside a title: of, and, for, from, the, on, in.
            let t = tokens[k]
            let connector = !t.has(Token.Flags.capitalised) && t.end - t.start <= 4
            guard t.has(Token.Flags.capitalised) || connector else { return nil }
            k += 1
        }
        return nil
    }
}
