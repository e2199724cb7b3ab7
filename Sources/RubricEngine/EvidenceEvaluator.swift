import TextAnalyser

/// Evaluates evidence expressions over an analysis. A result is the list of findings that satisfy it
/// (its witnesses), or nil when it is not met.
struct EvidenceEvaluator {
    let analysis: Analysis
    let rubric: Rubric
    /// Findings per signal, precomputed once per answer.
    private let signalFindings: [Signal: [Int]]
    /// Per finding, whether it is a signal (anything but a plain concept).
    private let signalFlags: [Bool]
    /// Per block, the range of its sentences (sentences are in reading order).
    private let blockSentences: [Range<Int>]

    /// Where an expression is being evaluated.
    enum Scope: Equatable {
        case document, sentence(Int), paragraph(Int), sentences(SentenceSet)
    }

    /// Which findings count.
    struct Filter {
        /// Weak findings (headings, bare lists, fragments, stuffing) count.
        var allowWeak: Bool
        /// Negated findings count (used to recognise a rejected misconception).
        var allowNegated: Bool
        /// When set, signals count only in these sentences: the marking point's region.
        var region: SentenceSet? = nil
    }

    init(analysis: Analysis, rubric: Rubric) {
        self.analysis = analysis
        self.rubric = rubric
        var map: [Signal: [Int]] = [:]
        var flags = [Bool](repeating: false, count: analysis.findings.count)
        for (i, f) in analysis.findings.enumerated() {
            let signals = Self.signals(of: f, rubric: rubric)
            flags[i] = !signals.isEmpty
            for s in signals { map[s, default: []].append(i) }
        }
        signalFindings = map
        signalFlags = flags
        var ranges = [Range<Int>](repeating: 0..<0, count: analysis.blocks.count)
        for (i, sentence) in analysis.sentences.enumerated() {
            let r = ranges[sentence.block]
            ranges[sentence.block] = r.isEmpty ? i..<(i + 1) : r.lowerBound..<(i + 1)
        }
        blockSentences = ranges
    }

    private static func signals(of f: Finding, rubric: Rubric) -> [Signal] {
        switch f.kind {
        case .quantity: return [.quantity]
        case .example: return [.example]
        case .citation: return [.citation, .source]
        case .reference: return [.reference, .source]
        case .legislation: return [.legislation]
        case .explanation: return [.explanation]
        case .judgement: return [.judgement, .evaluation]
        case .balance: return [.balance, .evaluation]
        case .recommendation: return [.recommendation, .evaluation]
        case .stuffing: return []
        case .term(let t):
            if rubric.sourceDetailTerms.contains(t) { return [.sourceDetail] }
            switch rubric.terms[t].kind {
            case .organisation: return [.organisation, .example]
            case .legislation: return [.legislation]
            default: return []
            }
        }
    }

    /// Whether a finding is a signal (anything but a plain concept).
    func isSignal(_ i: Int) -> Bool { signalFlags[i] }

    func evaluate(_ e: Evidence, _ scope: Scope = .document, _ filter: Filter) -> [Int]? {
        switch e {
        case .term(let t):
            let negatedCounts = rubric.negationIsContent.contains(t)
            return nonEmpty(
                candidates(analysis.findingsByTerm[t], scope).filter {
                    accepts($0, scope, filter, negatedCounts: negatedCounts)
                })
        case .signal(let s):
            return nonEmpty(
                candidates(signalFindings[s] ?? [], scope).filter { accepts($0, scope, filter, signal: true) })
        case .all(let parts):
            var out: [Int] = []
            for p in parts {
                guard let w = evaluate(p, scope, filter) else { return nil }
                out += w
            }
            return out
        case .any(let parts):
            let found = parts.compactMap { evaluate($0, scope, filter) }
            return found.isEmpty ? nil : found.flatMap { $0 }
        case .atLeast(let n, let parts):
            let found = parts.compactMap { evaluate($0, scope, filter) }
            return found.count >= n ? found.flatMap { $0 } : nil
        case .near(.point, let parts):
            guard let region = filter.region else { return evaluate(.all(parts), scope, filter) }
            return evaluate(.all(parts), intersect(scope, region), filter)
        case .near(let unit, let parts):
            return near(unit, parts, scope, filter)
        case .not(let inner):
            return evaluate(inner, scope, filter) == nil ? [] : nil
        case .each(let items, let n, let with):
            return each(items, n, with, scope, filter)
        }
    }

    /// Every part inside one sentence (or paragraph); tries only the units where a positive part occurs.
    private func near(_ unit: Evidence.Scope, _ parts: [Evidence], _ scope: Scope, _ filter: Filter) -> [Int]? {
        guard let anchor = parts.first(where: { if case .not = $0 { return false } else { return true } }),
            let candidates = evaluate(anchor, scope, filter)
        else { return nil }
        var units: [Scope] = []
        var seen = Set<Int>()
        for i in candidates {
            let s = analysis.findings[i].sentence
            let key = unit == .sentence ? s : analysis.sentences[s].block
            if seen.insert(key).inserted { units.append(unit == .sentence ? .sentence(key) : .paragraph(key)) }
        }
        var out: [Int] = []
        for u in units {
            if let w = evaluate(.all(parts), u, filter) { out += w }
        }
        return out.isEmpty ? nil : out
    }

    /// At least `n` items each with `with` in the item's own sentence or the sentence that continues it. Each
    /// item needs a piece of evidence of its own: one example shared by three items ("A, B and C, for example
    /// at Tesco") serves only one of them.
    private func each(_ items: [Evidence], _ n: Int, _ with: Evidence, _ scope: Scope, _ filter: Filter) -> [Int]? {
        var met = 0
        var used = Set<Int>()
        var out: [Int] = []
        for item in items {
            guard let found = evaluate(item, scope, filter) else { continue }
            var tried = Set<Int>()
            search: for i in found {
                let s = analysis.findings[i].sentence
                guard tried.insert(s).inserted else { continue }
                let carriedOn = s + 1 < analysis.sentences.count && analysis.sentences[s + 1].continuesPrevious
                let local = SentenceSet(carriedOn ? [s, s + 1] : [s])
                for w in evaluate(with, intersect(scope, local), filter) ?? [] where used.insert(piece(w)).inserted {
                    out += [i, w]
                    met += 1
                    break search
                }
            }
        }
        return met >= n ? out : nil
    }

    /// Findings closer than this many bytes in one sentence are one piece of evidence ("for example at Tesco").
    private static let pieceGap = 24

    /// The first finding of the run of close findings that `i` belongs to.
    private func piece(_ i: Int) -> Int {
        var first = i
        let findings = analysis.findings
        while first > 0 && findings[first - 1].sentence == findings[first].sentence
            && findings[first].range.lowerBound - findings[first - 1].range.upperBound < Self.pieceGap
        {
            first -= 1
        }
        return first
    }

    /// The sentences of `scope` that are also in `set`.
    private func intersect(_ scope: Scope, _ set: SentenceSet) -> Scope {
        switch scope {
        case .document: return .sentences(set)
        case .sentence(let s): return .sentences(SentenceSet(set.contains(s) ? [s] : []))
        case .paragraph(let b): return .sentences(set.filter { analysis.sentences[$0].block == b })
        case .sentences(let other): return .sentences(set.intersection(other))
        }
    }

    private func nonEmpty(_ a: [Int]) -> [Int]? { a.isEmpty ? nil : a }

    /// The part of a list of findings (in reading order) that can lie in `scope`: for one sentence or one
    /// paragraph found by binary search, so that `near` costs the findings in each unit, not all of them
    /// again for every unit.
    private func candidates(_ list: [Int], _ scope: Scope) -> ArraySlice<Int> {
        let sentences: Range<Int>
        switch scope {
        case .sentence(let s): sentences = s..<(s + 1)
        case .paragraph(let b): sentences = blockSentences[b]
        case .document, .sentences: return list[...]
        }
        let findings = analysis.findings
        var lo = 0
        var hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if findings[list[mid]].sentence < sentences.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < list.count && findings[list[end]].sentence < sentences.upperBound { end += 1 }
        return list[lo..<end]
    }

    private func accepts(_ i: Int, _ scope: Scope, _ filter: Filter, signal: Bool = false, negatedCounts: Bool = false)
        -> Bool
    {
        let f = analysis.findings[i]
        if f.negated && !filter.allowNegated && !signal && !negatedCounts { return false }
        if f.weak && !filter.allowWeak { return false }
        // Repeating the task or the rubric's wording earns nothing, not even the lowest level.
        if analysis.sentences[f.sentence].copiedFrom == .brief { return false }
        if signal, let region = filter.region, !region.contains(f.sentence) { return false }
        switch scope {
        case .document: return true
        case .sentence(let s): return f.sentence == s
        case .paragraph(let b): return analysis.sentences[f.sentence].block == b
        case .sentences(let set): return set.contains(f.sentence)
        }
    }
}
