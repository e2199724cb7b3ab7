/// k-fold cross-validation of a fitted mapping: every answer's calibrated mark comes from a mapping
/// fitted on the other folds only, so the agreement reported after calibration is what a tutor
/// would see on answers the fit has not seen.
public struct CrossValidation: Sendable {
    /// The fold of each answer (0..<folds).
    public let foldOf: [Int]
    /// Number of folds.
    public let folds: Int

    /// Deals `count` answers into `folds` folds of near-equal size in a fixed pseudo-random order,
    /// so that a rerun on the same data gives the same figures. At most one fold per answer.
    public init(count: Int, folds requested: Int, seed: UInt64 = 0x5EED_CA11) {
        let k = max(1, min(requested, count))
        var order = Array(0..<count)
        var generator = SplitMix64(seed: seed)
        // Our own Fisher-Yates, since the standard library's shuffle may change between releases.
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = Int(generator.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
        var assignment = Array(repeating: 0, count: count)
        for (position, answer) in order.enumerated() { assignment[answer] = position % k }
        foldOf = assignment
        folds = k
    }

    /// Cross-validation over a given fold assignment (for tests and for tutors who want their own).
    public init(foldOf: [Int]) {
        self.foldOf = foldOf
        folds = (foldOf.max() ?? 0) + 1
    }

    /// The calibrated mark of each answer, predicted by a mapping fitted without its fold. An answer
    /// whose fold holds every answer (one fold) gets the mapping fitted on all, which is flagged by
    /// `isHonest` being false.
    public func heldOutMarks(percents: [Double], marks: [Int]) -> [Int] {
        var predicted = Array(repeating: 0, count: percents.count)
        for fold in 0..<folds {
            let training = percents.indices.filter { foldOf[$0] != fold || folds == 1 }
            let mapping = ThresholdMapping.fit(
                percents: training.map { percents[$0] }, marks: training.map { marks[$0] })
            for i in percents.indices where foldOf[i] == fold {
                predicted[i] = mapping.mark(for: percents[i])
            }
        }
        return predicted
    }

    /// Whether every prediction comes from a fit that did not see it (two folds or more).
    public var isHonest: Bool { folds >= 2 }
}

/// A small deterministic random number generator (SplitMix64), so fold assignment is reproducible.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
