import RubricEngine
import TextAnalyser

/// The learner's own report as Markdown, ready to hand back: marks per marking point with the
/// sentences that earned them and where they are, what would reach the next level, misconceptions with
/// their corrections and the word count. A pure function of the checked document.
public enum MarkdownReporter {
    /// The report for one document; `title` names the learner when given.
    public static func render(_ doc: CheckedDocument, title: String? = nil) -> String {
        var out = "# \(escape(title ?? doc.path))\n\n"
        guard let a = doc.assessment else {
            out += "**This file could not be checked:** \(escape(doc.error ?? "unknown error"))\n\n"
            out += "File: `\(code(doc.path))`\n"
            return out
        }
        out += "_This is a self-check against the rubric \"\(escape(a.rubric.title))\", not a grade._\n\n"
        out += "File: `\(code(doc.path))`\n\n"
        for note in doc.notes { out += "> Note: \(escape(note))\n\n" }
        let band = a.band.map { "\($0) band" } ?? "below the \(a.rubric.bands.first?.label ?? "lowest") band"
        out += "- **Marks:** \(TextReporter.number(a.awarded))/\(TextReporter.number(a.available))"
        out += " (\(TextReporter.number(a.percent))%), \(escape(band))\n"
        out += "- **Words:** \(wordLine(a))\n\n"
        out += "## Marking points\n\n"
        for p in a.points { out += point(p, doc, a) }
        out += misconceptions(a, doc)
        out += stuffing(a, doc)
        if !a.nextSteps.isEmpty {
            out += "## Changes that would gain the most marks\n\n"
            for (i, s) in a.nextSteps.enumerated() {
                out += "\(i + 1). (+\(TextReporter.number(s.gain))) **\(escape(s.title))**: \(escape(s.advice))\n"
            }
            out += "\n"
        }
        if !a.rubric.feedForward.isEmpty {
            out += "## Examiner tips for this topic\n\n"
            for tip in a.rubric.feedForward { out += "- \(escape(tip))\n" }
            out += "\n"
        }
        return out
    }

    private static func wordLine(_ a: Assessment) -> String {
        let n = a.analysis.wordCount
        switch a.wordLimitStatus {
        case .noLimit: return "\(n)"
        case .within: return "\(n)" + (a.rubric.wordLimit?.max.map { " of \($0) allowed" } ?? "")
        case .under(let min): return "\(n), under the minimum of \(min)"
        case .over(let max): return "\(n), over the limit of \(max) by \(n - max)"
        }
    }

    private static func point(_ p: PointResult, _ doc: CheckedDocument, _ a: Assessment) -> String {
        let status: String
        switch p.status {
        case .met: status = "met"
        case .partial: status = "partly met"
        case .missing: status = "not yet met"
        }
        var out =
            "### \(escape(p.point.title)): \(TextReporter.number(p.awarded))/\(TextReporter.number(p.point.marks))"
        out += " (\(status)\(p.level.map { ", \(escape($0))" } ?? ""))\n\n"
        out += "> \(escape(TextReporter.clip(p.point.examiner, 400)))\n\n"
        for e in p.evidence.prefix(6) {
            let sentence = a.analysis.sentences[e.sentence]
            let quote = TextReporter.clip(a.analysis.source.text(sentence.range), 200)
            out += "- \(doc.place(ofOffset: e.range.lowerBound)), \(escape(e.label)): \"\(escape(quote))\"\n"
        }
        if !p.evidence.isEmpty { out += "\n" }
        out += "**Next:** \(escape(p.feedback))\n\n"
        return out
    }

    private static func misconceptions(_ a: Assessment, _ doc: CheckedDocument) -> String {
        var out = ""
        if !a.misconceptions.isEmpty {
            out += "## Misconceptions to fix\n\n"
            for m in a.misconceptions {
                out += "- \(doc.place(ofOffset: m.range.lowerBound)): \"\(escape(TextReporter.clip(m.text, 200)))\"\n"
                out += "  - This reads as: \(escape(m.misconception.text))\n"
                out += "  - Instead: \(escape(m.misconception.correction))\n"
            }
            out += "\n"
        }
        if !a.rejectedMisconceptions.isEmpty {
            out += "## Misconceptions you rejected (good)\n\n"
            for m in a.rejectedMisconceptions {
                out += "- \(doc.place(ofOffset: m.range.lowerBound)): \(escape(m.misconception.text))\n"
            }
            out += "\n"
        }
        return out
    }

    private static func stuffing(_ a: Assessment, _ doc: CheckedDocument) -> String {
        let found = a.analysis.findings.filter { if case .stuffing = $0.kind { return true } else { return false } }
        guard !found.isEmpty else { return "" }
        var out = "## Terms that earn little where they are\n\n"
        for f in found.prefix(8) {
            out += "- \(doc.place(ofOffset: f.range.lowerBound)): \(escape(TextReporter.stuffingAdvice(f, a)))\n"
        }
        return out + "\n"
    }

    /// Escapes the characters Markdown would read as formatting, so quoted text shows as written.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "|": out.append("\\")
            case "\n", "\r\n", "\r":
                out.append(" ")
                continue
            default: break
            }
            out.append(c)
        }
        return out
    }

    private static func code(_ s: String) -> String {
        String(s.map { $0 == "`" || $0.isNewline ? "'" : $0 })
    }
}
