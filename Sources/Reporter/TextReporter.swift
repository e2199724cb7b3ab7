import RubricEngine
import TextAnalyser

/// The report a learner reads in a terminal: marks per point with the evidence quoted and located, the
/// changes that would gain most, misconceptions with corrections, and the word count.
public struct TextReporter: Sendable {
    /// Whether to use ANSI colours (only on a terminal, never with NO_COLOR).
    public var colour: Bool

    /// Creates a reporter.
    public init(colour: Bool) {
        self.colour = colour
    }

    private func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    private func bold(_ s: String) -> String { paint(s, "1") }

    /// The whole report for one document.
    public func render(_ doc: CheckedDocument) -> String {
        guard let a = doc.assessment else {
            return "\(doc.path): \(paint("could not be checked", "31")): \(doc.error ?? "unknown error")\n"
        }
        var out = ""
        out += bold("\(doc.path) — \(a.rubric.title)") + "\n"
        out += "This is a self-check against the rubric, not a grade.\n"
        for note in doc.notes { out += "Note: \(note)\n" }
        out += "\n"
        let band = a.band.map { "\($0) band" } ?? "below the \(a.rubric.bands.first?.label ?? "lowest") band"
        out +=
            "Marks: \(bold("\(Self.number(a.awarded))/\(Self.number(a.available))")) (\(Self.number(a.percent))%), \(band)\n"
        out += wordLine(a) + "\n\n"
        out += bold("Marking points") + "\n"
        for p in a.points { out += point(p, doc) }
        if !a.misconceptions.isEmpty {
            out += "\n" + bold("Misconceptions to fix") + "\n"
            for m in a.misconceptions {
                out +=
                    "  \(paint("✗", "31")) \(doc.place(ofOffset: m.range.lowerBound)): \"\(Self.clip(m.text, 160))\"\n"
                out += "    This reads as: \(m.misconception.text)\n"
                out += "    Instead: \(m.misconception.correction)\n"
            }
        }
        if !a.rejectedMisconceptions.isEmpty {
            out += "\n" + bold("Misconceptions you rejected (good)") + "\n"
            for m in a.rejectedMisconceptions {
                out += "  \(paint("✓", "32")) \(doc.place(ofOffset: m.range.lowerBound)): \(m.misconception.text)\n"
            }
        }
        let stuffing = a.analysis.findings.filter { if case .stuffing = $0.kind { return true } else { return false } }
        if !stuffing.isEmpty {
            out += "\n" + bold("Terms that earn little where they are") + "\n"
            for f in stuffing.prefix(8) {
                out += "  - \(doc.place(ofOffset: f.range.lowerBound)): \(Self.stuffingAdvice(f, a))\n"
            }
        }
        if !a.nextSteps.isEmpty {
            out += "\n" + bold("Three changes that would gain the most marks") + "\n"
            for (i, s) in a.nextSteps.enumerated() {
                out += "  \(i + 1). (+\(Self.number(s.gain))) \(s.title): \(s.advice)\n"
            }
        }
        if !a.rubric.feedForward.isEmpty {
            out += "\n" + bold("Examiner tips for this topic") + "\n"
            for tip in a.rubric.feedForward { out += "  - \(tip)\n" }
        }
        return out
    }

    private func wordLine(_ a: Assessment) -> String {
        let n = a.analysis.wordCount
        let limit = a.rubric.wordLimit
        switch a.wordLimitStatus {
        case .noLimit: return "Words: \(n)"
        case .within:
            return "Words: \(n)" + (limit?.max.map { " of \($0) allowed" } ?? "")
        case .under(let min): return "Words: \(n), " + paint("under the minimum of \(min)", "33")
        case .over(let max): return "Words: \(n), " + paint("over the limit of \(max) by \(n - max)", "33")
        }
    }

    private func point(_ p: PointResult, _ doc: CheckedDocument) -> String {
        let mark: String
        switch p.status {
        case .met: mark = paint("[met]    ", "32")
        case .partial: mark = paint("[partial]", "33")
        case .missing: mark = paint("[missing]", "31")
        }
        var out = "  \(mark) \(p.point.title): \(Self.number(p.awarded))/\(Self.number(p.point.marks))"
        out += p.level.map { " (\($0))" } ?? ""
        out += "\n"
        guard let a = doc.assessment else { return out }
        for e in p.evidence.prefix(6) {
            let sentence = a.analysis.sentences[e.sentence]
            out +=
                "      \(doc.place(ofOffset: e.range.lowerBound)), \(e.label): \"\(Self.clip(a.analysis.source.text(sentence.range), 110))\"\n"
        }
        out += "      → \(p.feedback)\n"
        return out
    }

    static func stuffingAdvice(_ f: Finding, _ a: Assessment) -> String {
        guard case .stuffing(let kind) = f.kind else { return "" }
        let text = clip(a.analysis.text(of: f), 60)
        switch kind {
        case .listedOnly:
            return "\"\(text)\" appears only in a heading, list or fragment; use it in a sentence that applies it"
        case .repeatedSentence: return "\"\(text)\" repeats an earlier sentence; repeats earn nothing"
        case .buzzwordList: return "\"\(text)\" lists terms without explaining them"
        case .copiedFromBrief:
            return
                "\"\(text)\" repeats the task or the marking scheme's wording, which earns nothing; say it in your own words and apply it"
        }
    }

    /// A number without a needless ".0".
    /// (Never converted to `Int` beyond what fits, so no value can trap here.)
    public static func number(_ x: Double) -> String {
        guard x.isFinite && abs(x) < 1e15 else { return String(x) }
        return x == x.rounded() ? String(Int(x)) : String(format1(x))
    }

    private static func format1(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Shortens text to a limit, on one line.
    public static func clip(_ s: String, _ limit: Int) -> String {
        let flat = s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
