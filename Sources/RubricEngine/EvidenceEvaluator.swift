import TextAnalyser

/// Evaluates evidence expressions over an analysis. A result is the list of findings that satisfy it
/// (its witnesses), or nil when it is not met.
struct EvidenceEvaluator {
    let analysis: Analysis
    let terms: [TermDefinition]
    /// Findings per signal, precomputed once per answer.
    private let signalFindings: [Signal: [Int]]

    /// Where an expression is being evaluated.
    enum Scope: Equatable {
        case document, sentence(Int), paragraph(Int)
    }

    /// Which findings count.
    struct Filter {
        /// Weak findings (headings, bare lists, fragments, stuffing) count.
        var allowWeak: Bool
        /// Negated findings count (used to recognise a rejected misconception).
        var allowNegated: Bool
    }

    init(analysis: Analysis, terms: [TermDefinition]) {
        self.analysis = analysis
        self.terms = terms
        var map: [Signal: [Int]] = [:]
        for (i, f) in analysis.findings.enumerated() {
            for s in Self.signals(of: f, terms: terms) { map[s, default: []].append(i) }
        }
        signalFindings = map
    }

    private static func signals(of f: Finding, terms: [TermDefinition]) -> [Signal] {
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
            switch terms[t].kind {
            case .organisation: return [.organisation, .example]
            case .legislation: return [.legislation]
            default: return []
            }
        }
    }

    func evaluate(_ e: Evidence, _ scope: Scope = .document, _ filter: Filter) -> [Int]? {
        switch e {
        case .term(let t):
            return nonEmpty(analysis.findingsByTerm[t].filter { accepts($0, scope, filter) })
        case .signal(let s):
            return nonEmpty((signalFindings[s] ?? []).filter { accepts($0, scope, filter, signal: true) })
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
        case .near(let unit, let parts):
            return near(unit, parts, scope, filter)
        case .not(let inner):
            return evaluate(inner, scope, filter) == nil ? [] : nil
        }
    }

    /// Every part inside one sentence (or paragraph); tries only the units where a positive part occurs.
    private func near(_ unit: Evidence.Scope, _ parts: [Evidence], _ scope: Scope, _ filter: Filter) -> [Int]? {
        guard let anchor = parts.first(where: { if case .not = $0 { return false } else { return true } }),
            let candidates = evaluate(anchor, scope, filter)
        else { return nil }
        var units: [Scope] = []
        for i in candidates {
            let s = analysis.findings[i].sentence
            let u: Scope = unit == .sentence ? .sentence(s) : .paragraph(analysis.sentences[s].block)
            if !units.contains(u) { units.append(u) }
        }
        var out: [Int] = []
        for u in units {
            if let w = evaluate(.all(parts), u, filter) { out += w }
        }
        return out.isEmpty ? nil : out
    }

    private func nonEmpty(_ a: [Int]) -> [Int]? { a.isEmpty ? nil : a }

    private func accepts(_ i: Int, _ scope: Scope, _ filter: Filter, signal: Bool = false) -> Bool {
        let f = analysis.findings[i]
        if f.negated && !filter.allowNegated && !signal { return false }
        if f.weak && !filter.allowWeak { return false }
        switch scope {
        case .document: return true
        case .sentence(let s): return f.sentence == s
        case .paragraph(let b): return analysis.sentences[f.sentence].block == b
        }
    }
}
