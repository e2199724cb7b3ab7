import RubricEngine
import TextAnalyser

/// A rubric as readable Markdown, so a learner can see what the examiner looks for.
public enum RubricMarkdown {
    /// Renders a rubric.
    public static func render(_ r: Rubric) -> String {
        var out = "# \(r.title)\n\n"
        var course = r.course.name
        if let level = r.course.level { course += ", \(level)" }
        out += "Course: \(course)  \nRubric id: `\(r.id)`  \nMarks available: \(TextReporter.number(r.totalMarks))\n\n"
        if let d = r.description { out += d + "\n\n" }
        out += "This rubric is for checking your own draft. A report from it is a self-check, not a grade.\n\n"
        if let wl = r.wordLimit {
            let parts = [wl.min.map { "at least \($0)" }, wl.max.map { "at most \($0)" }].compactMap { $0 }
            out += "Word limit: \(parts.joined(separator: ", ")) words.\n\n"
        }
        out += "## Grade bands\n\n"
        for b in r.bands { out += "- \(b.label): \(TextReporter.number(b.minPercent))% and above\n" }
        if !r.learningOutcomes.isEmpty {
            out += "\n## Learning outcomes\n\n"
            for lo in r.learningOutcomes { out += "- **\(lo.id.uppercased())**: \(lo.title)\n" }
        }
        out += "\n## Marking points\n"
        for p in r.markingPoints {
            out += "\n### \(p.title) (\(TextReporter.number(p.marks)) marks)\n\n"
            out += "> \(p.examiner)\n\n"
            if let lo = p.learningOutcome { out += "Learning outcome: \(lo.uppercased())\n\n" }
            out += "| Level | Marks | How to reach it |\n|---|---|---|\n"
            for l in p.levels {
                let marks =
                    l.hasRange
                    ? "\(TextReporter.number(l.minMarks))-\(TextReporter.number(l.marks))"
                    : TextReporter.number(l.marks)
                out += "| \(l.label) | \(marks) | \(l.toReach.replacingOccurrences(of: "|", with: "/")) |\n"
            }
            let concepts = conceptLabels(p.levels.map(\.when), r)
            if !concepts.isEmpty { out += "\nTerms the examiner looks for: \(concepts.joined(separator: ", ")).\n" }
        }
        if !r.misconceptions.isEmpty {
            out += "\n## Common misconceptions\n\n"
            for m in r.misconceptions { out += "- **\(m.text)** \(m.correction)\n" }
        }
        if !r.feedForward.isEmpty {
            out += "\n## Examiner tips\n\n"
            for t in r.feedForward { out += "- \(t)\n" }
        }
        return out
    }

    private static func conceptLabels(_ es: [Evidence], _ r: Rubric) -> [String] {
        var seen: [String] = []
        for t in Evidence.terms(in: es) where r.terms[t].kind != .misconception && !r.sourceDetailTerms.contains(t) {
            if !seen.contains(r.terms[t].label) { seen.append(r.terms[t].label) }
        }
        return seen
    }
}
