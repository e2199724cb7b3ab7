import TextAnalyser

/// The result of checking one answer against a rubric: marks per marking point with the evidence behind
/// them, misconceptions asserted and rejected, the total, the band and what to do next.
public struct Assessment: Sendable {
    /// The rubric used.
    public let rubric: Rubric
    /// What the analyser found.
    public let analysis: Analysis
    /// One result per marking point, in the rubric's order.
    public let points: [PointResult]
    /// Misconceptions the answer asserts.
    public let misconceptions: [MisconceptionResult]
    /// Misconceptions the answer explicitly rejects.
    public let rejectedMisconceptions: [MisconceptionResult]
    /// Marks awarded.
    public let awarded: Double
    /// Marks available.
    public let available: Double
    /// The band reached, or nil below the lowest.
    public let band: String?
    /// Up to three changes that would gain the most marks.
    public let nextSteps: [NextStep]

    /// Percentage of the marks available, rounded to one decimal place.
    public var percent: Double { available > 0 ? (awarded / available * 1000).rounded() / 10 : 0 }

    /// Word count against the rubric's limit.
    public var wordLimitStatus: WordLimitStatus {
        let n = analysis.wordCount
        guard let limit = rubric.wordLimit else { return .noLimit }
        if let min = limit.min, n < min { return .under(min) }
        if let max = limit.max {
            if Double(n) > Double(max) * (1 + limit.tolerancePercent / 100) { return .over(max) }
        }
        return .within
    }
}

/// How the word count compares with the limit.
public enum WordLimitStatus: Sendable, Equatable {
    case noLimit, within, under(Int), over(Int)
}

/// Whether a marking point was met.
public enum PointStatus: String, Sendable {
    case met, partial, missing
}

/// One piece of evidence behind a mark.
public struct EvidenceItem: Sendable, Hashable {
    /// The exact text of the finding.
    public var text: String
    /// Its byte range in the answer.
    public var range: Range<Int>
    /// The sentence it is in (index into the analysis).
    public var sentence: Int
    /// What it is, e.g. "concept", "quantity", "example".
    public var kind: String
    /// The concept's label, or a description of the signal.
    public var label: String
}

/// The result for one marking point.
public struct PointResult: Sendable {
    /// The marking point.
    public let point: MarkingPoint
    /// Marks awarded.
    public let awarded: Double
    /// Index of the level reached, or nil.
    public let levelIndex: Int?
    /// The evidence cited, once per concept.
    public let evidence: [EvidenceItem]
    /// What earned the marks and what would reach the next level.
    public let feedback: String
    /// How many distinct sentences in the part of the answer about this point support it (explain,
    /// exemplify, quantify, evaluate, or link two of its concepts).
    public var development: Int = 0
    /// Ids of asserted misconceptions that capped this point's level or took marks off it.
    public var penalties: [String] = []

    /// Label of the level reached.
    public var level: String? { levelIndex.map { point.levels[$0].label } }

    /// Met, partial or missing.
    public var status: PointStatus {
        guard let l = levelIndex else { return .missing }
        return l == point.levels.count - 1 ? .met : .partial
    }
}

/// A misconception found in the answer.
public struct MisconceptionResult: Sendable {
    /// The misconception.
    public let misconception: Misconception
    /// The sentence that asserts (or rejects) it.
    public let range: Range<Int>
    /// The exact text of that sentence.
    public let text: String
}

/// A change that would gain marks.
public struct NextStep: Sendable {
    /// The marking point.
    public let pointID: String
    /// Its title.
    public let title: String
    /// Marks the change would add.
    public let gain: Double
    /// What to do.
    public let advice: String
}
