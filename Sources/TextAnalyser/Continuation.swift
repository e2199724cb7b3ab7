/// Openings that carry a sentence on from the one before it ("This meant ...", "As a result ..."), so that
/// what it says is about the same thing.
enum Continuation {
    /// First words that refer back to the previous sentence.
    static let firstWords: Set<String> = [
        "this", "these", "that", "those", "it", "its", "they", "their", "such", "so", "thus", "therefore", "hence",
        "consequently", "accordingly", "however", "also", "furthermore", "moreover", "additionally", "similarly",
        "likewise", "nevertheless", "nonetheless", "yet", "but", "and", "because", "otherwise", "here", "eventually",
    ]
    /// Two-word openings that refer back.
    static let firstPairs: Set<String> = [
        "as a", "for example", "for instance", "in turn", "in addition", "on the", "because of", "due to",
        "in fact", "in particular", "as such", "in contrast", "by contrast", "in short", "in this", "to do",
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

    private func opensWithContinuation(_ s: Sentence) -> Bool {
        var words: [String] = []
        for k in s.tokens where tokens[k].kind == .word {
            words.append(source.text(tokens[k].range).lowercased())
            if words.count == 2 { break }
        }
        guard let first = words.first else { return false }
        if Continuation.firstWords.contains(first) { return true }
        return words.count == 2 && Continuation.firstPairs.contains(words[0] + " " + words[1])
    }
}
