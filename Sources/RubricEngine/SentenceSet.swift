/// A set of sentence indexes: a few of them listed (a sentence and the one that carries it on), or a mask
/// over every sentence of the answer (a marking point's region). Membership is a comparison or an index,
/// with no hashing, because evidence evaluation asks it for every finding it considers.
struct SentenceSet: Equatable {
    private var few: [Int]
    private var mask: [Bool]?

    /// The listed sentences.
    init(_ sentences: [Int]) {
        few = sentences
        mask = nil
    }

    /// The sentences whose entry in `mask` is true.
    init(mask: [Bool]) {
        few = []
        self.mask = mask
    }

    /// Whether sentence `s` is in the set.
    func contains(_ s: Int) -> Bool {
        if let mask { return s >= 0 && s < mask.count && mask[s] }
        return few.contains(s)
    }

    /// The sentences in both sets.
    func intersection(_ other: SentenceSet) -> SentenceSet {
        if mask != nil, let otherMask = other.mask, let mask {
            return SentenceSet(mask: zip(mask, otherMask).map { $0 && $1 })
        }
        if mask == nil { return SentenceSet(few.filter(other.contains)) }
        return SentenceSet(other.few.filter(contains))
    }

    /// The sentences of the set that satisfy `keep`.
    func filter(_ keep: (Int) -> Bool) -> SentenceSet {
        if let mask { return SentenceSet(mask: mask.indices.map { mask[$0] && keep($0) }) }
        return SentenceSet(few.filter(keep))
    }
}
