/// Openings that carry a sentence on from the one before it ("This meant ...", "As a result ..."), so that
/// what it says is about the same thing.
enum Continuation {
    /// First words that refer back to the previous sentence.
    static let firstWords: [StaticString] = [
        "this", "these", "that", "those", "it", "its", "they", "their", "such", "so", "thus", "therefore", "hence",
        "consequently", "accordingly", "however", "also", "furthermore", "moreover", "additionally", "similarly",
        "likewise", "nevertheless", "nonetheless", "yet", "but", "and", "because", "otherwise", "here", "eventually",
    ]
    /// Two-word openings that refer back.
    static let firstPairs: [(StaticString, StaticString)] = [
        ("as", "a"), ("for", "example"), ("for", "instance"), ("in", "turn"), ("in", "addition"), ("on", "the"),
        ("because", "of"), ("due", "to"), ("in", "fact"), ("in", "particular"), ("as", "such"), ("in", "contrast"),
        ("by", "contrast"), ("in", "short"), ("in", "this"), ("to", "do"),
    ]
}

extension AnalysisBuilder {
    /// Marks sentences that continue the sentence before them in the same block or the block just before.
    mutating func markContinuations() {
        guard sentences.count > 1 else { return }
        for i in 1..<sentences.count {
            let s = sentences[i]
            guard !blocks[s.block].isHeading, !blocks[sentences[i - 1].block].isHeading,
                s.block - sentences[i - 1].block <= 1
            else { continue }
            sentences[i].continuesPrevious = opensWithContinuation(s)
        }
    }

    /// Compares the sentence's first two words as bytes (this runs for every sentence of every check).
    private func opensWithContinuation(_ s: Sentence) -> Bool {
        guard let first = s.tokens.first(where: { tokens[$0].kind == .word }) else { return false }
        if word(first, isOneOf: Continuation.firstWords) { return true }
        guard let second = (first + 1..<s.tokens.upperBound).first(where: { tokens[$0].kind == .word }) else {
            return false
        }
        return Continuation.firstPairs.contains { word(first, is: $0.0) && word(second, is: $0.1) }
    }
}
