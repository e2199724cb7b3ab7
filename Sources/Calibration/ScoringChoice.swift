/// Another way of scoring the same answers that calibration may choose instead of the rubric as written,
/// such as the rubric with each level's mark placed within a range by how far the point is developed.
public struct ScoringCandidate: Sendable, Equatable {
    /// What the candidate is, for the report ("development: full range after 6 sentences").
    public var name: String
    /// draftcheck's percentage for each answer under this candidate, in the answers' order.
    public var percents: [Double]

    /// A candidate.
    public init(name: String, percents: [Double]) {
        self.name = name
        self.percents = percents
    }
}

/// Chooses among scoring candidates and fits thresholds, judged only by cross-validation: in each fold the
/// candidate is chosen, and its thresholds fitted, on the other folds alone, so the agreement reported is
/// what the whole procedure (choice included) gives on answers it has not seen.
public struct ScoringChoice: Sendable {
    /// The agreement of the held-out marks with the tutor's.
    public let crossValidated: Agreement
    /// How often each candidate was chosen across the folds, by index.
    public let timesChosen: [Int]
    /// The candidate chosen on all answers, for the calibrated rubric.
    public let chosen: Int
    /// Its thresholds fitted on all answers.
    public let mapping: ThresholdMapping

    /// Chooses among `candidates` (at least one) for the tutor's `marks` with `validation`'s folds.
    public init(candidates: [ScoringCandidate], marks: [Int], validation: CrossValidation) {
        precondition(!candidates.isEmpty && candidates.allSatisfy { $0.percents.count == marks.count })
        var predicted = Array(repeating: 0, count: marks.count)
        var times = Array(repeating: 0, count: candidates.count)
        for fold in 0..<validation.folds {
            let training = marks.indices.filter { validation.foldOf[$0] != fold || validation.folds == 1 }
            let (best, mapping) = Self.best(candidates, marks: marks, on: training)
            times[best] += 1
            for i in marks.indices where validation.foldOf[i] == fold {
                predicted[i] = mapping.mark(for: candidates[best].percents[i])
            }
        }
        crossValidated = Agreement(marks: predicted, reference: marks)
        timesChosen = times
        (chosen, mapping) = Self.best(candidates, marks: marks, on: Array(marks.indices))
    }

    /// The candidate whose fitted thresholds agree best with the tutor on `answers` (the first on a tie).
    private static func best(_ candidates: [ScoringCandidate], marks: [Int], on answers: [Int])
        -> (Int, ThresholdMapping)
    {
        let tutor = answers.map { marks[$0] }
        var best = (
            index: 0, kappa: -Double.infinity, mapping: ThresholdMapping(lowest: tutor.min() ?? 0, thresholds: [])
        )
        for (c, candidate) in candidates.enumerated() {
            let percents = answers.map { candidate.percents[$0] }
            let mapping = ThresholdMapping.fit(percents: percents, marks: tutor)
            let kappa = Statistics.quadraticWeightedKappa(tutor, mapping.marks(for: percents)) ?? -1
            if kappa > best.kappa + 1e-12 { best = (c, kappa, mapping) }
        }
        return (best.index, best.mapping)
    }
}
