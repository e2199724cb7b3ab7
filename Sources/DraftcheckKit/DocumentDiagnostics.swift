import Foundation
import Reporter
import RubricEngine
import TextAnalyser

/// One problem or piece of advice attached to a span of a checked answer: what an editor underlines
/// and what `check --format line` prints.
public struct DocumentDiagnostic: Sendable, Equatable {
    /// How prominent the diagnostic is (the language server protocol's four severities).
    public enum Severity: String, Sendable {
        case error, warning, information, hint
    }

    /// What the diagnostic is about.
    public enum Kind: String, Sendable {
        /// An asserted misconception.
        case misconception
        /// A term that earns little where it stands (heading, bare list, repeat, buzzword list).
        case weakTerm = "weak-term"
        /// A marking point missing or partly met.
        case markingPoint = "marking-point"
        /// Over or under the word limit.
        case wordLimit = "word-limit"
        /// No rubric is configured for the document.
        case noRubric = "no-rubric"
    }

    /// UTF-8 byte range in the checked text.
    public var range: Range<Int>
    /// How prominent it is.
    public var severity: Severity
    /// What it is about.
    public var kind: Kind
    /// The marking point or misconception id, the stuffing kind, or the kind's own name.
    public var code: String
    /// The message shown to the learner.
    public var message: String

    /// Creates a diagnostic.
    public init(range: Range<Int>, severity: Severity, kind: Kind, code: String, message: String) {
        self.range = range
        self.severity = severity
        self.kind = kind
        self.code = code
        self.message = message
    }

    /// `path:line:column: severity: message [code]`, columns in UTF-16 code units as in the JSON contract.
    public func lineFormatted(path: String, source: SourceText) -> String {
        let p = source.position(ofOffset: range.lowerBound)
        return "\(path):\(p.line):\(p.column): \(severity.rawValue): \(message) [\(code)]"
    }
}

/// Turns an assessment into the diagnostics an editor shows as the learner types.
public enum DocumentDiagnostics {
    /// The diagnostic for a document with no rubric configured: how to set one.
    public static func noRubric(_ source: SourceText) -> DocumentDiagnostic {
        DocumentDiagnostic(
            range: firstLine(source), severity: .information, kind: .noRubric, code: "no-rubric",
            message: "draftcheck: no rubric is configured for this document. Create a .draftcheck.json in its folder "
                + "or a parent folder, such as {\"version\": 1, \"rubric\": \"customer-relationships\"} "
                + "(`draftcheck rubrics` lists the built-in ids), or set \"rubric\" in the editor's settings for draftcheck."
        )
    }

    /// Every diagnostic for an assessment, in document order.
    public static func make(_ a: Assessment) -> [DocumentDiagnostic] {
        var out: [DocumentDiagnostic] = []
        for m in a.misconceptions {
            out.append(
                DocumentDiagnostic(
                    range: m.range, severity: .warning, kind: .misconception, code: m.misconception.id,
                    message:
                        "This reads as a misconception: \(m.misconception.text) Instead: \(m.misconception.correction)")
            )
        }
        for f in a.analysis.findings {
            guard case .stuffing(let kind) = f.kind else { continue }
            out.append(
                DocumentDiagnostic(
                    range: f.range, severity: .hint, kind: .weakTerm, code: kind.rawValue,
                    message: weakTermMessage(kind, a.analysis.text(of: f))))
        }
        for p in a.points where p.status != .met {
            out.append(
                DocumentDiagnostic(
                    range: section(for: p, in: a), severity: .information, kind: .markingPoint, code: p.point.id,
                    message: pointMessage(p)))
        }
        if let limit = wordLimitMessage(a) {
            out.append(
                DocumentDiagnostic(
                    range: firstLine(a.analysis.source), severity: .information, kind: .wordLimit, code: "word-limit",
                    message: limit))
        }
        return out.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// The first line's bytes (without its line break).
    public static func firstLine(_ source: SourceText) -> Range<Int> {
        let end = source.bytes.firstIndex(of: 0x0A) ?? source.bytes.count
        let trimmed = end > 0 && source.bytes[end - 1] == 0x0D ? end - 1 : end
        return 0..<trimmed
    }

    /// The heading of the section that holds a point's evidence, else a heading that names the point,
    /// else the first line.
    static func section(for p: PointResult, in a: Assessment) -> Range<Int> {
        let analysis = a.analysis
        if let e = p.evidence.first {
            let block = analysis.sentences[e.sentence].block
            if let h = analysis.blocks[block].heading { return analysis.blocks[h].range }
            return analysis.sentences[e.sentence].range
        }
        let title = p.point.title.lowercased()
        for block in analysis.blocks where block.isHeading {
            let heading = analysis.source.text(block.range).lowercased()
            if heading.count >= 4 && (heading.contains(title) || title.contains(heading)) { return block.range }
        }
        return firstLine(analysis.source)
    }

    static func pointMessage(_ p: PointResult) -> String {
        let got = "\(TextReporter.number(p.awarded))/\(TextReporter.number(p.point.marks))"
        let reached = p.level.map { "reached \($0), \(got) marks" } ?? "not yet addressed, \(got) marks"
        let nextIndex = (p.levelIndex ?? -1) + 1
        var text = "\(p.point.title): \(reached)."
        if nextIndex < p.point.levels.count {
            let next = p.point.levels[nextIndex]
            text += " To reach \(next.label) (\(TextReporter.number(next.marks)) marks): \(next.toReach)"
        }
        return text
    }

    static func weakTermMessage(_ kind: Finding.Stuffing, _ text: String) -> String {
        // Most findings are a few words on one line: only long or multi-line ones need clipping.
        let short = text.utf8.count <= 60 && !text.utf8.contains(0x0A) && !text.utf8.contains(0x0D)
        let quoted = "\"" + (short ? text : TextReporter.clip(text, 60)) + "\""
        switch kind {
        case .listedOnly:
            return "\(quoted) appears only in a heading, list or fragment: use it in a sentence that applies it."
        case .repeatedSentence: return "\(quoted) repeats an earlier sentence: repeats earn nothing."
        case .buzzwordList: return "\(quoted) lists terms without explaining them."
        case .copiedFromBrief:
            return "\(quoted) repeats the task or the marking scheme and earns nothing; put it in your own words."
        }
    }

    static func wordLimitMessage(_ a: Assessment) -> String? {
        let n = a.analysis.wordCount
        switch a.wordLimitStatus {
        case .noLimit, .within: return nil
        case .under(let min): return "\(n) words: under the minimum of \(min) by \(min - n)."
        case .over(let max): return "\(n) words: over the limit of \(max) by \(n - max)."
        }
    }

    /// What a hover over a piece of evidence shows: the marking point, the marks and level it earned,
    /// and what would reach the next level. Nil when no evidence covers `offset`.
    public static func hover(at offset: Int, in a: Assessment) -> (range: Range<Int>, markdown: String)? {
        for p in a.points {
            for e in p.evidence where e.range.contains(offset) || (e.range.upperBound == offset && !e.range.isEmpty) {
                var text = "**\(p.point.title)** (`\(p.point.id)`): \(TextReporter.number(p.awarded))/"
                text += "\(TextReporter.number(p.point.marks)) marks"
                text += p.level.map { ", level \($0)" } ?? ""
                text += "\n\nThis is \(e.kind) evidence: \(e.label).\n\n\(p.feedback)"
                return (e.range, text)
            }
        }
        return nil
    }
}
