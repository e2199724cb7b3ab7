import JSONSupport
import TextAnalyser

/// A marking scheme: marking points with levels of response, misconceptions and grade bands,
/// plus the concepts it recognises. Loaded from JSON by `RubricLoader`.
public struct Rubric: Sendable {
    /// Identifier, e.g. "crm-strategy".
    public var id: String
    /// Title shown to learners.
    public var title: String
    /// Optional longer description.
    public var description: String?
    /// The course the rubric belongs to.
    public var course: Course
    /// Word limit, if the assignment has one.
    public var wordLimit: WordLimit?
    /// Grade bands, lowest first.
    public var bands: [Band]
    /// Marking points in the examiner's order.
    public var markingPoints: [MarkingPoint]
    /// Misconceptions the checker flags.
    public var misconceptions: [Misconception]
    /// Exam tips shown with every report.
    public var feedForward: [String]
    /// Learning outcomes, when the scheme maps marking points to them.
    public var learningOutcomes: [LearningOutcome]
    /// Every term the rubric's evidence can refer to (its own concepts and those of its lexicons).
    public var terms: [TermDefinition]
    /// The file the rubric came from.
    public var path: String
    /// The compiled lexicon: build once, analyse many answers.
    public let lexicon: Lexicon
    /// The format version the rubric was written in (1 or 2). Version 2 ties signals to their marking point.
    public var schemaVersion: Int
    /// The question as learners see it; answer sentences that repeat it earn nothing.
    public var task: String?
    /// The source text or case study the task is about, if the rubric holds it.
    public var source: SourceMaterial?
    /// Term indexes whose negated mentions still count as evidence ("could not take the extra stress").
    public var negationIsContent: Set<Int>
    /// Term indexes of the source's specific details (the `sourceDetail` signal).
    public var sourceDetailTerms: Set<Int>
    /// The compiled task, marking-point and source wording, for recognising copied sentences.
    public let references: ReferenceTexts

    /// Total marks available.
    public var totalMarks: Double { markingPoints.reduce(0) { $0 + $1.marks } }

    /// Builds a rubric and compiles its lexicon (or takes it from `lexiconStore`).
    public init(
        id: String, title: String, description: String? = nil, course: Course, wordLimit: WordLimit? = nil,
        bands: [Band], markingPoints: [MarkingPoint], misconceptions: [Misconception] = [],
        feedForward: [String] = [], learningOutcomes: [LearningOutcome] = [], terms: [TermDefinition],
        path: String = "",
        schemaVersion: Int = 1, task: String? = nil, source: SourceMaterial? = nil, negationIsContent: Set<Int> = [],
        sourceDetailTerms: Set<Int> = [], lexiconStore: CompiledLexiconStore? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.course = course
        self.wordLimit = wordLimit
        self.bands = bands.sorted { $0.minPercent < $1.minPercent }
        self.markingPoints = markingPoints
        self.misconceptions = misconceptions
        self.feedForward = feedForward
        self.learningOutcomes = learningOutcomes
        self.terms = terms
        self.path = path
        self.lexicon = Lexicon(terms: terms, store: lexiconStore)
        self.schemaVersion = schemaVersion
        self.task = task
        self.source = source
        self.negationIsContent = negationIsContent
        self.sourceDetailTerms = sourceDetailTerms
        // What a learner may not copy for credit: the question and the marking points' own wording.
        let brief = ([task ?? ""] + markingPoints.flatMap { [$0.title, $0.examiner] }).filter { !$0.isEmpty }
        self.references = ReferenceTexts(brief: brief, source: source?.text.map { [$0] } ?? [])
    }

    /// True when signals count for a marking point only inside its region (schemaVersion 2).
    public var tiesEvidenceToPoints: Bool { schemaVersion >= 2 }
}

/// The source text or case study a task is about.
public struct SourceMaterial: Sendable, Hashable {
    /// The full text, when the rubric holds it.
    public var text: String?
    /// Short specific details from it (a few words each) that show the learner used the source.
    public var details: [String]

    /// Creates source material.
    public init(text: String? = nil, details: [String] = []) {
        self.text = text
        self.details = details
    }
}

/// The course a rubric belongs to.
public struct Course: Sendable, Hashable {
    public var name: String
    public var level: String?
    public var unit: String?
    public var source: String?

    /// Creates a course.
    public init(name: String, level: String? = nil, unit: String? = nil, source: String? = nil) {
        self.name = name
        self.level = level
        self.unit = unit
        self.source = source
    }
}

/// The assignment's word limit.
public struct WordLimit: Sendable, Hashable {
    public var min: Int?
    public var max: Int?
    /// How far over the maximum is still accepted (often 10%).
    public var tolerancePercent: Double

    /// Creates a limit.
    public init(min: Int? = nil, max: Int? = nil, tolerancePercent: Double = 10) {
        self.min = min
        self.max = max
        self.tolerancePercent = tolerancePercent
    }
}

/// A grade band: the label given from a percentage upwards.
public struct Band: Sendable, Hashable {
    public var label: String
    public var minPercent: Double

    /// Creates a band.
    public init(label: String, minPercent: Double) {
        self.label = label
        self.minPercent = minPercent
    }
}

/// A learning outcome that marking points map to.
public struct LearningOutcome: Sendable, Hashable {
    public var id: String
    public var title: String
}

/// An example answer fragment, remembering where it was written so a failing example points at its line.
public struct RubricExample: Sendable, Hashable {
    /// The example's text.
    public var text: String
    /// For credit examples, the level it must reach; for no-credit examples, the level it must not reach.
    public var level: String?
    /// Where the example is written.
    public var location: SourceLocation?

    /// Creates an example.
    public init(text: String, level: String? = nil, location: SourceLocation? = nil) {
        self.text = text
        self.level = level
        self.location = location
    }
}

/// One level of response: the evidence that reaches it, its marks and its feedback.
public struct Level: Sendable {
    /// E.g. "Knowledge", "Application", "Analysis", "Evaluation".
    public var label: String
    /// Marks awarded at this level (cumulative, not added to lower levels); the top of its range.
    public var marks: Double
    /// The bottom of the level's mark range ("Level 3, 5-6 marks"); equal to `marks` for a single mark.
    /// Within the range the mark rises with how far the point is developed.
    public var minMarks: Double
    /// When false the level is awarded by best fit, whether or not the levels below it are met.
    public var requiresLower: Bool = true
    /// How many developed sentences the point needs to reach this level.
    public var minDevelopment: Int = 0
    /// How many developed sentences beyond what the level needs take its mark to the top of its range.
    public var fullRangeDevelopment: Int = 3
    /// The mark within a range moves in steps of this size (whole marks unless the rubric says otherwise).
    public var markStep: Double = 1
    /// The evidence that reaches it.
    public var when: Evidence
    /// Shown when the answer reaches this level.
    public var feedback: String?
    /// Shown when the answer is one level below: what to add.
    public var toReach: String
    /// Where the level is written.
    public var location: SourceLocation?

    /// Creates a level.
    public init(
        label: String, marks: Double, minMarks: Double? = nil, requiresLower: Bool = true, minDevelopment: Int = 0,
        when: Evidence, feedback: String? = nil, toReach: String, location: SourceLocation? = nil
    ) {
        self.label = label
        self.marks = marks
        self.minMarks = minMarks ?? marks
        self.requiresLower = requiresLower
        self.minDevelopment = minDevelopment
        self.when = when
        self.feedback = feedback
        self.toReach = toReach
        self.location = location
    }

    /// True when the level has a mark range rather than a single mark.
    public var hasRange: Bool { minMarks < marks }
}

/// An examiner's marking point.
public struct MarkingPoint: Sendable {
    public var id: String
    public var title: String
    /// The examiner's own wording.
    public var examiner: String
    /// Marks available.
    public var marks: Double
    /// Learning outcome id, if any.
    public var learningOutcome: String?
    /// Ordered levels, lowest first.
    public var levels: [Level]
    /// Term indexes that identify the part of the answer about this point (its region).
    public var about: [Int] = []
    /// Shown when nothing was found.
    public var missingFeedback: String?
    /// Shown when the top level is reached.
    public var metFeedback: String?
    /// Examples that must earn credit.
    public var creditExamples: [RubricExample]
    /// Examples that must not earn credit.
    public var noCreditExamples: [RubricExample]
    /// Where the marking point is written.
    public var location: SourceLocation?
}

/// A common misconception, the evidence that the answer asserts it, and its correction.
public struct Misconception: Sendable {
    public var id: String
    /// The misconception, as the seed states it.
    public var text: String
    /// What to write instead.
    public var correction: String
    /// The evidence that the answer asserts it (negated findings never count).
    public var when: Evidence
    /// Examples that assert it.
    public var assertingExamples: [RubricExample]
    /// Examples that reject it and so must not be flagged.
    public var rejectingExamples: [RubricExample]
    /// Where it is written.
    public var location: SourceLocation?
    /// What asserting it costs, when the mark scheme says so.
    public var penalty: Penalty?
}

/// What an asserted misconception costs: named marking points capped at a level and/or marks deducted.
public struct Penalty: Sendable, Hashable {
    /// Ids of the marking points it applies to.
    public var points: [String]
    /// The highest level those points can reach, by label.
    public var capLevel: String?
    /// Marks taken off each of those points (never below 0).
    public var deductMarks: Double

    /// Creates a penalty.
    public init(points: [String], capLevel: String? = nil, deductMarks: Double = 0) {
        self.points = points
        self.capLevel = capLevel
        self.deductMarks = deductMarks
    }
}

/// What evidence a level or misconception needs, built from the analyser's signals.
public indirect enum Evidence: Sendable {
    /// A term, by its index in `Rubric.terms`.
    case term(Int)
    /// An analyser signal.
    case signal(Signal)
    /// Every part.
    case all([Evidence])
    /// One part or more.
    case any([Evidence])
    /// At least n distinct parts.
    case atLeast(Int, [Evidence])
    /// Every part inside one sentence or one paragraph.
    case near(Scope, [Evidence])
    /// The part is absent.
    case not(Evidence)
    /// At least n of the items each have the evidence in the same sentence or the sentence continuing it.
    case each([Evidence], atLeast: Int, with: Evidence)

    /// Where `near` looks.
    public enum Scope: String, Sendable {
        /// One sentence, one paragraph, or the part of the answer about the marking point.
        case sentence, paragraph, point
    }
}

/// Signals a rubric can ask for.
public enum Signal: String, Sendable, CaseIterable {
    case quantity, example, organisation, citation, reference, source, legislation, explanation, judgement, balance,
        recommendation, evaluation, sourceDetail
}

extension Evidence {
    /// The terms an expression names (not signals and not what it requires to be absent), in order of
    /// first mention, without repeats.
    public static func terms(in expressions: [Evidence]) -> [Int] {
        var out: [Int] = []
        func walk(_ e: Evidence) {
            switch e {
            case .term(let t): if !out.contains(t) { out.append(t) }
            case .signal, .not: break
            case .all(let parts), .any(let parts), .atLeast(_, let parts), .near(_, let parts): parts.forEach(walk)
            case .each(let items, _, let with):
                items.forEach(walk)
                walk(with)
            }
        }
        expressions.forEach(walk)
        return out
    }
}
