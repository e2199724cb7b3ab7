/// How far one set of integer marks agrees with another for the same answers: the figures an
/// examiner's moderation report gives.
public struct Agreement: Sendable, Equatable {
    /// Number of answers compared.
    public let count: Int
    /// Quadratic weighted kappa.
    public let quadraticWeightedKappa: Double?
    /// Share of answers with the same mark (0...1).
    public let exact: Double?
    /// Share of answers within one mark (0...1).
    public let adjacent: Double?
    /// Pearson's correlation.
    public let pearson: Double?
    /// Spearman's rank correlation.
    public let spearman: Double?
    /// Counts of (reference mark, compared mark).
    public let confusion: ConfusionMatrix

    /// Compares `marks` with the `reference` marks (the tutor's), answer by answer.
    public init(marks: [Int], reference: [Int]) {
        count = min(marks.count, reference.count)
        quadraticWeightedKappa = Statistics.quadraticWeightedKappa(reference, marks)
        exact = Statistics.exactAgreement(reference, marks)
        adjacent = Statistics.adjacentAgreement(reference, marks)
        let x = reference.map(Double.init)
        let y = marks.map(Double.init)
        pearson = Statistics.pearson(x, y)
        spearman = Statistics.spearman(x, y)
        confusion = ConfusionMatrix(reference: reference, compared: marks)
    }
}

/// Counts of answers by (reference mark, compared mark), over the scale either uses.
public struct ConfusionMatrix: Sendable, Equatable {
    /// The marks on both axes, lowest first.
    public let scale: [Int]
    /// counts[i][j]: answers the reference gave scale[i] and the compared marks gave scale[j].
    public let counts: [[Int]]

    /// Tallies the pairs; an empty input gives an empty matrix.
    public init(reference: [Int], compared: [Int]) {
        let all = reference + compared
        guard let low = all.min(), let high = all.max() else {
            scale = []
            counts = []
            return
        }
        scale = Array(low...high)
        var tally = Array(repeating: Array(repeating: 0, count: scale.count), count: scale.count)
        for (r, c) in zip(reference, compared) { tally[r - low][c - low] += 1 }
        counts = tally
    }
}
