extension AnalysisBuilder {
    /// Reports discourse markers: explanation (causal links), and the three faces of evaluation:
    /// judgement, balance and recommendation. Signpost sentences report none; markers that only look like
    /// reasoning ("so far", "the overall experience", "likelihood to recommend") are left out.
    func discourseFindings() -> [Finding] {
        var out: [Finding] = []
        for s in sentences.indices where !blocks[sentences[s].block].isReferenceList && !sentences[s].isSignpost {
            // Cue matches come grouped by first token, shortest first; read each group longest first so that
            // "on balance" is reported once rather than also as "balance".
            var lastEnd = -1
            var n = cueRanges[s].lowerBound
            let end = cueRanges[s].upperBound
            while n < end {
                var groupEnd = n + 1
                while groupEnd < end && cueMatches[groupEnd].first == cueMatches[n].first { groupEnd += 1 }
                for k in stride(from: groupEnd - 1, through: n, by: -1) {
                    let m = cueMatches[k]
                    guard let kind = Self.discourseKind(m.entry), m.first > lastEnd || m.last > lastEnd else { continue }
                    guard isGenuine(kind, m, in: sentences[s].tokens) else { continue }
                    out.append(finding(kind, m.first, m.last, sentence: s))
                    lastEnd = max(lastEnd, m.last)
                }
                n = groupEnd
            }
        }
        return out
    }

    private static func discourseKind(_ entry: Int32) -> Finding.Kind? {
        switch Cue(rawValue: -entry - 1) {
        case .explanation: return .explanation
        case .judgement: return .judgement
        case .balance: return .balance
        case .recommendation: return .recommendation
        default: return nil
        }
    }

    /// Whether a marker does its job where it stands. Only a few one-word markers need a look at their
    /// neighbours; every other marker is taken as written.
    private func isGenuine(_ kind: Finding.Kind, _ m: PhraseMatch, in range: Range<Int>) -> Bool {
        let word = source.bytes[tokens[m.first].range]
        guard word.count <= 15 else { return true }
        let w = String(decoding: word, as: UTF8.self).lowercased()
        switch kind {
        case .explanation where m.first == m.last:
            switch w {
            case "so": return isCausalSo(m.first, in: range)
            case "if": return hasConsequence(after: m.first, in: range)
            case "since": return m.first + 1 < range.upperBound && isCue(m.first + 1, .subjectWord)
            default: return true
            }
        case .judgement where w == "overall" && m.first == m.last:
            return isAdverbialOverall(m.first, in: range)
        case .recommendation:
            return w.hasPrefix("recommend") || m.first != m.last ? isAdvice(m, in: range) : true
        default:
            return true
        }
    }

    /// "so" as a cause ("..., so customers return", "so that"), not "so far", "so many", "and so on",
    /// "I think so", "so-called" or the intensifier "so good".
    private func isCausalSo(_ i: Int, in range: Range<Int>) -> Bool {
        let next = i + 1
        guard next < range.upperBound, tokens[next].kind == .word else {
            return i == range.lowerBound && next < range.upperBound && isPunct(next, ",")  // "So, ..."
        }
        if isCue(next, .soBlocker) { return false }
        if isCue(next, .subjectWord) { return true }
        let prev = i - 1
        return prev < range.lowerBound || isPunct(prev, ",") || isPunct(prev, ";") || isCue(prev, .andWord)
    }

    /// "If ... then ...", "if customers complain, staff will ...": a condition with its consequence.
    private func hasConsequence(after i: Int, in range: Range<Int>) -> Bool {
        if i > range.lowerBound, tokens[i - 1].kind == .word, source.text(tokens[i - 1].range).lowercased() == "as" {
            return false  // "as if"
        }
        var k = i + 2
        while k < range.upperBound {
            if isCue(k, .modalWord) { return true }
            k += 1
        }
        return false
    }

    /// "Overall, the scheme worked" and "it worked well overall", not "the overall experience".
    private func isAdverbialOverall(_ i: Int, in range: Range<Int>) -> Bool {
        let next = i + 1
        if next >= range.upperBound || tokens[next].kind == .punctuation { return true }
        let prev = i - 1
        let opensClause = prev < range.lowerBound || isPunct(prev, ",") || isPunct(prev, ";")
        let w = source.text(tokens[next].range).lowercased()
        return opensClause && isCue(next, .subjectWord) && w != "a" && w != "an" && w != "customers" && w != "sales"
    }

    /// A recommendation the learner makes, not a customer's ("likelihood to recommend", "would recommend us
    /// to a friend", "word-of-mouth recommendations").
    private func isAdvice(_ m: PhraseMatch, in range: Range<Int>) -> Bool {
        var recommend = m.first
        while recommend < m.last && !source.text(tokens[recommend].range).lowercased().hasPrefix("recommend") { recommend += 1 }
        let word = source.text(tokens[recommend].range).lowercased()
        guard word.hasPrefix("recommend") else { return true }
        let before = { (k: Int) -> String in k >= range.lowerBound ? self.source.text(self.tokens[k].range).lowercased() : "" }
        let selfSubject = ["i", "we"]
        if m.first == recommend {
            let p1 = before(recommend - 1)
            let p2 = before(recommend - 2)
            if p1 == "to" || p1 == "of" {
                if !["like", "want", "wish", "i", "we"].contains(p2) { return false }
            }
            if ["would", "will", "could", "might", "to"].contains(p1) && !selfSubject.contains(p2) { return false }
            if word.hasPrefix("recommendation") && ["product", "personal", "personalised", "personalized", "mouth",
                "peer", "friend", "customer", "online", "social"].contains(p1)
            {
                return false
            }
        }
        var k = recommend + 1
        while k < range.upperBound && k <= recommend + 4 {
            if tokens[k].kind == .word && ["us", "them", "friends", "friend", "family", "others", "colleagues"]
                .contains(source.text(tokens[k].range).lowercased())
            {
                return false
            }
            if tokens[k].kind == .punctuation && !isPunct(k, "'") { break }
            k += 1
        }
        return true
    }

    /// Marks sentences that only announce or summarise topics: a document noun as subject ("This report",
    /// "In this essay", "I will") followed closely by a verb of announcing ("analyses", "will discuss",
    /// "has looked at"), or a statement of purpose ("The aim of this report is ...").
    mutating func markSignposts() {
        for s in sentences.indices where !cueRanges[s].isEmpty {
            let range = sentences[s].tokens
            let opening = range.lowerBound + 6
            var found = false
            var i = range.lowerBound
            while i < min(opening, range.upperBound) && !found {
                if cue(.signpostPurpose, at: i, in: s) != nil {
                    found = true
                } else if let end = cue(.signpostSubject, at: i, in: s) {
                    var k = end + 1
                    while k < range.upperBound && k <= end + 4 && !found {
                        if isCue(k, .signpostVerb) || (isCue(k, .modalWord) && isWill(k)) { found = true }
                        k += 1
                    }
                }
                i += 1
            }
            if found { sentences[s].isSignpost = true }
        }
    }

    private func isWill(_ k: Int) -> Bool {
        let w = source.text(tokens[k].range).lowercased()
        return w == "will" || w == "shall"
    }
}
