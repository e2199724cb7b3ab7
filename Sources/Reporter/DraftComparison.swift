import RubricEngine
import TextAnalyser

/// What changed between two drafts of the same answer checked against the same rubric: the marks per marking
/// point before and after, the evidence gained and lost, misconceptions fixed and introduced, the word count,
/// and the next steps for the new draft.
public struct DraftComparison: Sendable {
    /// One marking point before and after.
    public struct PointChange: Sendable {
        /// The marking point's id.
        public let id: String
        /// Its title.
        public let title: String
        /// Marks available.
        public let available: Double
        /// Marks in the old draft.
        public let before: Double
        /// Marks in the new draft.
        public let after: Double
        /// The level reached in the old draft, if any.
        public let levelBefore: String?
        /// The level reached in the new draft, if any.
        public let levelAfter: String?
        /// Evidence the new draft has that the old one lacked (one item per label, from the new draft).
        public let gained: [EvidenceItem]
        /// Evidence the old draft had that the new one lacks (one item per label, from the old draft).
        public let lost: [EvidenceItem]

        /// Marks gained (negative when lost).
        public var change: Double { after - before }
    }

    /// The old draft's assessment.
    public let old: Assessment
    /// The new draft's assessment.
    public let new: Assessment
    /// Every marking point of the rubric, in its order.
    public let points: [PointChange]
    /// Misconceptions the old draft asserted and the new one does not.
    public let fixed: [MisconceptionResult]
    /// Misconceptions the new draft asserts that the old one did not.
    public let introduced: [MisconceptionResult]
    /// Misconceptions both drafts assert (as worded in the new draft).
    public let remaining: [MisconceptionResult]

    /// Total marks gained (negative when lost).
    public var change: Double { new.awarded - old.awarded }
    /// Words added (negative when removed).
    public var wordChange: Int { new.analysis.wordCount - old.analysis.wordCount }
    /// What to do next, for the new draft.
    public var nextSteps: [NextStep] { new.nextSteps }

    /// Compares two assessments made with the same rubric. Marking points are matched by id, so a point
    /// missing from either side counts as no marks there; evidence is matched by its label within a point,
    /// so rewording a sentence that still names the same concept is neither a gain nor a loss.
    public init(old: Assessment, new: Assessment) {
        self.old = old
        self.new = new
        let oldByID = Dictionary(old.points.map { ($0.point.id, $0) }, uniquingKeysWith: { a, _ in a })
        points = new.points.map { n in
            let o = oldByID[n.point.id]
            return PointChange(
                id: n.point.id, title: n.point.title, available: n.point.marks, before: o?.awarded ?? 0,
                after: n.awarded,
                levelBefore: o?.level, levelAfter: n.level,
                gained: Self.difference(n.evidence, minus: o?.evidence ?? []),
                lost: Self.difference(o?.evidence ?? [], minus: n.evidence))
        }
        let oldIDs = Set(old.misconceptions.map(\.misconception.id))
        let newIDs = Set(new.misconceptions.map(\.misconception.id))
        fixed = Self.firstPerID(old.misconceptions.filter { !newIDs.contains($0.misconception.id) })
        introduced = Self.firstPerID(new.misconceptions.filter { !oldIDs.contains($0.misconception.id) })
        remaining = Self.firstPerID(new.misconceptions.filter { oldIDs.contains($0.misconception.id) })
    }

    /// The items of `a` whose label is in no item of `b`, one per label, in `a`'s order.
    private static func difference(_ a: [EvidenceItem], minus b: [EvidenceItem]) -> [EvidenceItem] {
        let other = Set(b.map { $0.label.lowercased() })
        var seen: Set<String> = []
        return a.filter { item in
            let key = item.label.lowercased()
            return !other.contains(key) && seen.insert(key).inserted
        }
    }

    private static func firstPerID(_ list: [MisconceptionResult]) -> [MisconceptionResult] {
        var seen: Set<String> = []
        return list.filter { seen.insert($0.misconception.id).inserted }
    }
}
