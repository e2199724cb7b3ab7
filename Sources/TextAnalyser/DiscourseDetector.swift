extension AnalysisBuilder {
    // Word lists compared as bytes (static, so no array is built per call).
    private static let notClauseSubjects: [StaticString] = ["a", "an", "customers", "sales"]
    private static let infinitiveOrOf: [StaticString] = ["to", "of"]
    private static let wishVerbsAndWriter: [StaticString] = ["like", "want", "wish", "i", "we"]
    private static let modalsBeforeRecommend: [StaticString] = ["would", "will", "could", "might"]
    private static let writerPronouns: [StaticString] = ["i", "we"]
    private static let recommendationTargets: [StaticString] = [
        "us", "them", "friends", "friend", "family", "others", "colleagues",
    ]
    private static let futureAuxiliaries: [StaticString] = ["will", "shall"]

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
                    guard let kind = Self.discourseKind(m.entry), m.first > lastEnd || m.last > lastEnd else {
                        continue
                    }
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
        switch kind {
        case .explanation where m.first == m.last:
            if word(m.first, is: "so") { return isCausalSo(m.first, in: range) }
            if word(m.first, is: "if") { return hasConsequence(after: m.first, in: range) }
            if word(m.first, is: "since") { return m.first + 1 < range.upperBound && isCue(m.first + 1, .subjectWord) }
            return true
        case .judgement where m.first == m.last && word(m.first, is: "overall"):
            return isAdverbialOverall(m.first, in: range)
        case .recommendation:
            return isAdvice(m, in: range)
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
        if i > range.lowerBound, word(i - 1, is: "as") {
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
        return opensClause && isCue(next, .subjectWord) && !word(next, isOneOf: Self.notClauseSubjects)
    }

    /// A recommendation the learner makes, not a customer's ("likelihood to recommend", "would recommend us
    /// to a friend", "word-of-mouth recommendations").
    private func isAdvice(_ m: PhraseMatch, in range: Range<Int>) -> Bool {
        var recommend = m.first
        while recommend < m.last && !word(recommend, hasPrefix: "recommend") { recommend += 1 }
        guard word(recommend, hasPrefix: "recommend") else { return true }
        if m.first == recommend {
            let p1 = recommend - 1
            let p2 = recommend - 2
            let hasP2 = p2 >= range.lowerBound
            if p1 >= range.lowerBound {
                if word(p1, isOneOf: Self.infinitiveOrOf) && !(hasP2 && word(p2, isOneOf: Self.wishVerbsAndWriter)) {
                    return false
                }
                if word(p1, isOneOf: Self.modalsBeforeRecommend) && !(hasP2 && word(p2, isOneOf: Self.writerPronouns)) {
                    return false
                }
                if word(recommend, hasPrefix: "recommendation") && word(p1, isOneOf: Self.customerRecommendation) {
                    return false
                }
            }
        }
        var k = recommend + 1
        while k < range.upperBound && k <= recommend + 4 {
            if word(k, isOneOf: Self.recommendationTargets) {
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
        let subject = -(Cue.signpostSubject.rawValue + 1)
        let purpose = -(Cue.signpostPurpose.rawValue + 1)
        for s in sentences.indices {
            let range = sentences[s].tokens
            let opening = range.lowerBound + 6
            // Cue matches are sorted by their first token: only those opening the sentence matter.
            for n in cueRanges[s] {
                let m = cueMatches[n]
                if m.first >= opening { break }
                if m.entry == purpose || (m.entry == subject && hasSignpostVerb(after: m.last, in: range)) {
                    sentences[s].isSignpost = true
                    break
                }
            }
        }
    }

    /// A verb of announcing within four words of the signpost's subject: "This report (then) analyses".
    private func hasSignpostVerb(after end: Int, in range: Range<Int>) -> Bool {
        var k = end + 1
        while k < range.upperBound && k <= end + 4 {
            if isCue(k, .signpostVerb) || (isCue(k, .modalWord) && isWill(k)) { return true }
            k += 1
        }
        return false
    }

    private func isWill(_ k: Int) -> Bool { word(k, isOneOf: Self.futureAuxiliaries) }

    /// Words before "recommendations" that make them customers' ("product recommendations").
    private static let customerRecommendation: [StaticString] = [
        "product", "personal", "personalised", "personalized", "mouth", "peer", "friend", "customer", "online",
        "social",
    ]
}
