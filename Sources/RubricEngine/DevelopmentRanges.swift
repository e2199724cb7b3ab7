/// A rubric whose levels place each answer's mark within the level by how far the point is developed:
/// what `draftcheck calibrate` tries against a tutor's marks, since examiners' marks rise with development
/// inside a level as well as between levels.
public struct DevelopmentRanges: Sendable, Equatable {
    /// Developed sentences beyond what a level needs that reach the top of its range.
    public var fullRange: Int
    /// Positions within each range (its steps plus one).
    public static let positions = 10

    /// Ranges reached after `fullRange` more developed sentences.
    public init(fullRange: Int) {
        self.fullRange = max(1, fullRange)
    }

    /// The range and step this gives a level whose single mark (or range) ends at `level.marks`, above a
    /// level that ends at `below` (0 for the first): a single mark becomes the top of a range reaching down
    /// nine tenths of the way to the level below, so no mark is shared between levels; a range is kept.
    public func range(of level: Level, below: Double) -> (min: Double, max: Double, step: Double) {
        let low = level.hasRange ? level.minMarks : level.marks - 0.9 * (level.marks - below)
        let step = (level.marks - low) / Double(Self.positions - 1)
        return (Self.tidy(low), level.marks, Self.tidy(step))
    }

    /// Rounded to a millionth, so that the file shows 2.1 rather than 2.0999999999999996.
    static func tidy(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }

    /// The rubric with every level of every marking point given its range, step and `fullRange`. Only
    /// version 2 rubrics have these properties; a version 1 rubric is returned unchanged.
    public func apply(to rubric: Rubric) -> Rubric {
        guard rubric.schemaVersion >= 2 else { return rubric }
        var changed = rubric
        for p in changed.markingPoints.indices {
            var below = 0.0
            for l in changed.markingPoints[p].levels.indices {
                let level = changed.markingPoints[p].levels[l]
                let (low, high, step) = range(of: level, below: below)
                changed.markingPoints[p].levels[l].minMarks = low
                changed.markingPoints[p].levels[l].markStep = step
                changed.markingPoints[p].levels[l].fullRangeDevelopment = fullRange
                below = high
            }
        }
        return changed
    }
}
