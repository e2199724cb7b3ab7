extension AnalysisBuilder {
    /// Finds real-world examples: example and workplace markers ("for example", "such as", "in my workplace"),
    /// and organisations recognised from their form (a capitalised possessive such as McDonald's or
    /// Sainsbury's, a name ending in Ltd, plc or Group). Organisations listed in the lexicon are term findings.
    func exampleFindings() -> [Finding] {
        var out: [Finding] = []
        let exampleMarker = -(Cue.exampleMarker.rawValue + 1)
        let workplaceMarker = -(Cue.workplaceMarker.rawValue + 1)
        for s in sentences.indices where !blocks[sentences[s].block].isReferenceList {
            for n in cueRanges[s] where cueMatches[n].entry == exampleMarker || cueMatches[n].entry == workplaceMarker {
                let m = cueMatches[n]
                out.append(finding(.example, m.first, m.last, sentence: s))
            }
            let range = sentences[s].tokens
            var i = range.lowerBound
            while i < range.upperBound {
                guard tokens[i].kind == .word && tokens[i].has(Token.Flags.capitalised) else {
                    i += 1
                    continue
                }
                if let end = organisation(at: i, in: range) {
                    out.append(finding(.example, i, end, sentence: s))
                    i = end + 1
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    private func organisation(at i: Int, in range: Range<Int>) -> Int? {
        let t = tokens[i]
        guard t.kind == .word, t.has(Token.Flags.capitalised), termKinds[i] == 0, !isCue(i, .theorist) else { return nil }
        let initial = i == range.lowerBound
        if t.has(Token.Flags.possessive) {
            let raw = source.bytes[t.range]
            let innerCapital = raw.dropFirst().contains { $0 >= 0x41 && $0 <= 0x5A }
            return !initial || innerCapital ? i : nil
        }
        // Capitalised run ending in a company suffix: "Smith & Sons Ltd", "Lloyds Bank".
        var k = i
        var names = 0
        while k < range.upperBound && tokens[k].kind == .word && tokens[k].has(Token.Flags.capitalised) && termKinds[k] == 0 {
            if names > 0 && isCue(k, .organisationSuffix) {
                // "Greenway Ltd" is a company even at the start of a sentence; "Lloyds Bank" needs more.
                let strong = ["ltd", "plc", "inc", "llp", "llc", "limited", "gmbh"].contains(source.text(tokens[k].range).lowercased())
                return names >= 2 || !initial || strong ? k : nil
            }
            names += 1
            k += 1
            while k < range.upperBound && isPunct(k, "&") { k += 1 }
        }
        return nil
    }
}
