/// One answer with both draftcheck's marks and the tutor's.
public struct MarkedAnswer: Sendable, Equatable {
    /// The file or learner name.
    public var name: String
    /// draftcheck's percentage of the rubric's marks.
    public var percent: Double
    /// draftcheck's mark on the tutor's scale before any calibration.
    public var untunedMark: Int
    /// draftcheck's marks per marking point id.
    public var pointMarks: [String: Double]
    /// Short lines saying what earned draftcheck's marks (level and evidence per point).
    public var evidence: [String]
    /// The tutor's mark on their own scale.
    public var tutorMark: Int
    /// The tutor's marks per marking point id, where given.
    public var tutorPointMarks: [String: Double]

    /// An answer; evidence and point marks are optional.
    public init(
        name: String, percent: Double, untunedMark: Int, tutorMark: Int, pointMarks: [String: Double] = [:],
        tutorPointMarks: [String: Double] = [:], evidence: [String] = []
    ) {
        self.name = name
        self.percent = percent
        self.untunedMark = untunedMark
        self.tutorMark = tutorMark
        self.pointMarks = pointMarks
        self.tutorPointMarks = tutorPointMarks
        self.evidence = evidence
    }
}

/// What calibration found: agreement before and after (the latter cross-validated only), agreement
/// per marking point, the mapping fitted on every answer (for the calibrated rubric), and the
/// answers on which draftcheck and the tutor disagree most.
public struct CalibrationResult: Sendable {
    /// Number of answers.
    public let count: Int
    /// draftcheck's own marks against the tutor's.
    public let untuned: Agreement
    /// Marks from a mapping fitted without each answer's fold, against the tutor's.
    public let crossValidated: Agreement
    /// Folds used.
    public let folds: Int
    /// The mapping fitted on all answers: what the calibrated rubric uses. Its agreement on these
    /// same answers is deliberately not reported.
    public let mapping: ThresholdMapping
    /// Agreement per marking point id (marks rounded to whole marks), where the tutor gave them.
    public let perPoint: [(id: String, agreement: Agreement)]
    /// Answers ordered by how far draftcheck's untuned mark is from the tutor's, largest first.
    public let disagreements: [MarkedAnswer]
    /// The choice between the rubric as written (candidate 0) and the other ways of scoring given, with
    /// their names; nil when none was given.
    public let choice: (result: ScoringChoice, names: [String])?

    /// Calibrates on the answers with `folds`-fold cross-validation; with `candidates`, also chooses between
    /// the rubric as written and them, cross-validated together with the thresholds.
    public init(answers: [MarkedAnswer], folds: Int, candidates: [ScoringCandidate] = [], seed: UInt64 = 0x5EED_CA11) {
        count = answers.count
        let tutor = answers.map(\.tutorMark)
        let percents = answers.map(\.percent)
        untuned = Agreement(marks: answers.map(\.untunedMark), reference: tutor)
        let validation = CrossValidation(count: answers.count, folds: folds, seed: seed)
        self.folds = validation.folds
        crossValidated = Agreement(marks: validation.heldOutMarks(percents: percents, marks: tutor), reference: tutor)
        mapping = ThresholdMapping.fit(percents: percents, marks: tutor)
        if candidates.isEmpty {
            choice = nil
        } else {
            let all = [ScoringCandidate(name: "the rubric as written", percents: percents)] + candidates
            choice = (ScoringChoice(candidates: all, marks: tutor, validation: validation), all.map(\.name))
        }
        let pointIDs = Set(answers.flatMap { $0.tutorPointMarks.keys }).sorted()
        perPoint = pointIDs.map { id in
            let both = answers.filter { $0.tutorPointMarks[id] != nil && $0.pointMarks[id] != nil }
            let theirs = both.map { Int($0.tutorPointMarks[id]!.rounded()) }
            let ours = both.map { Int($0.pointMarks[id]!.rounded()) }
            return (id, Agreement(marks: ours, reference: theirs))
        }
        disagreements = answers.enumerated().sorted { l, r in
            let dl = abs(l.element.untunedMark - l.element.tutorMark)
            let dr = abs(r.element.untunedMark - r.element.tutorMark)
            return dl != dr ? dl > dr : l.offset < r.offset
        }.map(\.element).filter { $0.untunedMark != $0.tutorMark }
    }
}
