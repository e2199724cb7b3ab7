extension AnalysisBuilder {
    // Word lists compared as bytes (static, so no array is built per call).
    private static let shortScopeNegators: [StaticString] = ["without", "rather", "instead", "as", "absence"]
    private static let subjectPronouns: [StaticString] = ["they", "we", "he", "she", "i", "you", "there"]

    /// Longest negation scope, in words.
    private static let scopeWords = 8
    /// Scope of "without", "rather than", "instead of": a short phrase ("without segmenting the market").
    private static let shortScopeWords = 4

    /// The negation scope of every token: 1 = fully negated, 2 = restrictively negated. A plain negation
    /// ("not", "no", "never", "didn't", "without") runs forward to the end of its clause and removes credit; a restrictive one ("not just", "more than
    /// just", "goes beyond") and a rejection ("it is a myth that", "a common misconception") only reject
    /// misconception phrases, so "CRM is not just software" asserts no misconception but still names CRM.
    /// A passive negation ("segmentation was not carried out") also reaches back to the clause start.
    func negationScopes() -> [UInt8] {
        var negation = [UInt8](repeating: 0, count: tokens.count)
        for s in sentences.indices {
            let range = sentences[s].tokens
            var restrictiveStarts: [Int] = []  // few per sentence: an array beats a set
            for n in cueRanges[s] {
                let m = cueMatches[n]
                if m.entry == -(Cue.restrictiveNegator.rawValue + 1) {
                    restrictiveStarts.append(m.first)
                    // Half-open: a phrase written as one word ("notjust") is a match of one token.
                    for k in (m.first + 1)..<(m.last + 1) where negation[k] == 0 { negation[k] = 2 }
                    markForward(&negation, from: m.last + 1, end: range.upperBound, value: 2, words: 12)
                } else if m.entry == -(Cue.rejection.rawValue + 1) {
                    for k in range where negation[k] == 0 { negation[k] = 2 }
                }
            }
            for i in range where !restrictiveStarts.contains(i) {
                var last: Int?
                if tokens[i].has(Token.Flags.negativeContraction) {
                    last = i
                } else if let end = cue(.negator, at: i, in: s) {
                    last = end
                } else if isCue(i, .negator) {
                    last = i
                }
                guard let negatorEnd = last else { continue }
                if negatorEnd + 1 < range.upperBound && isPunct(negatorEnd + 1, ".") { continue }  // "No. 5"
                let words = isShortScopeNegator(i, negatorEnd) ? Self.shortScopeWords : Self.scopeWords
                markForward(
                    &negation, from: negatorEnd + 1, end: range.upperBound, value: 1, words: words,
                    subordinate: isInSubordinateClause(i, from: range.lowerBound))
                if isPassive(negator: i, end: negatorEnd, sentence: range) {
                    markBackward(&negation, from: i - 1, start: range.lowerBound)
                }
            }
        }
        return negation
    }

    /// `subordinate`: the negation is inside an "if"/"when"/"because" clause, which ends where the main
    /// clause's subject starts ("If the needs are not met they may complain").
    private func markForward(
        _ negation: inout [UInt8], from start: Int, end: Int, value: UInt8, words: Int, subordinate: Bool = false
    ) {
        var k = start
        var count = 0
        while k < end && count < words {
            let t = tokens[k]
            if t.kind == .punctuation {
                if !(isDash(k) || isPunct(k, "'") || isPunct(k, "\"") || isPunct(k, "&") || isPunct(k, "%")
                    || isPunct(k, "/") || isListComma(k, end: end))
                {
                    break
                }
            } else {
                // A clause ends at a conjunction or relative word ("but", "which", "if") and at a new subject
                // ("If the needs are not met they may complain").
                if k > start && (isCue(k, .clauseBreak) || (subordinate && isSubjectPronoun(k))) { break }
                // "... and they complained": a coordinated clause with its own subject.
                if isCue(k, .coordinator) && k + 1 < end && isSubjectPronoun(k + 1) { break }
                count += 1
            }
            if negation[k] != 1 { negation[k] = value }
            k += 1
        }
    }

    private func markBackward(_ negation: inout [UInt8], from start: Int, start lower: Int) {
        var k = start
        while k >= lower {
            let t = tokens[k]
            if t.kind == .punctuation && !isDash(k) { break }
            if t.kind != .punctuation && isCue(k, .clauseBreak) { break }
            negation[k] = 1
            k -= 1
        }
    }

    private static let participles: Set<String> = [
        "done", "undertaken", "carried", "made", "taken", "given", "shown", "seen", "known", "built", "sent",
        "kept", "held", "met", "run", "set", "put", "brought", "thought", "sought", "written", "chosen",
    ]

    /// "X was not used", "X wasn't carried out", "X has never been considered".
    private func isPassive(negator i: Int, end: Int, sentence range: Range<Int>) -> Bool {
        let contraction = tokens[i].has(Token.Flags.negativeContraction)
        if !contraction {
            guard i > range.lowerBound, isCue(i - 1, .passiveAuxiliary) else { return false }
        }
        var k = end + 1
        if k < range.upperBound && isCue(k, .passiveAuxiliary) { k += 1 }  // not been used
        guard k < range.upperBound, tokens[k].kind == .word else { return false }
        let word = source.text(tokens[k].range).lowercased()
        return word.hasSuffix("ed") || Self.participles.contains(word)
    }

    /// "without", "rather than", "instead of", "as opposed to": their scope is the phrase right after them.
    private func isShortScopeNegator(_ first: Int, _ last: Int) -> Bool {
        word(first, isOneOf: Self.shortScopeNegators)
    }

    /// A pronoun that opens a new clause as its subject.
    private func isSubjectPronoun(_ k: Int) -> Bool {
        guard isCue(k, .subjectWord), tokens[k].end - tokens[k].start <= 5 else { return false }
        return word(k, isOneOf: Self.subjectPronouns)
    }

    /// A comma inside a list of coordinated words ("we did not segment, target or position the market"),
    /// not one that opens a new clause ("..., and the campaign failed", "..., they complain").
    private func isListComma(_ k: Int, end: Int) -> Bool {
        guard isPunct(k, ","), k + 1 < end, tokens[k + 1].kind == .word else { return false }
        if isCue(k + 1, .clauseBreak) || isCue(k + 1, .coordinator) || isSubjectPronoun(k + 1) { return false }
        var n = k + 2
        while n < end && n <= k + 4 {
            if isCue(n, .coordinator) { return true }
            if tokens[n].kind == .punctuation && !isPunct(n, ",") { return false }
            n += 1
        }
        return false
    }

    private static let subordinators: [StaticString] = [
        "if", "when", "unless", "once", "although", "though", "because", "while", "whilst", "since", "until",
    ]

    /// Whether a subordinating word ("if", "when", "unless", "because") opens the clause the negator is in.
    private func isInSubordinateClause(_ i: Int, from lower: Int) -> Bool {
        var k = i - 1
        while k >= lower {
            if tokens[k].kind == .punctuation && !isDash(k) && !isPunct(k, "'") { return false }
            if tokens[k].kind == .word && isCue(k, .clauseBreak) {
                return word(k, isOneOf: Self.subordinators)
            }
            k -= 1
        }
        return false
    }
}
