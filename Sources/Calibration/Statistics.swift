/// Agreement statistics between two sets of marks for the same answers. Pure functions of their
/// inputs; a statistic that is undefined for the data (no variance, no answers) is nil.
public enum Statistics {
    /// Quadratic weighted kappa (Cohen's kappa with squared-distance weights) between two integer
    /// ratings of the same items, over the scale from the lowest to the highest mark either gives.
    /// 1 is perfect agreement, 0 is chance, negative is worse than chance. Nil for no items; 1 when
    /// both give every item the same single mark.
    public static func quadraticWeightedKappa(_ a: [Int], _ b: [Int]) -> Double? {
        guard a.count == b.count, let lowA = a.min(), let lowB = b.min(), let highA = a.max(), let highB = b.max()
        else { return nil }
        let low = min(lowA, lowB)
        let high = max(highA, highB)
        let size = high - low + 1
        if size == 1 { return 1 }
        var observed = Array(repeating: Array(repeating: 0.0, count: size), count: size)
        var histogramA = Array(repeating: 0.0, count: size)
        var histogramB = Array(repeating: 0.0, count: size)
        for (x, y) in zip(a, b) {
            observed[x - low][y - low] += 1
            histogramA[x - low] += 1
            histogramB[y - low] += 1
        }
        let n = Double(a.count)
        let scale = Double((size - 1) * (size - 1))
        var disagreementObserved = 0.0
        var disagreementExpected = 0.0
        for i in 0..<size {
            for j in 0..<size {
                let weight = Double((i - j) * (i - j)) / scale
                disagreementObserved += weight * observed[i][j]
                disagreementExpected += weight * histogramA[i] * histogramB[j] / n
            }
        }
        if disagreementExpected == 0 { return disagreementObserved == 0 ? 1 : 0 }
        return 1 - disagreementObserved / disagreementExpected
    }

    /// Share of items (0...1) given exactly the same mark. Nil for no items.
    public static func exactAgreement(_ a: [Int], _ b: [Int]) -> Double? {
        share(a, b) { $0 == $1 }
    }

    /// Share of items (0...1) whose marks differ by at most one. Nil for no items.
    public static func adjacentAgreement(_ a: [Int], _ b: [Int]) -> Double? {
        share(a, b) { abs($0 - $1) <= 1 }
    }

    /// Pearson's correlation coefficient. Nil when either side has no variance or there are
    /// fewer than two items.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        let meanX = x.reduce(0, +) / Double(x.count)
        let meanY = y.reduce(0, +) / Double(y.count)
        var covariance = 0.0
        var varianceX = 0.0
        var varianceY = 0.0
        for (u, v) in zip(x, y) {
            covariance += (u - meanX) * (v - meanY)
            varianceX += (u - meanX) * (u - meanX)
            varianceY += (v - meanY) * (v - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing the
    /// average of the ranks they span.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count else { return nil }
        return pearson(ranks(x), ranks(y))
    }

    /// Ranks from 1, ties given the average of the ranks they occupy: [10, 20, 20, 30] ranks as
    /// [1, 2.5, 2.5, 4].
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = Array(repeating: 0.0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for k in start...end { result[order[k]] = averageRank }
            start = end + 1
        }
        return result
    }

    private static func share(_ a: [Int], _ b: [Int], _ agrees: (Int, Int) -> Bool) -> Double? {
        guard a.count == b.count, !a.isEmpty else { return nil }
        let agreeing = zip(a, b).filter { agrees($0.0, $0.1) }.count
        return Double(agreeing) / Double(a.count)
    }
}
