/// A monotone mapping from draftcheck's percentage to a tutor's integer marks: the mark is the
/// lowest mark plus the number of thresholds the percentage reaches. Thresholds never decrease, so
/// a higher percentage never gets a lower mark. A threshold of +infinity is a mark never given;
/// two equal thresholds leave the mark between them empty.
public struct ThresholdMapping: Sendable, Equatable {
    /// The lowest mark on the tutor's scale.
    public let lowest: Int
    /// thresholds[k]: the percentage from which the mark is at least lowest + k + 1.
    public let thresholds: [Double]

    /// A mapping with the given thresholds (sorted into order).
    public init(lowest: Int, thresholds: [Double]) {
        self.lowest = lowest
        self.thresholds = thresholds.sorted()
    }

    /// The mark for a percentage.
    public func mark(for percent: Double) -> Int {
        lowest + thresholds.filter { percent >= $0 }.count
    }

    /// The marks for several percentages.
    public func marks(for percents: [Double]) -> [Int] {
        percents.map(mark(for:))
    }

    /// Fits the mapping to answers whose draftcheck percentage and tutor mark are both known.
    /// First the least-squares monotone assignment of marks to the distinct percentages (exact, by
    /// dynamic programming), then each threshold is moved, one at a time, to the cut that most
    /// raises the quadratic weighted kappa on these answers, until no move helps. The scale is the
    /// tutor's marks from their lowest to their highest; thresholds fall midway between percentages.
    public static func fit(percents: [Double], marks: [Int]) -> ThresholdMapping {
        guard percents.count == marks.count, let low = marks.min(), let high = marks.max() else {
            return ThresholdMapping(lowest: marks.min() ?? 0, thresholds: [])
        }
        let groups = PercentGroups(percents: percents, marks: marks, lowest: low, highest: high)
        let assigned = groups.leastSquaresMarks()
        let initial = high > low ? (low + 1...high).map { groups.cut(below: $0, assigned: assigned) } : []
        let thresholds = refineForKappa(initial, lowest: low, cuts: groups.cuts, percents: percents, marks: marks)
        return ThresholdMapping(lowest: low, thresholds: thresholds)
    }

    /// Coordinate ascent on the kappa over the candidate cuts, keeping the thresholds in order.
    private static func refineForKappa(
        _ start: [Double], lowest: Int, cuts: [Double], percents: [Double], marks: [Int]
    ) -> [Double] {
        var thresholds = start
        func kappa(_ t: [Double]) -> Double {
            Statistics.quadraticWeightedKappa(
                marks, ThresholdMapping(lowest: lowest, thresholds: t).marks(for: percents))
                ?? -1
        }
        var best = kappa(thresholds)
        var improved = true
        var rounds = 0
        while improved && rounds < 20 {
            improved = false
            rounds += 1
            for k in thresholds.indices {
                let lower = k > 0 ? thresholds[k - 1] : -Double.infinity
                let upper = k + 1 < thresholds.count ? thresholds[k + 1] : Double.infinity
                for candidate in cuts where candidate >= lower && candidate <= upper && candidate != thresholds[k] {
                    var trial = thresholds
                    trial[k] = candidate
                    let value = kappa(trial)
                    if value > best + 1e-12 {
                        best = value
                        thresholds = trial
                        improved = true
                    }
                }
            }
        }
        return thresholds
    }
}

/// Answers grouped by distinct percentage, lowest first, with the tutor's marks in each group.
struct PercentGroups {
    /// The distinct percentages, ascending.
    let values: [Double]
    /// counts[g][m]: answers at values[g] with tutor mark lowest + m.
    let counts: [[Int]]
    let lowest: Int
    let levels: Int
    /// Candidate thresholds: below everything, midway between neighbours, above everything.
    let cuts: [Double]

    init(percents: [Double], marks: [Int], lowest: Int, highest: Int) {
        self.lowest = lowest
        levels = highest - lowest + 1
        values = Array(Set(percents)).sorted()
        var index: [Double: Int] = [:]
        for (i, v) in values.enumerated() { index[v] = i }
        var tally = Array(repeating: Array(repeating: 0, count: highest - lowest + 1), count: values.count)
        for (p, m) in zip(percents, marks) { tally[index[p]!][m - lowest] += 1 }
        counts = tally
        var candidates: [Double] = [-Double.infinity, Double.infinity]
        for i in values.indices.dropLast() { candidates.append((values[i] + values[i + 1]) / 2) }
        cuts = candidates.sorted()
    }

    /// The non-decreasing mark index per group that minimises the squared difference from the
    /// tutor's marks (ties go to the lower mark).
    func leastSquaresMarks() -> [Int] {
        guard !values.isEmpty else { return [] }
        let infinity = Double.infinity
        var cost = Array(repeating: Array(repeating: infinity, count: levels), count: values.count)
        var from = Array(repeating: Array(repeating: 0, count: levels), count: values.count)
        for g in values.indices {
            var bestBefore = infinity
            var bestLevel = 0
            for level in 0..<levels {
                if g > 0, cost[g - 1][level] < bestBefore {
                    bestBefore = cost[g - 1][level]
                    bestLevel = level
                }
                let own = squaredError(group: g, level: level)
                cost[g][level] = g == 0 ? own : own + bestBefore
                from[g][level] = bestLevel
            }
        }
        var level = cost[values.count - 1].indices.min { cost[values.count - 1][$0] < cost[values.count - 1][$1] }!
        var result = Array(repeating: 0, count: values.count)
        for g in values.indices.reversed() {
            result[g] = level
            level = from[g][level]
        }
        return result
    }

    /// The threshold for reaching mark index `level`: midway between the highest group assigned
    /// below it and the lowest group assigned at or above it.
    func cut(below level: Int, assigned: [Int]) -> Double {
        let levelIndex = level - lowest
        guard let first = assigned.firstIndex(where: { $0 >= levelIndex }) else { return .infinity }
        if first == 0 { return -.infinity }
        return (values[first - 1] + values[first]) / 2
    }

    private func squaredError(group: Int, level: Int) -> Double {
        var total = 0.0
        for (m, n) in counts[group].enumerated() where n > 0 {
            total += Double(n * (level - m) * (level - m))
        }
        return total
    }
}
