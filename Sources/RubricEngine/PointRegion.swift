import TextAnalyser

/// The part of an answer about one marking point, and how far the answer develops it there.
///
/// The region is what an examiner reads when marking the point: the sentences that mention one of its
/// concepts, each sentence that carries such a sentence on ("This meant ...", "As a result ..."), every
/// sentence under a heading that names one of its concepts, and the whole of a paragraph when most of its
/// sentences are about the point, or when it is a paragraph of a few sentences that opens with the point.
struct PointRegion {
    /// Sentence indexes in the region.
    let sentences: Set<Int>
    /// Distinct genuine sentences in the region that support the point (see `development(...)`).
    let development: Int
    /// The sentences counted as development, in order.
    let developedSentences: [Int]

    /// Paragraphs of this many sentences are read as being about what their first sentence is about; a longer
    /// paragraph (a whole answer in one block) is not.
    static let topicParagraph = 3...5

    /// A sentence whose terms take up this share of it or more lists them rather than linking them.
    static let listingShare = 0.4

    /// Words a continuation sentence needs to count as development on its own.
    static let continuationWords = 6

    init(point: MarkingPoint, evaluator: EvidenceEvaluator) {
        let analysis = evaluator.analysis
        var inRegion = Set<Int>()
        var headings = Set<Int>()
        var conceptsPerSentence: [Int: Set<Int>] = [:]
        for t in point.about {
            for i in analysis.findingsByTerm[t] {
                let s = analysis.findings[i].sentence
                guard analysis.sentences[s].copiedFrom != .brief else { continue }
                let block = analysis.sentences[s].block
                if analysis.blocks[block].isHeading {
                    headings.insert(block)
                } else {
                    inRegion.insert(s)
                    if !analysis.findings[i].negated || evaluator.rubric.negationIsContent.contains(t) {
                        conceptsPerSentence[s, default: []].insert(t)
                    }
                }
            }
        }
        for (s, sentence) in analysis.sentences.enumerated() {
            if let h = analysis.blocks[sentence.block].heading, headings.contains(h) { inRegion.insert(s) }
            if s > 0 && sentence.continuesPrevious && inRegion.contains(s - 1) { inRegion.insert(s) }
        }
        var sentencesPerBlock: [Int: [Int]] = [:]
        for (s, sentence) in analysis.sentences.enumerated() { sentencesPerBlock[sentence.block, default: []].append(s) }
        for (_, members) in sentencesPerBlock where members.count > 1 {
            let about = members.filter { inRegion.contains($0) }.count
            let opensWithIt = inRegion.contains(members[0]) && Self.topicParagraph.contains(members.count)
            if opensWithIt || about * 2 > members.count { inRegion.formUnion(members) }
        }
        sentences = inRegion
        var developed: [Int] = []
        var hasSignal = Set<Int>()
        var termBytes: [Int: Int] = [:]
        for (i, f) in analysis.findings.enumerated() where inRegion.contains(f.sentence) && !f.negated {
            if evaluator.isSignal(i) { hasSignal.insert(f.sentence) }
            if case .term = f.kind { termBytes[f.sentence, default: 0] += f.range.count }
        }
        for s in inRegion.sorted() {
            let sentence = analysis.sentences[s]
            guard !sentence.isWeak, !sentence.isSignpost, sentence.copiedFrom == nil else { continue }
            // Two of the point's concepts linked in a sentence of one's own words develop it; a sentence that is
            // mostly the concepts themselves ("A, B, C and D are all part of it") only lists them.
            let linked =
                (conceptsPerSentence[s]?.count ?? 0) >= 2
                && Double(termBytes[s] ?? 0) < Self.listingShare * Double(sentence.range.count)
            let supported =
                hasSignal.contains(s) || linked || (sentence.continuesPrevious && sentence.wordCount >= Self.continuationWords)
            if supported { developed.append(s) }
        }
        developedSentences = developed
        development = developed.count
    }
}
