extension AnalysisBuilder {
    // Word lists compared as bytes (static, so no array is built per call).
    private static let spendWords: [StaticString] = ["spent", "spend"]
    private static let determiners: [StaticString] = ["all", "the", "our", "their", "its", "those", "these"]
    private static let repetitionWords: [StaticString] = ["twice", "thrice"]
    private static let vagueCountWords: [StaticString] = ["one", "several", "half", "a"]
    private static let periodPartWords: [StaticString] = [
        "first", "second", "third", "last", "other", "this", "that", "the", "next", "latter", "former", "final",
    ]
    /// Letters glued to a number that make it an ordinal or a decade ("1st", "1990s", "1990's" is read as "s").
    private static let ordinalSuffixes: [StaticString] = ["st", "nd", "rd", "th", "s"]
    private static let timePrepositions: [StaticString] = [
        "in", "since", "by", "until", "during", "before", "after", "from", "till",
    ]

    /// Finds quantified evidence: percentages (15%, 15 per cent, 25-85%), money (£2.5m, $4.21bn, INR 300,
    /// 16 million pounds), counts with a unit (172,900 people, 14 days), ratios (1 in 5, 80/20, 4.5/5),
    /// scores (an NPS of +42) and changes (rose from 22% to 31%, doubled, five times more), also in words
    /// (sixty per cent, two thirds of customers, threefold, half of customers, twice a week), hyphenated
    /// (a 3-hour course, 4-5 day delivery), year-like counts (1500 stores) and with their rate (2 points per £1
    /// spent, £5 a month, 3 times a week).
    /// Not evidence: framework names (4Ps, 7 Ps, Five Forces), years and dates ((Kotler, 2016), in 1995,
    /// 25 May 2018, the mid-1990s, Act 2015), labels (Task 1, LO2, AC 1.1, P3, Level 7, Article 6, p.112, s.49),
    /// times of day (4pm, 9:30), ids and phone numbers (20231BUS0045, MKT-4-017, 0161 496 0000), list
    /// numbering, ordinals and a lone small number ("3 benefits").
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
            } else if isPunct(first - 1, "+")
                || (isDash(first - 1) && !tokens[first].has(Token.Flags.spaceBefore)
                    && (first - 1 == range.lowerBound || tokens[first - 1].has(Token.Flags.spaceBefore)))
            {
                first -= 1
                strong = true
            }
            if first - 1 >= range.lowerBound && isCue(first - 1, .currencyCode)
                && tokens[first - 1].has(Token.Flags.allCaps)
            {
                first -= 1
                strong = true
            }
        }
        // After: scale, percent, currency word, unit, ratio, range; a hyphenated range or unit ("4-5 day",
        // "a 3-hour course") carries its unit from the second part.
        var core = last
        if core + 2 < range.upperBound, isDash(core + 1), !tokens[core + 1].has(Token.Flags.spaceBefore),
            !tokens[core + 2].has(Token.Flags.spaceBefore)
        {
            if tokens[core + 2].kind == .number && !isExcludedNumber(core + 2, in: range) {
                core += 2
            } else if isCue(core + 2, .unitNoun) {
                return (first, rateEnd(after: core + 2, in: range, sentence: s))
            }
        }
        var k = core + 1
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
            } else if isCue(k, .unitNoun) || (core == i && tokens[i].end - tokens[i].start >= 2 && isPluralCountNoun(k))
            {
                last = k
                strong = true
            } else if isCue(k, .timesWord) {
                last = timesEnd(k, in: range)
                strong = true
            } else if isPunct(k, "/") || isCue(k, .inWord) || cue(.outOfWord, at: k, in: s) != nil,
                let n = nextNumber(after: cue(.outOfWord, at: k, in: s) ?? k, in: range)
            {
                last = n
                strong = true
            } else if let n = multibuyEnd(after: i, for: k, in: range) {
                last = n
                strong = true
            }
        }
        if strong {
            last = rateEnd(after: last, in: range, sentence: s)
        } else if core != i {
            return nil
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
        var wordEnd = cue(.numberWord, at: i, in: s) ?? i
        // "sixty-five", "two-thirds"
        if wordEnd + 2 < range.upperBound, isDash(wordEnd + 1), isCue(wordEnd + 2, .numberWord) { wordEnd += 2 }
        var k = wordEnd + 1
        guard k < range.upperBound else { return nil }
        if isDash(k) && k + 1 < range.upperBound && (isCue(k + 1, .fractionWord) || isCue(k + 1, .unitNoun)) { k += 1 }
        if isCue(k, .timesWord) { return (i, timesEnd(k, in: range)) }
        if isCue(k, .scaleWord) && tokens[k].end - tokens[k].start > 2 {
            var last = k
            if k + 1 < range.upperBound && (isCue(k + 1, .currencyWord) || isCue(k + 1, .unitNoun)) { last = k + 1 }
            return (i, last)
        }
        if let end = cue(.percentWord, at: k, in: s) ?? (isCue(k, .percentWord) ? k : nil) { return (i, end) }
        if isCue(k, .inWord), k + 1 < range.upperBound, isCue(k + 1, .numberWord) || tokens[k + 1].kind == .number {
            return (i, k + 1)  // one in five
        }
        // "two thirds of customers", "three quarters"
        if isCue(k, .fractionWord) && !isCue(i, .fractionWord) { return (i, ofPhraseEnd(after: k, in: range) ?? k) }
        // "half of customers", "a quarter of shoppers", not "the first half of the year"
        if isFraction(i, wordEnd), isCue(k, .ofWord), !isOrdinalContext(before: i, in: range) {
            return ofPhraseEnd(after: wordEnd, in: range).map { (i, $0) }
        }
        // "twice a week", "twice as likely"
        if isTwice(i) {
            let rate = rateEnd(after: wordEnd, in: range, sentence: s)
            if rate != wordEnd { return (i, rate) }
            if k + 1 < range.upperBound, word(k, is: "as"),
                tokens[k + 1].kind == .word
            {
                return (i, k + 1)
            }
            return nil
        }
        // "five days", "a three-day course", but not "one customer" or "several stores"
        if isCue(k, .unitNoun) && isCountWord(i) { return (i, rateEnd(after: k, in: range, sentence: s)) }
        return nil
    }

    /// A multi-buy deal, "2 for 1" or "3 for 2": two small whole numbers joined by "for", the first the larger
    /// (so "5 for 10 minutes" is not one); the last token of the deal, with "offer" or "deal" after it.
    private func multibuyEnd(after i: Int, for k: Int, in range: Range<Int>) -> Int? {
        guard word(k, is: "for"), k + 1 < range.upperBound, tokens[k + 1].kind == .number else { return nil }
        let first = source.bytes[tokens[i].range]
        let second = source.bytes[tokens[k + 1].range]
        guard first.count == 1, second.count == 1, let a = first.first, let b = second.first, a > b, b >= 0x31
        else { return nil }
        let n = k + 1
        if n + 1 < range.upperBound && (word(n + 1, is: "offer") || word(n + 1, is: "deal")) { return n + 1 }
        return n
    }

    /// Plural-looking words after a number that are not nouns counted by it.
    private static let notCountNouns: [StaticString] = [
        "this", "thus", "perhaps", "always", "across", "does", "whereas", "unless", "besides", "sometimes", "plus",
        "minus", "less", "shows", "lists", "says", "means", "seems", "goes", "makes", "gives", "takes", "remains",
        "includes", "explains", "describes", "suggests", "states", "notes", "argues", "finds", "reports",
    ]

    /// A lower-case plural noun counted by the number before it, though no unit list names it ("891211 rows",
    /// "250 shoppers", "12 columns"): four letters or more ending in s (not ss, us or is), and not a verb a
    /// figure or table number is followed by ("Figure 3 shows"). Only numbers that count on their own (two
    /// digits or more) take it as their unit, so "3 reasons" stays an enumeration, not evidence.
    private func isPluralCountNoun(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.kind == .word, !t.has(Token.Flags.capitalised), !t.has(Token.Flags.possessive),
            t.end - t.start >= 4, t.id < 0 || !(isCue(k, .clauseBreak) || isCue(k, .scaffoldWord))
        else { return false }
        let bytes = source.bytes
        let last = bytes[Int(t.end) - 1]
        let before = bytes[Int(t.end) - 2]
        guard last == UInt8(ascii: "s"), before != UInt8(ascii: "s"), before != UInt8(ascii: "u"),
            before != UInt8(ascii: "i")
        else { return false }
        return !word(k, isOneOf: Self.notCountNouns)
    }

    /// The end of "times": "three times more", "3 times a week", or "times" itself.
    private func timesEnd(_ k: Int, in range: Range<Int>) -> Int {
        let rate = rateEnd(after: k, in: range, sentence: nil)
        if rate != k { return rate }
        if k + 1 < range.upperBound && tokens[k + 1].kind == .word && !isCue(k + 1, .clauseBreak)
            && !isCue(k + 1, .rateWord)
        {
            return k + 1
        }
        return k
    }

    /// A quantity carries its rate: "2 points per £1 spent", "£5 a month", "3 times a week", "per 100 customers".
    private func rateEnd(after last: Int, in range: Range<Int>, sentence s: Int?) -> Int {
        let k = last + 1
        guard k + 1 < range.upperBound, isCue(k, .rateWord) else { return last }
        let isPer = source.bytes[tokens[k].range].count == 3
        if isCue(k + 1, .unitNoun) { return k + 1 }
        guard isPer else { return last }
        var n = k + 1
        if isCurrencySymbol(n), n + 1 < range.upperBound, tokens[n + 1].kind == .number { n += 1 }
        guard tokens[n].kind == .number else { return last }
        if n + 1 < range.upperBound, isCue(n + 1, .unitNoun) || isSpentWord(n + 1) { n += 1 }
        return n
    }

    private func isSpentWord(_ k: Int) -> Bool {
        word(k, isOneOf: Self.spendWords)
    }

    /// "of customers", "of all our customers": the end of the noun phrase after a fraction, up to three words on.
    private func ofPhraseEnd(after k: Int, in range: Range<Int>) -> Int? {
        guard k + 2 < range.upperBound, isCue(k + 1, .ofWord), tokens[k + 2].kind == .word else { return nil }
        var n = k + 2
        while n < range.upperBound && n <= k + 4 {
            if tokens[n].kind != .word { break }
            if isCue(n, .unitNoun) || !(isCue(n, .subjectWord) || isAllWord(n)) { return n }
            n += 1
        }
        return n - 1 > k + 1 ? n - 1 : nil
    }

    private func isAllWord(_ k: Int) -> Bool {
        word(k, isOneOf: Self.determiners)
    }

    private func isFraction(_ i: Int, _ end: Int) -> Bool { isCue(end, .fractionWord) || isCue(i, .fractionWord) }

    private func isTwice(_ i: Int) -> Bool {
        word(i, isOneOf: Self.repetitionWords)
    }

    private func isCountWord(_ i: Int) -> Bool {
        !word(i, isOneOf: Self.vagueCountWords)
    }

    /// "the first half of", "the other half", "this quarter": a part of a period, not a share.
    private func isOrdinalContext(before i: Int, in range: Range<Int>) -> Bool {
        guard i > range.lowerBound else { return false }
        return word(i - 1, isOneOf: Self.periodPartWords)
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
        // Label before: Task 1, LO2, AC 1.1, P3, M1, Level 7, Figure 2, Article 6, ID 4471; "p.112", "s.49".
        if let p = prev, tokens[p].kind == .word, isCue(p, .labelWord) || isCue(p, .idLabel) { return true }
        if let p = prev, isPunct(p, "."), p - 1 >= range.lowerBound, tokens[p - 1].kind == .word,
            isCue(p - 1, .labelWord)
        {
            return true
        }
        if isIdentifierOrTime(i, in: range) { return true }
        // The second number of a range whose first is not evidence: "pp. 4-5", "2019-20".
        if let p = prev, isDash(p) || isCue(p, .toWord), p - 1 >= range.lowerBound, tokens[p - 1].kind == .number,
            isExcludedNumber(p - 1, in: range)
        {
            return true
        }
        if let n = next {
            let nt = tokens[n]
            // Framework names: 4Ps, 7 Ps, 4 P's, 3Cs, 5 forces, 6 stages.
            if nt.kind == .word && isCue(n, .frameworkNumberWord) {
                let short = nt.end - nt.start <= 3
                if !short || nt.has(Token.Flags.capitalised) { return true }
            }
            // Ordinals and decades: 1st, 2nd, 1990s.
            if nt.kind == .word && !nt.has(Token.Flags.spaceBefore) && word(n, isOneOf: Self.ordinalSuffixes) {
                return true
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
        if let p = prev, isPunct(p, "/"), p - 1 >= range.lowerBound,
            source.bytes[tokens[p - 1].range].elementsEqual("24".utf8),
            raw.elementsEqual("7".utf8)
        {
            return true
        }
        // Years: four digits between 1800 and 2100 with nothing that makes them a measurement.
        if raw.count == 4, let value = Int(String(decoding: raw, as: UTF8.self)), (1800...2100).contains(value) {
            if let n = next, isPunct(n, "%") || isCue(n, .scaleWord) || isCue(n, .percentWord) { return false }
            // "2000 customers", "1850 stores": a count, unless it is a time ("in 2000 customers ...").
            if let n = next, isCue(n, .unitNoun), !(prev.map { isTimePreposition($0) } ?? false) { return false }
            if let p = prev, isCurrencySymbol(p) { return false }
            return true
        }
        // Day after a month name: May 25.
        if let p = prev, tokens[p].kind == .word && isCue(p, .month) && raw.count <= 2 { return true }
        return false
    }

    private func isTimePreposition(_ k: Int) -> Bool {
        word(k, isOneOf: Self.timePrepositions)
    }

    /// Times of day ("4pm", "9:30"), identifiers ("20231BUS0045", "MKT-4-017", "017") and phone numbers
    /// ("0161 496 0000", "+44 20 7946 0958").
    private func isIdentifierOrTime(_ i: Int, in range: Range<Int>) -> Bool {
        let t = tokens[i]
        let raw = source.bytes[t.range]
        if let n = i + 1 < range.upperBound ? i + 1 : nil {
            if isCue(n, .timeOfDay) { return true }
            // 9:30
            if isPunct(n, ":"), !tokens[n].has(Token.Flags.spaceBefore), n + 1 < range.upperBound,
                tokens[n + 1].kind == .number, !tokens[n + 1].has(Token.Flags.spaceBefore)
            {
                return true
            }
            // Letters glued to the number: "20231BUS0045" (but 1st, 10x, 5k, 3pm are handled elsewhere).
            let nt = tokens[n]
            if nt.kind == .word && !nt.has(Token.Flags.spaceBefore) && nt.has(Token.Flags.allCaps)
                && !isCue(n, .scaleWord) && !isCue(n, .currencyCode) && !isCue(n, .frameworkNumberWord)
            {
                return true
            }
        }
        if let p = i - 1 >= range.lowerBound ? i - 1 : nil {
            if isPunct(p, ":"), !t.has(Token.Flags.spaceBefore), p - 1 >= range.lowerBound,
                tokens[p - 1].kind == .number,
                !tokens[p].has(Token.Flags.spaceBefore)
            {
                return true
            }
            // "BUS0045", "MKT-4-017": glued to a code in capitals.
            if tokens[p].kind == .word && !t.has(Token.Flags.spaceBefore) && tokens[p].has(Token.Flags.allCaps)
                && !isCue(p, .currencyCode)
            {
                return true
            }
            if isDash(p) && !t.has(Token.Flags.spaceBefore) && !tokens[p].has(Token.Flags.spaceBefore)
                && p - 1 >= range.lowerBound
            {
                let q = tokens[p - 1]
                if q.kind == .word && q.has(Token.Flags.allCaps) { return true }
                if q.kind == .number && source.bytes[q.range].first == UInt8(ascii: "0") { return true }
                if q.kind == .number && p - 2 >= range.lowerBound && isDash(p - 2) && p - 3 >= range.lowerBound
                    && tokens[p - 3].kind == .word && tokens[p - 3].has(Token.Flags.allCaps)
                {
                    return true
                }
            }
        }
        // Leading zero: "017", "0161" (not "0.5").
        if raw.count >= 2 && raw.first == UInt8(ascii: "0") && !raw.contains(UInt8(ascii: ".")) { return true }
        // Groups of digits: "+44 20 7946 0958", "0800 123 456".
        var groups = 1
        var k = i - 1
        while k >= range.lowerBound && tokens[k].kind == .number && tokens[k + 1].has(Token.Flags.spaceBefore) {
            groups += 1
            k -= 1
        }
        let plus = k >= range.lowerBound && isPunct(k, "+")
        k = i + 1
        while k < range.upperBound && tokens[k].kind == .number && tokens[k].has(Token.Flags.spaceBefore) {
            groups += 1
            k += 1
        }
        return groups >= 3 || (groups >= 2 && plus)
    }
}
