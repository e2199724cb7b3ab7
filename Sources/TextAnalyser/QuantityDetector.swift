extension AnalysisBuilder {
    /// Finds quantified evidence: percentages (15%, 15 per cent, 25-85%), money (£2.5m, $4.21bn, INR 300,
    /// 16 million pounds), counts with a unit (172,900 people, 14 days), ratios (1 in 5, 80/20, 4.5/5),
    /// scores (an NPS of +42) and changes (rose from 22% to 31%, doubled, five times more).
    /// Not evidence: framework names (4Ps, 7 Ps, Five Forces), years and dates ((Kotler, 2016), in 1995,
    /// 25 May 2018, the mid-1990s, Act 2015), labels (Task 1, LO2, AC 1.1, P3, Level 7), list numbering,
    /// ordinals and a lone small number ("3 benefits").
    func quantityFindings() -> [Finding] {
        var out: [Finding] = []
        var spans: [(Int, Int)] = []
        for s in sentences.indices where !blocks[sentences[s].block].isReferenceList {
            let range = sentences[s].tokens
            spans.removeAll(keepingCapacity: true)
            var i = range.lowerBound
            while i < range.upperBound {
                // A quantity starts at a number or a known word (doubled, five, INR): skip the rest cheaply.
                guard tokens[i].kind == .number || tokens[i].id >= 0 else {
                    i += 1
                    continue
                }
                if let span = quantity(at: i, in: range, sentence: s) {
                    spans.append(span)
                    i = span.1 + 1
                } else {
                    i += 1
                }
            }
            appendMerged(spans, in: range, sentence: s, to: &out)
        }
        return out
    }

    /// Appends the spans as findings; "from 22% to 31%" and "22% to 31%" become one finding.
    private func appendMerged(_ spans: [(Int, Int)], in range: Range<Int>, sentence s: Int, to out: inout [Finding]) {
        var pending: (Int, Int)?
        for span in spans {
            if let prev = pending, span.0 == prev.1 + 2, isCue(prev.1 + 1, .toWord) || isDash(prev.1 + 1) {
                pending = (prev.0, span.1)
                continue
            }
            if let prev = pending { out.append(finding(.quantity, prev.0, prev.1, sentence: s)) }
            var start = span.0
            if start - 1 >= range.lowerBound && isCue(start - 1, .fromWord) { start -= 1 }
            pending = (start, span.1)
        }
        if let prev = pending { out.append(finding(.quantity, prev.0, prev.1, sentence: s)) }
    }

    private func quantity(at i: Int, in range: Range<Int>, sentence s: Int) -> (Int, Int)? {
        let t = tokens[i]
        switch t.kind {
        case .number:
            return numericQuantity(at: i, in: range, sentence: s)
        case .word:
            if isCue(i, .multiplierVerb) { return (i, i) }
            if isCue(i, .numberWord) || cue(.numberWord, at: i, in: s) != nil {
                return wordQuantity(at: i, in: range, sentence: s)
            }
            if isCue(i, .currencyCode) && t.has(Token.Flags.allCaps), i + 1 < range.upperBound,
                tokens[i + 1].kind == .number
            {
                return numericQuantity(at: i + 1, in: range, sentence: s).map { (i, $0.1) }
            }
            return nil
        case .punctuation:
            return nil
        }
    }

    private func numericQuantity(at i: Int, in range: Range<Int>, sentence s: Int) -> (Int, Int)? {
        if isExcludedNumber(i, in: range) { return nil }
        var first = i
        var last = i
        var strong = false
        // Before: currency symbol or code, sign.
        if first - 1 >= range.lowerBound {
            if isCurrencySymbol(first - 1) {
                first -= 1
                strong = true
            } else if isPunct(first - 1, "+") || (isDash(first - 1) && !tokens[first].has(Token.Flags.spaceBefore)
                && (first - 1 == range.lowerBound || tokens[first - 1].has(Token.Flags.spaceBefore)))
            {
                first -= 1
                strong = true
            }
            if first - 1 >= range.lowerBound && isCue(first - 1, .currencyCode) && tokens[first - 1].has(Token.Flags.allCaps) {
                first -= 1
                strong = true
            }
        }
        // After: scale, percent, currency word, unit, ratio, range.
        var k = last + 1
        if k < range.upperBound && isCue(k, .scaleWord) && !(isUpperP(k)) {
            last = k
            k += 1
            strong = true
        }
        if k < range.upperBound {
            if isPunct(k, "%") {
                last = k
                strong = true
            } else if let end = cue(.percentWord, at: k, in: s) ?? (isCue(k, .percentWord) ? k : nil) {
                last = end
                strong = true
            } else if isCue(k, .currencyWord) && !isUpperP(k) {
                last = k
                strong = true
            } else if isCue(k, .unitNoun) {
                last = k
                strong = true
            } else if isCue(k, .timesWord) {
                last = k
                if k + 1 < range.upperBound && tokens[k + 1].kind == .word && !isCue(k + 1, .clauseBreak) { last = k + 1 }
                strong = true
            } else if (isPunct(k, "/") || isCue(k, .inWord) || cue(.outOfWord, at: k, in: s) != nil),
                let n = nextNumber(after: cue(.outOfWord, at: k, in: s) ?? k, in: range)
            {
                last = n
                strong = true
            } else if isDash(k) && !tokens[k].has(Token.Flags.spaceBefore), let n = nextNumber(after: k, in: range),
                n + 1 < range.upperBound, isPunct(n + 1, "%")
            {
                last = n + 1  // 25-85%
                strong = true
            }
        }
        if !strong {
            // A bare number counts when it is plainly a measurement: a decimal, two or more digits, or a score.
            let text = source.bytes[tokens[i].range]
            let hasPoint = text.contains(UInt8(ascii: "."))
            let previousIsScore = i - 1 >= range.lowerBound && isCue(i - 1, .ofWord)
            if !(hasPoint || text.count >= 2 || previousIsScore) { return nil }
        }
        return (first, last)
    }

    private func wordQuantity(at i: Int, in range: Range<Int>, sentence s: Int) -> (Int, Int)? {
        let wordEnd = cue(.numberWord, at: i, in: s) ?? i
        let k = wordEnd + 1
        guard k < range.upperBound else { return nil }
        if isCue(k, .timesWord) {
            var last = k
            if k + 1 < range.upperBound && tokens[k + 1].kind == .word && !isCue(k + 1, .clauseBreak) { last = k + 1 }
            return (i, last)
        }
        if isCue(k, .scaleWord) && tokens[k].end - tokens[k].start > 2 {
            var last = k
            if k + 1 < range.upperBound && (isCue(k + 1, .currencyWord) || isCue(k + 1, .unitNoun)) { last = k + 1 }
            return (i, last)
        }
        if let end = cue(.percentWord, at: k, in: s) ?? (isCue(k, .percentWord) ? k : nil) { return (i, end) }
        if isCue(k, .inWord), k + 1 < range.upperBound, isCue(k + 1, .numberWord) || tokens[k + 1].kind == .number {
            return (i, k + 1)  // one in five
        }
        return nil
    }

    private func nextNumber(after k: Int, in range: Range<Int>) -> Int? {
        let n = k + 1
        guard n < range.upperBound else { return nil }
        if tokens[n].kind == .number { return n }
        if isCue(n, .numberWord) { return n }
        return nil
    }

    private func isUpperP(_ k: Int) -> Bool {
        let b = source.bytes[Int(tokens[k].start)]
        return b == UInt8(ascii: "P") || b == UInt8(ascii: "C")
    }

    private func isCurrencySymbol(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.kind == .punctuation else { return false }
        let b = source.bytes[Int(t.start)]
        if b == UInt8(ascii: "$") { return true }
        if b == 0xC2 && t.end - t.start == 2 {
            let c = source.bytes[Int(t.start) + 1]
            return c == 0xA3 || c == 0xA5  // £ ¥
        }
        if b == 0xE2 && t.end - t.start == 3 && source.bytes[Int(t.start) + 1] == 0x82 {
            return true  // € ₹ ₦ and other currency signs
        }
        return false
    }

    /// Numbers that are not evidence: years, dates, decades, labels, framework names, ordinals, numbering.
    private func isExcludedNumber(_ i: Int, in range: Range<Int>) -> Bool {
        let t = tokens[i]
        let raw = source.bytes[t.range]
        let next = i + 1 < range.upperBound ? i + 1 : nil
        let prev = i - 1 >= range.lowerBound ? i - 1 : nil
        // Label before: Task 1, LO2, AC 1.1, P3, M1, Level 7, Figure 2.
        if let p = prev, tokens[p].kind == .word, isCue(p, .labelWord) { return true }
        if let n = next {
            let nt = tokens[n]
            // Framework names: 4Ps, 7 Ps, 4 P's, 3Cs, 5 forces, 6 stages.
            if nt.kind == .word && isCue(n, .frameworkNumberWord) {
                let short = nt.end - nt.start <= 3
                if !short || nt.has(Token.Flags.capitalised) { return true }
            }
            // Ordinals and decades: 1st, 2nd, 1990s.
            if nt.kind == .word && !nt.has(Token.Flags.spaceBefore) {
                let w = source.text(nt.range).lowercased()
                if ["st", "nd", "rd", "th", "s", "'s"].contains(w) { return true }
            }
            // Day of month before a month name: 25 May 2018.
            if nt.kind == .word && isCue(n, .month) && raw.count <= 2 { return true }
            // Inline numbering: "1)" or "1." opening a sentence.
            if (isPunct(n, ")") && (prev == nil || isPunct(prev!, "("))) || (prev == nil && isPunct(n, ".")) {
                return true
            }
        }
        if let p = prev, isPunct(p, "("), let n = next, isPunct(n, ")"), raw.count <= 2 { return true }  // (1)
        // "24/7" is an opening-hours phrase, not a measurement.
        if raw.elementsEqual("24".utf8), let n = next, isPunct(n, "/"), n + 1 < range.upperBound,
            source.bytes[tokens[n + 1].range].elementsEqual("7".utf8)
        {
            return true
        }
        if let p = prev, isPunct(p, "/"), p - 1 >= range.lowerBound, source.bytes[tokens[p - 1].range].elementsEqual("24".utf8),
            raw.elementsEqual("7".utf8)
        {
            return true
        }
        // Years: four digits between 1800 and 2100 with nothing that makes them a measurement.
        if raw.count == 4, let value = Int(String(decoding: raw, as: UTF8.self)), (1800...2100).contains(value) {
            if let n = next, isPunct(n, "%") || isCue(n, .scaleWord) || isCue(n, .percentWord) { return false }
            if let p = prev, isCurrencySymbol(p) { return false }
            return true
        }
        // Day after a month name: May 25.
        if let p = prev, tokens[p].kind == .word && isCue(p, .month) && raw.count <= 2 { return true }
        return false
    }
}
