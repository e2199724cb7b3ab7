extension AnalysisBuilder {
    // Word lists compared as bytes (static, so no array is built per call).
    private static let listOpeners: [StaticString] = ["like", "including", "such"]
    private static let legalSuffixes: [StaticString] = ["ltd", "plc", "inc", "llp", "llc", "limited", "gmbh"]
    private static let placeNouns: [StaticString] = [
        "branch", "store", "office", "site", "area", "region", "city", "town", "shop", "depot", "club",
    ]
    private static let placePrepositions: [StaticString] = [
        "in", "across", "throughout", "around", "near", "within", "outside",
    ]
    private static let directionPrepositions: [StaticString] = ["from", "into", "to", "towards", "of"]
    private static let brandKindNouns: [StaticString] = [
        "brand", "company", "retailer", "firm", "supermarket", "chain", "drinks", "maker", "label",
    ]

    /// Finds real-world examples: example and workplace markers ("for example", "such as", "in my workplace"),
    /// and organisations recognised from how they are written. Organisations listed in the lexicon are term
    /// findings; this stage finds the others, so every rubric recognises organisations whatever lexicons it loads.
    ///
    /// A name is a run of capitalised words ("John Lewis", "Marks & Spencer", "Bank of England", also across a
    /// line break). It counts as an organisation with evidence from its context: a possessive (Greggs'), a
    /// company suffix (Ltd, plc, Bank), a cue before it ("at", "such as", "like", "retailer", "brand") or a noun
    /// after it ("the Monzo app"), a place in a list that began with one; or, without such evidence, when it
    /// stands mid-sentence. Not organisations: sentence starts (unless the name is recognised elsewhere in the
    /// answer), headings and title-case lines, cited authors (Payne (2005), (Kotler, 2016)), people with a
    /// title, months, days, places used as places ("in Leeds"), nationalities, concept acronyms (CRM, NPS,
    /// GDPR), framework letters ("4 P's"); everyday words that are also brands ("Next", "Boots", "innocent")
    /// need evidence from context, and a lower-case brand needs a noun such as "brand" right before it.
    func exampleFindings() -> [Finding] {
        var out: [Finding] = []
        let exampleMarker = -(Cue.exampleMarker.rawValue + 1)
        let workplaceMarker = -(Cue.workplaceMarker.rawValue + 1)
        var names: [[UInt8]] = []
        var sentenceStarts: [(sentence: Int, first: Int, last: Int)] = []
        var unconfirmed: [(sentence: Int, first: Int, last: Int)] = []
        for s in sentences.indices where !blocks[sentences[s].block].isReferenceList {
            for n in cueRanges[s] where cueMatches[n].entry == exampleMarker || cueMatches[n].entry == workplaceMarker {
                let m = cueMatches[n]
                out.append(finding(.example, m.first, m.last, sentence: s))
            }
            if blocks[sentences[s].block].isHeading { continue }
            let range = sentences[s].tokens
            var titleCase: Bool?  // worked out at the first name found, as most sentences need no answer
            var lastOrganisationEnd = -10
            var i = range.lowerBound
            while i < range.upperBound {
                let t = tokens[i]
                guard t.kind == .word else {
                    i += 1
                    continue
                }
                guard t.has(Token.Flags.capitalised) else {
                    if t.id >= 0 && isCue(i, .everydayBrand) && isLowerCaseBrand(i, in: range) {
                        out.append(finding(.example, i, i, sentence: s))
                        lastOrganisationEnd = i
                    }
                    i += 1
                    continue
                }
                // A capitalised function word ("At", "The", "Our") opens a sentence, not a name; "I'm" and the
                // halves of "Wi-Fi" are not names either.
                if isCue(i, .scaffoldWord) || isCue(i, .clauseBreak) || word(i, isOneOf: Self.listOpeners)
                    || isPronounContraction(i)
                    || isCompoundFragment(i)
                {
                    i += 1
                    continue
                }
                // "Customers of Castlegate Motors Ltd": a plural noun opening the sentence is not part of the name.
                if isPluralOpeningOf(i, in: range) {
                    i += 2
                    continue
                }
                let last = nameEnd(from: i, in: range)
                var judgement = judgeName(
                    i, last, in: range, sentence: s, listContinues: continuesList(before: i, after: lastOrganisationEnd)
                )
                if judgement != .notOrganisation {
                    if titleCase == nil { titleCase = isTitleCase(s) }
                    if titleCase == true || isPerson(i, last, in: range, sentence: s) { judgement = .notOrganisation }
                }
                switch judgement {
                case .organisation:
                    out.append(finding(.example, i, last, sentence: s))
                    names.append(nameKey(i, last))
                    lastOrganisationEnd = last
                case .sentenceStart:
                    sentenceStarts.append((s, i, last))
                case .unconfirmed:
                    unconfirmed.append((s, i, last))
                    lastOrganisationEnd = last
                case .notOrganisation:
                    break
                }
                i = last + 1
            }
        }
        // A capitalised word with no evidence from its context is as often a topic written in capitals ("Discount
        // offers"), a product or a title as an organisation: it counts when the answer names it twice, or uses it
        // as an organisation elsewhere.
        let unconfirmedKeys = unconfirmed.map { nameKey($0.first, $0.last) }
        for (c, key) in zip(unconfirmed, unconfirmedKeys)
        where names.contains(key) || unconfirmedKeys.filter({ $0 == key }).count >= 2 {
            out.append(finding(.example, c.first, c.last, sentence: c.sentence))
            names.append(key)
        }
        // A name at the start of a sentence counts when the answer uses it as an organisation elsewhere.
        for c in sentenceStarts where names.contains(nameKey(c.first, c.last)) {
            out.append(finding(.example, c.first, c.last, sentence: c.sentence))
        }
        out.sort { $0.range.lowerBound < $1.range.lowerBound }
        return out
    }

    /// `unconfirmed`: a name with no evidence from its context (no suffix, possessive, cue or list), which counts
    /// only when the answer names it again.
    private enum NameJudgement { case organisation, sentenceStart, unconfirmed, notOrganisation }

    /// The last token of a capitalised name starting at `i`: capitalised words joined directly or by "&"
    /// or a lower-case "of" ("Bank of England").
    private func nameEnd(from i: Int, in range: Range<Int>) -> Int {
        var last = i
        var k = i + 1
        while k < range.upperBound {
            if isNameWord(k) && !tokens[last].has(Token.Flags.possessive) {
                last = k
                k += 1
            } else if k + 1 < range.upperBound && (isPunct(k, "&") || isOfWord(k)) && isNameWord(k + 1) {
                last = k + 1
                k += 2
            } else {
                break
            }
        }
        return last
    }

    /// A sentence's first word that looks like a plural noun ("Customers", "Managers", not "Lloyd's" or
    /// "Business"), followed by "of" and a name: the name starts after "of".
    private func isPluralOpeningOf(_ i: Int, in range: Range<Int>) -> Bool {
        let t = tokens[i]
        guard i + 2 < range.upperBound, isOfWord(i + 1), isNameWord(i + 2), isSentenceStart(i, in: range),
            !t.has(Token.Flags.possessive), !t.has(Token.Flags.allCaps), t.end - t.start >= 4
        else { return false }
        let bytes = source.bytes
        return bytes[Int(t.end) - 1] == UInt8(ascii: "s") && bytes[Int(t.end) - 2] != UInt8(ascii: "s")
    }

    private func isNameWord(_ k: Int) -> Bool {
        let t = tokens[k]
        return t.kind == .word && t.has(Token.Flags.capitalised) && termKinds[k] == 0 && !isCue(k, .theorist)
            && (t.end - t.start >= 2 || (k > 0 && isPunct(k - 1, "&")))  // not "I"
    }

    private func isOfWord(_ k: Int) -> Bool {
        let t = tokens[k]
        return t.kind == .word && t.end - t.start == 2 && source.bytes[Int(t.start)] == UInt8(ascii: "o")
            && source.bytes[Int(t.start) + 1] == UInt8(ascii: "f")
    }

    private func judgeName(_ first: Int, _ last: Int, in range: Range<Int>, sentence s: Int, listContinues: Bool)
        -> NameJudgement
    {
        // Terms are the lexicon's; theorists and framework letters ("4 P's", "I") are never organisations.
        guard termKinds[first] == 0, !isCue(first, .theorist) else { return .notOrganisation }
        // A name needs a word the lexicon does not know (a name, not a course word) or one that is also a
        // brand; a name made only of brand-like words ("Head Office", "Royal Mail") needs context like one.
        var unknown = false
        var brandLike = false
        var letters = 0
        for k in first...last where tokens[k].kind == .word {
            letters = max(letters, letterCount(k))
            if isCue(k, .month) || isCue(k, .notOrganisation) || isCue(k, .conceptAcronym) { continue }
            if tokens[k].id < 0 {
                unknown = true
            } else if isCue(k, .everydayBrand) || isCue(k, .organisationSuffix) {
                brandLike = true
            }
        }
        let nameLike = unknown || brandLike
        if letters < 2 && first == last { return .notOrganisation }
        // A title-case idea ("the Endowed Progress Effect") or a quoted or emphasised title ('Animal Welfare',
        // **Data Cleaning**) is not an organisation unless a suffix says so ("Marketing Ltd").
        let ideaHead =
            isConceptHead(last)
            || (last + 1 < range.upperBound && tokens[last + 1].has(Token.Flags.capitalised) && isConceptHead(last + 1))
        if !hasCompanySuffix(first, last, atStart: false) && (ideaHead || isQuotedOrEmphasised(first, last, in: range))
        {
            return .notOrganisation
        }
        let single = first == last || (last == first + 1 && tokens[last].kind != .word)
        let excludedSingle =
            single && (isCue(first, .month) || isCue(first, .notOrganisation) || isCue(first, .conceptAcronym))
        if excludedSingle || !nameLike { return .notOrganisation }
        let start = isSentenceStart(first, in: range)
        if hasCompanySuffix(first, last, atStart: start) { return .organisation }
        let possessive = tokens[last].has(Token.Flags.possessive)
        if possessive && (!start || hasInnerCapital(first)) { return .organisation }
        let cueBefore = hasOrganisationCue(before: first, in: range, sentence: s) || (!start && listContinues)
        let nounAfter =
            last + 1 < range.upperBound && isCue(last + 1, .organisationNoun)
            && tokens[last + 1].kind == .word && !tokens[last + 1].has(Token.Flags.capitalised)
        if cueBefore || (nounAfter && !start) { return .organisation }
        // Everyday words and acronyms need that evidence; so does a name used as a place ("in Leeds").
        let ambiguous = (single && (isCue(first, .everydayBrand) || tokens[first].has(Token.Flags.allCaps))) || !unknown
        if ambiguous { return .notOrganisation }
        if start { return .sentenceStart }
        // Without evidence: not a place ("in West Yorkshire", "the Leeds branch") or a person's first name.
        if first > range.lowerBound && isPlacePreposition(first - 1, single: single) { return .notOrganisation }
        if first - 1 > range.lowerBound && word(first - 1, is: "the") && isPlacePreposition(first - 2, single: single) {
            return .notOrganisation  // "across the West Midlands"
        }
        if last + 1 < range.upperBound && isPlaceNoun(last + 1) { return .notOrganisation }
        if isCue(first, .firstName) { return .notOrganisation }
        return single ? .unconfirmed : .organisation
    }

    private func letterCount(_ k: Int) -> Int {
        var n = 0
        for b in source.bytes[tokens[k].range]
        where (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b >= 0xC3 {
            n += 1
        }
        if tokens[k].has(Token.Flags.possessive) { n -= 1 }
        return n
    }

    private func hasInnerCapital(_ k: Int) -> Bool {
        source.bytes[tokens[k].range].dropFirst().contains { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// The first word of a sentence, also after an opening quote or bracket, or after a colon.
    private func isSentenceStart(_ i: Int, in range: Range<Int>) -> Bool {
        var k = i - 1
        while k >= range.lowerBound && tokens[k].kind == .punctuation {
            if isPunct(k, ":") || isPunct(k, "\"") || isPunct(k, "(") || isPunct(k, "'") || isDash(k) || isPunct(k, "*")
                || isPunct(k, "|") || isPunct(k, ".") || isPunct(k, "_")
            {
                if isPunct(k, ":") || isPunct(k, "|") || isPunct(k, ".") { return true }
                k -= 1
                continue
            }
            return false
        }
        return k < range.lowerBound
    }

    /// "Greenway Ltd", "Harlow Print Ltd", "Lloyds Bank" (a bank-like suffix needs to be mid-sentence or
    /// follow two names).
    private func hasCompanySuffix(_ first: Int, _ last: Int, atStart: Bool) -> Bool {
        guard last > first, isCue(last, .organisationSuffix) else { return false }
        var names = 0
        for k in first..<last where tokens[k].kind == .word { names += 1 }
        let strong = word(last, isOneOf: Self.legalSuffixes)
        return names >= 2 || !atStart || strong
    }

    /// A cited author ("Payne (2005)", "(Kotler, 2016)", "Kumar et al.") or a person with a title ("Mr Patel",
    /// "according to Smith").
    private func isPerson(_ first: Int, _ last: Int, in range: Range<Int>, sentence s: Int) -> Bool {
        if isCue(first, .personTitle) || (first > range.lowerBound && isCue(first - 1, .personTitle)) { return true }
        if first - 2 >= range.lowerBound && cue(.personTitle, at: first - 2, in: s) == first - 1 {
            return true
        }
        if narrativeCitation(at: last, in: range) != nil || narrativeCitation(at: first, in: range) != nil {
            return true
        }
        let next = last + 1
        if next < range.upperBound {
            if isCue(next, .etWord) { return true }
            if isPunct(next, ","), next + 1 < range.upperBound, isYear(next + 1) { return true }
            if isPunct(next, "("), next + 1 < range.upperBound, isYear(next + 1) { return true }
            if tokens[next].kind == .number && isYear(next) && first > range.lowerBound && isPunct(first - 1, "(") {
                return true
            }
        }
        return false
    }

    /// "at", "such as", "for example", "like", "retailer", "company", "brand" right before the name
    /// (an article may sit between: "the retailer Greggs").
    private func hasOrganisationCue(before first: Int, in range: Range<Int>, sentence s: Int) -> Bool {
        var k = first - 1
        // "for example, Greggs", "e.g. Greggs"
        if k >= range.lowerBound && (isPunct(k, ",") || isPunct(k, ".")) { k -= 1 }
        guard k >= range.lowerBound, tokens[k].kind == .word else { return false }
        if isCue(k, .organisationCue) { return true }
        // The last word of a phrase cue: "such as", "for example", "works for".
        for n in cueRanges[s] where cueMatches[n].last == k {
            let entry = cueMatches[n].entry
            if entry == -(Cue.exampleMarker.rawValue + 1) { return true }
        }
        for start in max(range.lowerBound, k - 2)..<k where cue(.organisationCue, at: start, in: s) == k { return true }
        return false
    }

    /// "such as Tesco, Asda and Lidl": a name after a comma or "and"/"or" that follows an organisation.
    private func continuesList(before i: Int, after lastEnd: Int) -> Bool {
        guard lastEnd >= 0, i - lastEnd == 2 else { return false }
        let k = i - 1
        return isPunct(k, ",") || isCue(k, .coordinator) || isPunct(k, "/")
    }

    private func isPlaceNoun(_ k: Int) -> Bool {
        !tokens[k].has(Token.Flags.capitalised)
            && word(k, isOneOf: Self.placeNouns)
    }

    /// "I'm", "I've", "I'd", "I'll".
    private func isPronounContraction(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.end - t.start >= 3, source.bytes[Int(t.start)] == UInt8(ascii: "I") else { return false }
        let b = source.bytes[Int(t.start) + 1]
        return b == UInt8(ascii: "'") || b == 0xE2
    }

    /// A one- or two-letter word joined to another by a hyphen: "Wi-Fi", "E-commerce".
    private func isCompoundFragment(_ i: Int) -> Bool {
        guard tokens[i].end - tokens[i].start <= 2 else { return false }
        let before = i > 0 && isDash(i - 1) && !tokens[i].has(Token.Flags.spaceBefore)
        let after = i + 1 < tokens.count && isDash(i + 1) && !tokens[i + 1].has(Token.Flags.spaceBefore)
        return before || after
    }

    /// "in Leeds", "across West Yorkshire"; a single word also after "from", "to" or "of" ("customers from Hull").
    private func isPlacePreposition(_ k: Int, single: Bool) -> Bool {
        if word(k, isOneOf: Self.placePrepositions) { return true }
        return single && word(k, isOneOf: Self.directionPrepositions)
    }

    /// A lower-case brand such as "innocent", only right after a noun that says what it is ("the brand innocent").
    private func isLowerCaseBrand(_ i: Int, in range: Range<Int>) -> Bool {
        guard isCue(i, .everydayBrand), i > range.lowerBound, tokens[i - 1].kind == .word else { return false }
        return word(i - 1, isOneOf: Self.brandKindNouns)
    }

    /// A line in title case ("Customer Relationship Management At Greggs") is a title, not running text.
    private func isTitleCase(_ s: Int) -> Bool {
        let sentence = sentences[s]
        guard sentence.wordCount >= 4 else { return false }
        var capitals = 0
        for k in sentence.tokens where tokens[k].kind == .word && tokens[k].has(Token.Flags.capitalised) {
            capitals += 1
        }
        return capitals * 10 >= sentence.wordCount * 7
    }

    /// The word names an idea or a topic ("Effect", "Analysis"), at the end of a name or capitalised right after
    /// it (a course word such as "Analysis" is a term, so the name's run stops before it).
    private func isConceptHead(_ last: Int) -> Bool {
        tokens[last].kind == .word && isCue(last, .conceptHead)
    }

    /// The name is wrapped in quotation marks or Markdown emphasis: a title or a defined term.
    private func isQuotedOrEmphasised(_ first: Int, _ last: Int, in range: Range<Int>) -> Bool {
        guard first > range.lowerBound, last + 1 < range.upperBound else { return false }
        let open = tokens[first - 1]
        let close = tokens[last + 1]
        guard open.kind == .punctuation, close.kind == .punctuation else { return false }
        return Self.isWrapper(source.bytes[Int(open.start)..<Int(open.end)])
            && Self.isWrapper(source.bytes[Int(close.start)..<Int(close.end)])
    }

    /// Quotation marks (straight and curly) and Markdown emphasis marks.
    private static func isWrapper(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let b = bytes.first else { return false }
        if bytes.count == 1 {
            return b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "*") || b == UInt8(ascii: "_")
        }
        // ‘ ’ “ ” are E2 80 98/99/9C/9D.
        return bytes.count == 3 && b == 0xE2 && bytes[bytes.startIndex + 1] == 0x80
            && [0x98, 0x99, 0x9C, 0x9D].contains(bytes[bytes.startIndex + 2])
    }

    /// A name's spelling for comparison: lower case, without a possessive ending.
    private func nameKey(_ first: Int, _ last: Int) -> [UInt8] {
        var key: [UInt8] = []
        for b in source.bytes[Int(tokens[first].start)..<Int(tokens[last].end)] {
            key.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        if tokens[last].has(Token.Flags.possessive) {
            if key.last == UInt8(ascii: "s"), key.count >= 2,
                key[key.count - 2] == UInt8(ascii: "'") || key[key.count - 2] == 0x99
            {
                key.removeLast(key[key.count - 2] == 0x99 ? 4 : 2)
            } else if key.last == UInt8(ascii: "'") {
                key.removeLast()
            } else if key.count >= 3 && key.last == 0x99 {
                key.removeLast(3)
            }
        }
        return key
    }
}
