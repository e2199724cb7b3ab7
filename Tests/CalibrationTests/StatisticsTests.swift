import Testing

@testable import Calibration

/// Every expected value here was worked out by hand; the working is in the comments.
@Suite("Agreement statistics")
struct StatisticsTests {
    private func close(_ value: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= tolerance
    }

    @Test("QWK is 1 for identical marks and 0 for marks independent of each other")
    func kappaExtremes() {
        #expect(close(Statistics.quadraticWeightedKappa([0, 1, 2, 3], [0, 1, 2, 3]), 1))
        // Observed [[1,1],[1,1]] equals expected (2*2/4 in each cell): no better than chance.
        #expect(close(Statistics.quadraticWeightedKappa([0, 0, 1, 1], [0, 1, 0, 1]), 0))
    }

    @Test("QWK of 1,2,3 against 1,2,2 is 2/3")
    func kappaByHand() {
        // Scale 1...3, weights (i-j)^2/4. Observed disagreement: one item (3 vs 2), weight 1/4.
        // Expected: histograms [1,1,1] and [1,2,0] over n=3: 1/6 + 1/12 + 1/3 + 1/6 = 3/4.
        // Kappa = 1 - (1/4)/(3/4) = 2/3.
        #expect(close(Statistics.quadraticWeightedKappa([1, 2, 3], [1, 2, 2]), 2.0 / 3))
    }

    @Test("QWK punishes a two-mark miss four times as much as a one-mark miss")
    func kappaQuadratic() {
        // Reference [0,0,2,2], marks [0,1,2,2]: one miss by one, observed weight 1/4. Histograms
        // [2,0,2] and [1,1,2] over n=4; expected = (1/4)(2*1)/4 + 1(2*2)/4 + 1(2*1)/4 + (1/4)(2*1)/4
        // = 1/8 + 1 + 1/2 + 1/8 = 7/4. Kappa = 1 - (1/4)/(7/4) = 6/7.
        #expect(close(Statistics.quadraticWeightedKappa([0, 0, 2, 2], [0, 1, 2, 2]), 6.0 / 7))
        // Marks [0,2,2,2]: one miss by two, observed weight 1. Histogram [1,0,3]; expected =
        // 1(2*3)/4 + 1(2*1)/4 = 2. Kappa = 1 - 1/2 = 1/2.
        #expect(close(Statistics.quadraticWeightedKappa([0, 0, 2, 2], [0, 2, 2, 2]), 0.5))
    }

    @Test("QWK is undefined for no answers and 1 when everyone gives one mark")
    func kappaEdges() {
        #expect(Statistics.quadraticWeightedKappa([], []) == nil)
        #expect(Statistics.quadraticWeightedKappa([1, 2], [1]) == nil)
        #expect(close(Statistics.quadraticWeightedKappa([2, 2], [2, 2]), 1))
    }

    @Test("Exact and adjacent agreement count the share of answers")
    func exactAndAdjacent() {
        // Differences 0, 1, 2, 0: exact 2/4, adjacent 3/4.
        #expect(close(Statistics.exactAgreement([0, 1, 2, 3], [0, 2, 0, 3]), 0.5))
        #expect(close(Statistics.adjacentAgreement([0, 1, 2, 3], [0, 2, 0, 3]), 0.75))
        #expect(Statistics.exactAgreement([], []) == nil)
    }

    @Test("Pearson of 1,2,3 against 2,4,7 is 15/sqrt(228)")
    func pearsonByHand() {
        // Deviations [-1,0,1] and [-7/3,-1/3,8/3]: covariance 5, sums of squares 2 and 114/9.
        #expect(close(Statistics.pearson([1, 2, 3], [2, 4, 7]), 15 / (228.0).squareRoot()))
        #expect(Statistics.pearson([1, 1, 1], [2, 4, 7]) == nil, "no variance, no correlation")
    }

    @Test("Ties share the average of their ranks")
    func ranksWithTies() {
        #expect(Statistics.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
        #expect(Statistics.ranks([3, 1, 3, 3]) == [3, 1, 3, 3])
    }

    @Test("Spearman with ties is the Pearson of average ranks: sqrt(0.9)")
    func spearmanWithTies() {
        // Ranks [1,2.5,2.5,4] and [1,3,2,4]: deviations [-1.5,0,0,1.5] and [-1.5,.5,-.5,1.5];
        // covariance 4.5, sums of squares 4.5 and 5: 4.5/sqrt(22.5) = sqrt(0.9).
        #expect(close(Statistics.spearman([1, 2, 2, 3], [1, 3, 2, 4]), (0.9).squareRoot()))
        // Any monotone relation has Spearman 1 even when Pearson is below 1.
        #expect(close(Statistics.spearman([1, 2, 3, 4], [1, 10, 100, 1000]), 1))
        #expect(!close(Statistics.pearson([1, 2, 3, 4], [1, 10, 100, 1000]), 1, 1e-3))
    }

    @Test("The confusion matrix counts (tutor, draftcheck) pairs over the scale either uses")
    func confusion() {
        let m = ConfusionMatrix(reference: [0, 1, 1, 3], compared: [0, 1, 2, 1])
        #expect(m.scale == [0, 1, 2, 3])
        #expect(m.counts == [[1, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0], [0, 1, 0, 0]])
        #expect(ConfusionMatrix(reference: [], compared: []).scale.isEmpty)
    }
}
