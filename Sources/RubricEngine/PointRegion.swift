import TextAnalyser

/// The part of an answer about one marking point, and how far the answer develops it there.
///
/// The region is what an examiner reads when marking the point: the sentences that mention one of its
/// concepts, each sentence that carries such a sentence on ("This meant ...", "As a result ..."), every
/// sentence under a heading that names one of its concepts, and the whole of a paragraph when most of its
/// sentences are about the point, or when it is a paragraph of a few sentences that opens with the point.
struct PointRegion {
    /// The sentences in the region.
    let sentences: SentenceSet
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
        let n = analysis.sentences.count
        // Arrays indexed by sentence or block, not sets: this runs for every point of every check.
        var inRegion = [Bool](repeating: false, count: n)
        var headingNamesIt = [Bool](repeating: false, count: analysis.blocks.count)
        var concepts = [Int](repeating: 0, count: n)
        var lastConcept = [Int](repeating: -1, count: n)
        for t in point.about {
            for i in analysis.findingsByTerm[t] {
                let s = analysis.findings[i].sentence
                guard analysis.sentences[s].copiedFrom != .brief else { continue }
                let block = analysis.sentences[s].block
                if analysis.blocks[block].isHeading {
                    headingNamesIt[block] = true
                } else {
                    inRegion[s] = true
                    let counts = !analysis.findings[i].negated || evaluator.rubric.negationIsContent.contains(t)
                    if counts && lastConcept[s] != t {
                        lastConcept[s] = t
                        concepts[s] += 1
                    }
                }
            }
        }
        for (s, sentence) in analysis.sentences.enumerated() {
            if let h = analysis.blocks[sentence.block].heading, headingNamesIt[h] { inRegion[s] = true }
            if s > 0 && sentence.continuesPrevious && inRegion[s - 1] { inRegion[s] = true }
        }
        // Sentences are in order, so each paragraph's sentences are one run.
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && analysis.sentences[end].block == analysis.sentences[start].block { end += 1 }
            let members = end - start
            if members > 1 {
                let about = (start..<end).filter { inRegion[$0] }.count
                let opensWithIt = inRegion[start] && Self.topicParagraph.contains(members)
                if opensWithIt || about * 2 > members { for k in start..<end { inRegion[k] = true } }
            }
            start = end
        }
        sentences = SentenceSet(mask: inRegion)
        var developed: [Int] = []
        var hasSignal = [Bool](repeating: false, count: n)
        var termBytes = [Int](repeating: 0, count: n)
        for (i, f) in analysis.findings.enumerated() where inRegion[f.sentence] && !f.negated {
            if evaluator.isSignal(i) { hasSignal[f.sentence] = true }
            if case .term = f.kind { termBytes[f.sentence] += f.range.count }
        }
        for s in 0..<n where inRegion[s] {
            let sentence = analysis.sentences[s]
            guard !sentence.isWeak, !sentence.isSignpost, sentence.copiedFrom == nil else { continue }
            // Two of the point's concepts linked in a sentence of one's own words develop it; a sentence that is
            // mostly the concepts themselves ("A, B, C and D are all part of it") only lists them.
            let linked = concepts[s] >= 2 && Double(termBytes[s]) < Self.listingShare * Double(sentence.range.count)
            let supported =
                hasSignal[s] || linked || (sentence.continuesPrevious && sentence.wordCount >= Self.continuationWords)
            if supported { developed.append(s) }
        }
        developedSentences = developed
        development = developed.count
    }
}
