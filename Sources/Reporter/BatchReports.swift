import RubricEngine
import TextAnalyser

/// What a batch run keeps of one file once its report is written: a few hundred bytes instead of
/// the whole analysis.
public struct FileRecord: Sendable {
    /// Whose file it is.
    public var learner: SubmissionNaming.Learner
    /// The path relative to the submissions folder.
    public var path: String
    /// Why the file could not be checked.
    public var error: String?
    /// Marks awarded, available and the percentage.
    public var awarded: Double = 0, available: Double = 0, percent: Double = 0
    /// The band reached.
    public var band: String?
    /// Marks per marking point, in the rubric's order.
    public var pointAwards: [Double] = []
    /// Status per marking point, in the rubric's order.
    public var pointStatus: [PointStatus] = []
    /// Words counted.
    public var wordCount = 0
    /// Under the minimum word count.
    public var tooShort = false
    /// Over the word limit.
    public var overLimit = false
    /// Keyword stuffing found.
    public var stuffing = false
    /// Ids of the misconceptions asserted.
    public var misconceptions: [String] = []

    /// Reduces a checked document to its record.
    public init(learner: SubmissionNaming.Learner, path: String, document doc: CheckedDocument) {
        self.learner = learner
        self.path = path
        guard let a = doc.assessment else {
            error = doc.error ?? "could not be checked"
            return
        }
        awarded = a.awarded
        available = a.available
        percent = a.percent
        band = a.band
        pointAwards = a.points.map(\.awarded)
        pointStatus = a.points.map(\.status)
        wordCount = a.analysis.wordCount
        switch a.wordLimitStatus {
        case .under: tooShort = true
        case .over: overLimit = true
        default: break
        }
        stuffing = a.analysis.findings.contains {
            if case .stuffing(let kind) = $0.kind { return kind.isGaming } else { return false }
        }
        misconceptions = a.misconceptions.map(\.misconception.id)
    }

    /// Whether the file was read and assessed.
    public var isReadable: Bool { error == nil }
}

/// A learner's files, with the one that counts: the best-scoring readable file (the first on a tie).
public struct LearnerRecord: Sendable {
    /// The learner.
    public var learner: SubmissionNaming.Learner
    /// Every file, sorted by path.
    public var files: [FileRecord]
    /// The feedback file's name (in feedback/).
    public var feedbackFile: String

    /// Groups a learner's files.
    public init(files: [FileRecord], feedbackFile: String) {
        self.learner = files[0].learner
        self.files = files
        self.feedbackFile = feedbackFile
    }

    /// The file whose marks the gradebook shows.
    public var best: FileRecord {
        files.filter(\.isReadable).enumerated().max {
            ($0.element.awarded, -$0.offset) < ($1.element.awarded, -$1.offset)
        }?
        .element ?? files[0]
    }
}

/// A pair of learners whose submissions share long passages.
public struct SimilarPairReport: Sendable {
    /// The two files, as (learner name, relative path).
    public var first: (learner: String, path: String)
    public var second: (learner: String, path: String)
    /// Shared fingerprints and their fraction of the smaller file's.
    public var shared: Int
    public var fraction: Double
    /// Up to three shared passages.
    public var passages: [String]

    /// Creates a pair report.
    public init(first: (String, String), second: (String, String), shared: Int, fraction: Double, passages: [String]) {
        self.first = first
        self.second = second
        self.shared = shared
        self.fraction = fraction
        self.passages = passages
    }
}

/// The tutor's gradebook: one row per learner.
public enum Gradebook {
    /// The CSV text. `similarTo` maps a learner key to the names of learners it is similar to.
    public static func csv(rubric: Rubric, learners: [LearnerRecord], similarTo: [String: [String]]) -> String {
        var header = ["learner", "file", "total", "percent", "band"]
        header += rubric.markingPoints.map(\.id)
        header += [
            "words", "too short", "over word limit", "keyword stuffing", "misconceptions", "similar to", "unreadable",
        ]
        let rows = learners.map { l -> [CSVWriter.Cell] in
            let best = l.best
            var row: [CSVWriter.Cell] = [.text(l.learner.name), .text(l.files.map(\.path).joined(separator: "; "))]
            let unreadable = l.files.filter { !$0.isReadable }.map { "\($0.path): \($0.error ?? "")" }.joined(
                separator: "; ")
            if best.isReadable {
                row += [.number(best.awarded), .number(best.percent), best.band.map(CSVWriter.Cell.text) ?? .empty]
                row += best.pointAwards.map(CSVWriter.Cell.number)
                row += [
                    .number(Double(best.wordCount)), flag(best.tooShort), flag(best.overLimit), flag(best.stuffing),
                    .text(best.misconceptions.joined(separator: "; ")),
                ]
            } else {
                row += [.empty, .empty, .empty] + rubric.markingPoints.map { _ in CSVWriter.Cell.empty }
                row += [.empty, .empty, .empty, .empty, .empty]
            }
            row.append(.text((similarTo[l.learner.key] ?? []).joined(separator: "; ")))
            row.append(.text(unreadable))
            return row
        }
        return CSVWriter.table(header: header, rows: rows)
    }

    private static func flag(_ b: Bool) -> CSVWriter.Cell { b ? .text("yes") : .empty }
}

/// The cohort overview for the tutor, as Markdown.
public enum CohortSummary {
    /// The summary. `skipped` counts skipped files by kind.
    public static func markdown(
        rubric: Rubric, learners: [LearnerRecord], skipped: [String: Int], pairs: [SimilarPairReport]
    ) -> String {
        let esc = MarkdownReporter.escape
        let marked = learners.map(\.best).filter(\.isReadable)
        let files = learners.flatMap(\.files)
        let unreadable = files.filter { !$0.isReadable }
        var out = "# Cohort summary: \(esc(rubric.title))\n\n"
        out += "_Self-check marks against the rubric, not grades._\n\n"
        out += "- Learners: \(learners.count) (\(marked.count) with a readable file)\n"
        out += "- Files checked: \(files.count - unreadable.count) of \(files.count)\n"
        out += "- Files that could not be read: \(unreadable.count)\n"
        out += "- Files skipped (hidden, temporary or unsupported): \(skipped.values.reduce(0, +))\n\n"
        out += distribution(rubric, marked)
        out += missedPoints(rubric, marked)
        out += commonMisconceptions(rubric, marked)
        out += "## Files that could not be read\n\n"
        if unreadable.isEmpty { out += "None.\n" }
        for f in unreadable { out += "- `\(f.path)` (\(esc(f.learner.name))): \(esc(f.error ?? ""))\n" }
        out += "\n## Skipped files\n\n"
        if skipped.isEmpty { out += "None.\n" }
        for (kind, n) in skipped.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            out += "- \(esc(kind)): \(n)\n"
        }
        out += "\n## Suspiciously similar pairs\n\n"
        if pairs.isEmpty { out += "None found.\n" }
        for p in pairs {
            out += "### \(esc(p.first.learner)) and \(esc(p.second.learner))\n\n"
            out += "`\(p.first.path)` and `\(p.second.path)`: \(p.shared) shared fingerprints"
            out += " (\(Int((p.fraction * 100).rounded()))% of the shorter)\n\n"
            for passage in p.passages { out += "> \(esc(TextReporter.clip(passage, 600)))\n\n" }
        }
        return out
    }

    private static func distribution(_ rubric: Rubric, _ marked: [FileRecord]) -> String {
        var out = "## Mark distribution\n\n| band | learners |\n|---|---|\n"
        let bands = rubric.bands.sorted { $0.minPercent > $1.minPercent }
        for b in bands {
            out += "| \(MarkdownReporter.escape(b.label)) | \(marked.filter { $0.band == b.label }.count) |\n"
        }
        let lowest = rubric.bands.min { $0.minPercent < $1.minPercent }?.label ?? "lowest"
        out += "| below \(MarkdownReporter.escape(lowest)) | \(marked.filter { $0.band == nil }.count) |\n\n"
        var buckets = [Int](repeating: 0, count: 10)
        for r in marked { buckets[min(9, max(0, Int(r.percent / 10)))] += 1 }
        let widest = max(1, buckets.max() ?? 1)
        out += "```\n"
        for (i, n) in buckets.enumerated() {
            let label = i == 9 ? "90-100%" : "\(i * 10)-\(i * 10 + 9)%"
            let bar = String(repeating: "#", count: n == 0 ? 0 : max(1, n * 40 / widest))
            out += label.padding(toLength: 8) + "| " + bar + (n > 0 ? " \(n)" : "") + "\n"
        }
        return out + "```\n\n"
    }

    private static func missedPoints(_ rubric: Rubric, _ marked: [FileRecord]) -> String {
        var out = "## Marking points most often missed\n\n"
        guard !marked.isEmpty else { return out + "No readable submissions.\n\n" }
        let counts = rubric.markingPoints.indices.map { i in
            (
                i, marked.filter { $0.pointStatus[i] == .missing }.count,
                marked.filter { $0.pointStatus[i] == .partial }.count
            )
        }
        for (i, missing, partial) in counts.sorted(by: { ($1.1, $1.2, $0.0) < ($0.1, $0.2, $1.0) }) {
            let p = rubric.markingPoints[i]
            out += "- \(MarkdownReporter.escape(p.title)) (`\(p.id)`): missed by \(missing) of \(marked.count)"
            out += ", partly met by \(partial)\n"
        }
        return out + "\n"
    }

    private static func commonMisconceptions(_ rubric: Rubric, _ marked: [FileRecord]) -> String {
        var out = "## Misconceptions most often asserted\n\n"
        var counts: [String: Int] = [:]
        for r in marked { for id in Set(r.misconceptions) { counts[id, default: 0] += 1 } }
        if counts.isEmpty { return out + "None.\n\n" }
        for (id, n) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            let text = rubric.misconceptions.first { $0.id == id }?.text ?? id
            out += "- \(MarkdownReporter.escape(text)) (`\(id)`): \(n) learner\(n == 1 ? "" : "s")\n"
        }
        return out + "\n"
    }
}

extension String {
    fileprivate func padding(toLength n: Int) -> String {
        count >= n ? self : self + String(repeating: " ", count: n - count)
    }
}
