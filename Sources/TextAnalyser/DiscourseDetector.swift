extension AnalysisBuilder {
    /// Reports discourse markers: explanation (causal links), and the three faces of evaluation:
    /// judgement, balance and recommendation.
    func discourseFindings() -> [Finding] {
        var out: [Finding] = []
        let kinds: [Int32: Finding.Kind] = [
            -(Cue.explanation.rawValue + 1): .explanation,
            -(Cue.judgement.rawValue + 1): .judgement,
            -(Cue.balance.rawValue + 1): .balance,
            -(Cue.recommendation.rawValue + 1): .recommendation,
        ]
        for s in sentences.indices where !blocks[sentences[s].block].isReferenceList {
            var lastEnd = -1
            for m in cueMatches[cueRanges[s]].sorted(by: { ($0.first, -$0.last) < ($1.first, -$1.last) }) {
                guard let kind = kinds[m.entry], m.first > lastEnd || m.last > lastEnd else { continue }
                out.append(finding(kind, m.first, m.last, sentence: s))
                lastEnd = max(lastEnd, m.last)
            }
        }
        return out
    }
}
