extension AnalysisBuilder {
    /// Fewest words for a sentence to count as a repeat of another.
    private static let repeatMinimumWords = 5
    /// Fewest terms named only in lists or fragments for them to be reported as a bare term list.
    private static let listedOnlyMinimum = 3

    /// Marks sentences that game a keyword search: copies of an earlier sentence, and buzzword lists
    /// (four or more distinct terms making up half or more of the words). Their terms earn no more than
    /// a mention. Runs after term matching and before findings are made.
    mutating func markStuffedSentences() -> [Finding] {
        let repeats = repeatedSentences()
        let buzzwords = buzzwordSentences(excluding: repeats)
        var out: [Finding] = []
        for s in repeats {
            sentences[s].isWeak = true
            out.append(stuffingFinding(.repeatedSentence, s))
        }
        for s in buzzwords {
            sentences[s].isWeak = true
            out.append(stuffingFinding(.buzzwordList, s))
        }
        return out
    }

    /// Sentences (other than repeats, headings and reference entries) that are runs of terms rather than
    /// sentences: four or more distinct concepts or frameworks making up two thirds or more of the words with
    /// no sentence scaffolding (articles, auxiliaries, pronouns, prepositions) outside them, or three quarters
    /// or more with at most one word of it. A well-formed sentence naming several things ("The sales process has six
    /// stages: ...") is not one; organisations, laws and the generic words of a misconception do not count.
    private func buzzwordSentences(excluding repeats: [Int]) -> [Int] {
        var isRepeat = [Bool](repeating: false, count: sentences.count)
        for s in repeats { isRepeat[s] = true }
        let bySentence = matchesBySentence()
        let counted = Self.kindBit(.concept) | Self.kindBit(.framework)
        var distinctTerms: [Int32] = []
        var out: [Int] = []
        for s in sentences.indices where !isRepeat[s] && bySentence[s].count >= 4 {
            let block = blocks[sentences[s].block]
            if block.isHeading || block.isReferenceList { continue }
            distinctTerms.removeAll(keepingCapacity: true)
            for n in bySentence[s] {
                let entry = termMatches[n].entry
                let kind = lexicon.termKinds[Int(entry)]
                if (kind == .concept || kind == .framework) && !distinctTerms.contains(entry) {
                    distinctTerms.append(entry)
                }
            }
            guard distinctTerms.count >= 4 else { continue }
            // Count each word once, however many terms overlap on it ("CRM" inside "CRM system").
            var termWords = 0
            var scaffold = 0
            for k in sentences[s].tokens where tokens[k].kind != .punctuation {
                if termKinds[k] & counted != 0 {
                    termWords += 1
                } else if isCue(k, .scaffoldWord) {
                    scaffold += 1
                }
            }
            let words = sentences[s].wordCount
            // Half terms with no scaffolding at all, or three quarters with one word of it. A verb that is itself a
            // term's word form ("CRM automates sales") is neither, so bare half-term sentences need two thirds.
            if (scaffold <= 1 && termWords * 4 >= words * 3) || (scaffold == 0 && termWords * 3 >= words * 2) {
                out.append(s)
            }
        }
        return out
    }

    /// Sentences of five or more words that repeat an earlier one, ignoring case and punctuation: each
    /// sentence gets a 64-bit FNV-1a key of its lower-cased words, and the keys are sorted, not hashed.
    private func repeatedSentences() -> [Int] {
        var keys: [(key: UInt64, sentence: Int)] = []
        source.bytes.withUnsafeBufferPointer { p in
            for (s, sentence) in sentences.enumerated() where sentence.wordCount >= Self.repeatMinimumWords {
                var key: UInt64 = 0xcbf2_9ce4_8422_2325
                for k in sentence.tokens where tokens[k].kind != .punctuation {
                    for i in Int(tokens[k].start)..<Int(tokens[k].end) {
                        let b = p[i]
                        key = (key ^ UInt64(b | (b >= 0x41 && b <= 0x5A ? 0x20 : 0))) &* 0x100_0000_01b3
                    }
                    key = (key ^ 0x20) &* 0x100_0000_01b3
                }
                keys.append((key, s))
            }
        }
        keys.sort { ($0.key, $0.sentence) < ($1.key, $1.sentence) }
        var repeats: [Int] = []
        for n in keys.indices.dropFirst() where keys[n].key == keys[n - 1].key { repeats.append(keys[n].sentence) }
        return repeats.sorted()
    }

    private func stuffingFinding(_ kind: Finding.Stuffing, _ s: Int) -> Finding {
        Finding(kind: .stuffing(kind), range: sentences[s].range, sentence: s, negated: false, weak: true)
    }

    /// Adds a "listed only" signal for each concept or framework that never appears in running text, when
    /// there are enough of them to make a bare term list.
    mutating func detectStuffing() {
        // Per term: the first weak finding, and whether any finding is strong (arrays, not hashing).
        var firstWeak = [Int](repeating: -1, count: lexicon.terms.count)
        var strong = [Bool](repeating: false, count: lexicon.terms.count)
        for (n, f) in findings.enumerated() {
            guard case .term(let t) = f.kind, !f.negated else { continue }
            let kind = lexicon.termKinds[t]
            guard kind == .concept || kind == .framework else { continue }
            if !f.weak {
                strong[t] = true
            } else if firstWeak[t] < 0 && !blocks[sentences[f.sentence].block].isHeading
                && !blocks[sentences[f.sentence].block].isReferenceList && sentences[f.sentence].copiedFrom != .brief
            {
                // A term in a heading labels a section, one in a reference is a title and one in a pasted
                // question is reported as copied; only bare lists, fragments and stuffed sentences make a term
                // "listed only".
                firstWeak[t] = n
            }
        }
        // One bulleted phrase in a genuine answer is not stuffing; a bare list of terms is.
        var listed = 0
        for t in firstWeak.indices where firstWeak[t] >= 0 && !strong[t] { listed += 1 }
        guard listed >= Self.listedOnlyMinimum else { return }
        for t in firstWeak.indices where firstWeak[t] >= 0 && !strong[t] {
            let f = findings[firstWeak[t]]
            findings.append(
                Finding(kind: .stuffing(.listedOnly), range: f.range, sentence: f.sentence, negated: false, weak: true))
        }
    }
}
