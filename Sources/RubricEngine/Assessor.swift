import TextAnalyser

/// Scores an answer against a rubric. Create once per rubric; `assess` is safe to call from many threads.
public struct Assessor: Sendable {
    /// The rubric.
    public let rubric: Rubric
    private let analyser: Analyser

    /// Most findings of one signal cited as evidence for one marking point.
    private static let maxPerSignal = 2

    /// Creates an assessor for a rubric.
    public init(rubric: Rubric) {
        self.rubric = rubric
        self.analyser = Analyser(lexicon: rubric.lexicon, references: rubric.references)
    }

    /// Analyses and scores an answer.
    public func assess(_ text: String) -> Assessment {
        assess(analyser.analyse(text))
    }

    /// Analyses and scores an answer held as UTF-8.
    public func assess(_ source: SourceText) -> Assessment {
        assess(analyser.analyse(source))
    }

    /// Scores an analysis made with this rubric's lexicon.
    public func assess(_ analysis: Analysis) -> Assessment {
        let evaluator = EvidenceEvaluator(analysis: analysis, rubric: rubric)
        var asserted: [MisconceptionResult] = []
        var rejected: [MisconceptionResult] = []
        for m in rubric.misconceptions {
            if let w = evaluator.evaluate(m.when, .document, .init(allowWeak: true, allowNegated: false)),
                let first = w.min()
            {
                asserted.append(result(m, first, analysis))
            } else if let w = evaluator.evaluate(m.when, .document, .init(allowWeak: true, allowNegated: true)),
                let first = w.first(where: { analysis.findings[$0].negated }) ?? w.min()
            {
                rejected.append(result(m, first, analysis))
            }
        }
        let points = rubric.markingPoints.map { score($0, evaluator, penalties: asserted.map(\.misconception)) }
        let awarded = points.reduce(0) { $0 + $1.awarded }
        let available = rubric.totalMarks
        let percent = available > 0 ? awarded / available * 100 : 0
        let band = rubric.bands.last { percent + 1e-9 >= $0.minPercent }?.label
        return Assessment(
            rubric: rubric, analysis: analysis, points: points, misconceptions: asserted,
            rejectedMisconceptions: rejected, awarded: awarded, available: available, band: band,
            nextSteps: nextSteps(points))
    }

    private func result(_ m: Misconception, _ finding: Int, _ analysis: Analysis) -> MisconceptionResult {
        let sentence = analysis.sentences[analysis.findings[finding].sentence]
        return MisconceptionResult(misconception: m, range: sentence.range, text: analysis.source.text(sentence.range))
    }

    /// The highest level met. A level is met when its evidence is found, the point is developed in enough
    /// sentences, and (unless it is marked by best fit) the level below it is met too. The lowest level accepts
    /// weak findings (a term in a heading or list); higher levels need the idea used in running text. In a
    /// version 2 rubric signals count only in the point's region. Asserted misconceptions with a penalty then
    /// cap the level or take marks off.
    private func score(_ point: MarkingPoint, _ evaluator: EvidenceEvaluator, penalties: [Misconception]) -> PointResult
    {
        let region = PointRegion(point: point, evaluator: evaluator)
        var met = [Bool](repeating: false, count: point.levels.count)
        var witnesses: [Int] = []
        for (i, level) in point.levels.enumerated() {
            if level.requiresLower && i > 0 && !met[i - 1] { continue }
            guard region.development >= level.minDevelopment else { continue }
            let filter = EvidenceEvaluator.Filter(
                allowWeak: i == 0, allowNegated: false, region: rubric.tiesEvidenceToPoints ? region.sentences : nil)
            guard
                let w = evaluator.evaluate(level.when, .document, filter)
                    ?? compensated(level, region, evaluator, filter)
            else { continue }
            met[i] = true
            witnesses += w
        }
        var reached = met.lastIndex(of: true)
        var deduct = 0.0
        var applied: [String] = []
        for m in penalties {
            guard let p = m.penalty, p.points.contains(point.id), reached != nil else { continue }
            if let cap = p.capLevel, let capIndex = point.levels.firstIndex(where: { $0.label == cap }),
                let r = reached,
                r > capIndex
            {
                reached = capIndex
                applied.append(m.id)
            }
            if p.deductMarks > 0 {
                deduct += p.deductMarks
                if !applied.contains(m.id) { applied.append(m.id) }
            }
        }
        let awarded = max(0, (reached.map { mark(point.levels[$0], development: region.development) } ?? 0) - deduct)
        var result = PointResult(
            point: point, awarded: awarded, levelIndex: reached, evidence: cite(witnesses, evaluator.analysis),
            feedback: feedback(point, reached))
        result.development = region.development
        result.penalties = applied
        return result
    }

    /// How many more developed sentences than a best-fit level asks for make up for one missing element.
    static let compensatingDevelopment = 2

    /// Best fit: a level that is not met by the letter can still fit best. When a best-fit level asks for three
    /// or more things together and the answer shows all but one of them, a point developed in clearly more
    /// sentences than the level needs is placed at that level, as an examiner weighing the whole answer would.
    private func compensated(
        _ level: Level, _ region: PointRegion, _ evaluator: EvidenceEvaluator, _ filter: EvidenceEvaluator.Filter
    ) -> [Int]? {
        guard !level.requiresLower, case .all(let parts) = level.when, parts.count >= 3,
            region.development >= max(level.minDevelopment, 1) + Self.compensatingDevelopment
        else { return nil }
        let found = parts.compactMap { evaluator.evaluate($0, .document, filter) }
        return found.count == parts.count - 1 ? found.flatMap { $0 } : nil
    }

    /// The mark within a level's range: its lowest mark, rising evenly with each developed sentence beyond
    /// what the level needs (at least one) until `fullRangeDevelopment` more (3 unless the rubric says) reach
    /// its highest, in steps of `markStep` (whole marks unless the rubric says).
    private func mark(_ level: Level, development: Int) -> Double {
        guard level.hasRange else { return level.marks }
        let extra = Double(max(0, development - max(level.minDevelopment, 1)))
        let share = min(1, extra / Double(max(1, level.fullRangeDevelopment)))
        let step = level.markStep > 0 ? level.markStep : 1
        let steps = ((level.marks - level.minMarks) * share / step).rounded()
        // Rounded to a millionth, so that tenths add up to what a reader expects (2.1 + 0.3 is 2.4).
        let placed = ((level.minMarks + steps * step) * 1e6).rounded() / 1e6
        return min(level.marks, placed)
    }

    /// Cites each concept once and each signal at most twice, in reading order.
    private func cite(_ witnesses: [Int], _ analysis: Analysis) -> [EvidenceItem] {
        var seenTerms = Set<Int>()
        var perSignal: [String: Int] = [:]
        var seenRanges = Set<Range<Int>>()
        var out: [EvidenceItem] = []
        for i in Set(witnesses).sorted() {
            let f = analysis.findings[i]
            let (kind, label) = describe(f)
            if case .term(let t) = f.kind {
                guard seenTerms.insert(t).inserted else { continue }
            } else {
                guard perSignal[kind, default: 0] < Self.maxPerSignal else { continue }
                perSignal[kind, default: 0] += 1
            }
            guard seenRanges.insert(f.range).inserted else { continue }
            out.append(
                EvidenceItem(text: analysis.text(of: f), range: f.range, sentence: f.sentence, kind: kind, label: label)
            )
        }
        return out
    }

    /// The finding's kind and label as reports show them.
    public func describe(_ f: Finding) -> (kind: String, label: String) {
        Self.describe(f, terms: rubric.terms)
    }

    /// The finding's kind and label as reports show them.
    public static func describe(_ f: Finding, terms: [TermDefinition]) -> (kind: String, label: String) {
        switch f.kind {
        case .term(let t):
            let term = terms[t]
            switch term.kind {
            case .organisation: return ("example", term.label)
            default: return (term.kind.rawValue, term.label)
            }
        case .quantity: return ("quantity", "quantified evidence")
        case .example: return ("example", "real-world example")
        case .citation: return ("citation", "citation")
        case .reference: return ("citation", "reference list entry")
        case .legislation: return ("legislation", "named legislation")
        case .explanation: return ("explanation", "causal link")
        case .judgement: return ("evaluation", "judgement")
        case .balance: return ("evaluation", "balance")
        case .recommendation: return ("evaluation", "recommendation")
        case .stuffing(let s): return ("stuffing", s.rawValue)
        }
    }

    private func feedback(_ point: MarkingPoint, _ reached: Int?) -> String {
        guard let r = reached else {
            let next = point.levels[0].toReach
            return point.missingFeedback.map { "\($0) \(next)" } ?? next
        }
        let here = point.levels[r].feedback.map { $0 + " " } ?? ""
        if r == point.levels.count - 1 {
            return point.metFeedback
                ?? (here.isEmpty ? "You reached the top level for this point." : here.trimmingTrailingSpace)
        }
        return here + point.levels[r + 1].toReach
    }

    /// The changes that gain most: reaching each point's next level, worth at least the bottom of its range.
    private func nextSteps(_ points: [PointResult]) -> [NextStep] {
        let steps = points.compactMap { p -> NextStep? in
            let next = (p.levelIndex ?? -1) + 1
            guard next < p.point.levels.count else { return nil }
            return NextStep(
                pointID: p.point.id, title: p.point.title, gain: max(0, p.point.levels[next].minMarks - p.awarded),
                advice: p.point.levels[next].toReach)
        }
        return Array(
            steps.enumerated().sorted { ($0.element.gain, -$0.offset) > ($1.element.gain, -$1.offset) }.map(\.element)
                .prefix(3))
    }
}

extension String {
    fileprivate var trimmingTrailingSpace: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
