extension AnalysisBuilder {
    /// Reports discourse markers: explanation (causal links), and the three faces of evaluation:
    /// judgement, balance and recommendation.
    func discourseFindings() -> [Finding] {
        var out: [Finding] = []
        for s in sentences.indices where !blocks[sentences[s].block].isReferenceList {
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
}
