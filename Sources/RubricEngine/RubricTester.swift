/// Runs a rubric's own examples: every marking point's credit / no-credit examples and every
/// misconception's asserting / rejecting examples. Each failure points at the example's line.
public struct RubricTester: Sendable {
    /// The rubric under test.
    public let rubric: Rubric
    private let assessor: Assessor

    /// Creates a tester.
    public init(rubric: Rubric) {
        self.rubric = rubric
        self.assessor = Assessor(rubric: rubric)
    }

    /// The number of examples run, and a diagnostic per failing example.
    public func run() -> (examples: Int, failures: [Diagnostic]) {
        var count = 0
        var failures: [Diagnostic] = []
        func fail(_ e: RubricExample, _ message: String) {
            failures.append(Diagnostic(file: rubric.path, location: e.location, message: message, rule: "example"))
        }
        for (pi, point) in rubric.markingPoints.enumerated() {
            for e in point.creditExamples {
                count += 1
                let result = assessor.assess(e.text).points[pi]
                let needed = levelIndex(e.level, in: point) ?? 0
                if (result.levelIndex ?? -1) < needed {
                    let got = result.level.map { "reached only '\($0)'" } ?? "earned no credit"
                    fail(e, "credit example for '\(point.id)' \(got); it must reach '\(point.levels[needed].label)'")
                }
            }
            for e in point.noCreditExamples {
                count += 1
                let result = assessor.assess(e.text).points[pi]
                let limit = levelIndex(e.level, in: point)
                if let reached = result.levelIndex, reached >= (limit ?? 0) {
                    let what = limit.map { "must not reach '\(point.levels[$0].label)'" } ?? "must earn no credit"
                    fail(e, "no-credit example for '\(point.id)' reached '\(point.levels[reached].label)'; it \(what)")
                }
            }
        }
        for m in rubric.misconceptions {
            for e in m.assertingExamples {
                count += 1
                if !assessor.assess(e.text).misconceptions.contains(where: { $0.misconception.id == m.id }) {
                    fail(e, "example should assert misconception '\(m.id)' but was not flagged")
                }
            }
            for e in m.rejectingExamples {
                count += 1
                if assessor.assess(e.text).misconceptions.contains(where: { $0.misconception.id == m.id }) {
                    fail(e, "example rejects misconception '\(m.id)' but was flagged as asserting it")
                }
            }
        }
        return (count, failures)
    }

    private func levelIndex(_ label: String?, in point: MarkingPoint) -> Int? {
        guard let label else { return nil }
        return point.levels.firstIndex { $0.label.lowercased() == label.lowercased() }
    }
}
