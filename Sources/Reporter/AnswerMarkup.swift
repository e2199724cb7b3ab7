import RubricEngine
import TextAnalyser

/// The learner's own answer as HTML: headings, paragraphs and lists kept, every piece of evidence marked in
/// its marking point's colour with the point's number beside it, misconceptions underlined and weak terms
/// boxed. Hovering or focusing a mark names the marking point, the level reached and the marks.
struct AnswerMarkup {
    /// What a stretch of the answer is marked with.
    enum Note {
        case evidence(point: Int, item: Int)
        case misconception(Int)
        case weak(Int)
    }

    /// One mark on the text, with the id of the element that a link to it should jump to.
    struct Annotation {
        var range: Range<Int>
        var note: Note
        var id: String
    }

    private let doc: CheckedDocument
    private let assessment: Assessment
    private let prefix: String
    private let stripEmphasis: Bool
    private let weakFindings: [Finding]
    private(set) var annotations: [Annotation] = []
    /// For each annotation id, the id of the element it is shown by (two marks starting at the same place
    /// share one element).
    private(set) var targets: [String: String] = [:]

    /// Prepares the marks for one document; `prefix` keeps ids unique when a page holds several reports.
    init(doc: CheckedDocument, assessment: Assessment, prefix: String) {
        self.doc = doc
        self.assessment = assessment
        self.prefix = prefix
        let lower = doc.path.lowercased()
        stripEmphasis = lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || doc.path == "-"
        weakFindings = Self.weakFindings(assessment)
        annotations = collectAnnotations()
    }

    /// The stuffing findings shown as weak terms.
    static func weakFindings(_ a: Assessment) -> [Finding] {
        a.analysis.findings.filter { if case .stuffing = $0.kind { return true } else { return false } }
    }

    /// The id of the element showing an evidence item, a misconception or a weak term, when it is in the text.
    func target(_ id: String) -> String? { targets[id] }

    static func evidenceID(_ prefix: String, point: Int, item: Int) -> String { "\(prefix)ev\(point + 1)-\(item + 1)" }
    static func misconceptionID(_ prefix: String, _ i: Int) -> String { "\(prefix)mis\(i + 1)" }
    static func weakID(_ prefix: String, _ i: Int) -> String { "\(prefix)weak\(i + 1)" }

    private func collectAnnotations() -> [Annotation] {
        var out: [Annotation] = []
        for (p, result) in assessment.points.enumerated() {
            for (k, e) in result.evidence.enumerated() where !e.range.isEmpty {
                out.append(
                    Annotation(
                        range: e.range, note: .evidence(point: p, item: k),
                        id: Self.evidenceID(prefix, point: p, item: k)))
            }
        }
        for (i, m) in assessment.misconceptions.enumerated() where !m.range.isEmpty {
            out.append(Annotation(range: m.range, note: .misconception(i), id: Self.misconceptionID(prefix, i)))
        }
        for (i, f) in weakFindings.enumerated() where !f.range.isEmpty {
            out.append(Annotation(range: f.range, note: .weak(i), id: Self.weakID(prefix, i)))
        }
        return out
    }

    /// The answer as HTML blocks. Fills `targets` as a side effect.
    mutating func render() -> String {
        var out = ""
        var inList = false
        for block in assessment.analysis.blocks {
            let isItem = block.kind == .listItem
            if isItem && !inList { out += "<ul>\n" }
            if !isItem && inList { out += "</ul>\n" }
            inList = isItem
            let inner = inline(block.range)
            let refs = block.isReferenceList ? " class=\"refs\"" : ""
            if !isItem && isTableRow(block.range) {
                out += "<p class=\"table-row\">\(inner)</p>\n"
                continue
            }
            switch block.kind {
            case .heading(let level):
                // Level 0 is a short title-like line in plain text: a heading, but a modest one.
                let tag = "h\(level == 0 ? 4 : min(level + 2, 6))"
                out += "<\(tag) class=\"answer-heading\">\(inner)</\(tag)>\n"
            case .paragraph: out += "<p\(refs)>\(inner)</p>\n"
            case .listItem: out += "<li\(refs)>\(inner)</li>\n"
            }
        }
        if inList { out += "</ul>\n" }
        return out
    }

    /// Whether a block is a table row as the document readers write it (cells joined by " | ").
    private func isTableRow(_ range: Range<Int>) -> Bool {
        let bytes = assessment.analysis.source.bytes
        guard range.count >= 3 else { return false }
        for i in range.lowerBound..<(range.upperBound - 2)
        where bytes[i] == 0x20 && bytes[i + 1] == 0x7C && bytes[i + 2] == 0x20 {
            return true
        }
        return false
    }

    /// One block's text, cut where marks start and end, each piece wrapped in the marks covering it.
    private mutating func inline(_ block: Range<Int>) -> String {
        let inside = annotations.filter { $0.range.overlaps(block) }
        var cuts = Set([block.lowerBound, block.upperBound])
        for a in inside {
            cuts.insert(max(a.range.lowerBound, block.lowerBound))
            cuts.insert(min(a.range.upperBound, block.upperBound))
        }
        let sorted = cuts.sorted()
        var out = ""
        for (lo, hi) in zip(sorted, sorted.dropFirst()) where lo < hi {
            let active = inside.filter { $0.range.lowerBound < hi && $0.range.upperBound > lo }
            let starting = active.filter { max($0.range.lowerBound, block.lowerBound) == lo }
            out += segment(lo..<hi, active: active, starting: starting)
        }
        return out
    }

    private mutating func segment(_ range: Range<Int>, active: [Annotation], starting: [Annotation]) -> String {
        let text = displayText(range)
        guard !active.isEmpty else { return text }
        let points = uniquePoints(active)
        let misconceptions = active.compactMap { a -> Int? in if case .misconception(let i) = a.note { i } else { nil }
        }
        let weak = active.compactMap { a -> Int? in if case .weak(let i) = a.note { i } else { nil } }
        var classes: [String] = []
        if let first = points.first { classes += ["ev", "c\(first % 8)", "s\(first % 4)"] }
        if !misconceptions.isEmpty { classes.append("misc") }
        if !weak.isEmpty { classes.append("weak") }
        let tag = points.isEmpty ? "span" : "mark"
        var open = "<\(tag) class=\"\(classes.joined(separator: " "))\""
        var chips = ""
        if let first = starting.first {
            targets[first.id] = first.id
            for other in starting.dropFirst() { targets[other.id] = first.id }
            open += " id=\"\(first.id)\" tabindex=\"0\" aria-describedby=\"\(first.id)-tip\""
            chips = self.chips(starting)
        }
        let tipID = starting.isEmpty ? "" : " id=\"\(starting[0].id)-tip\""
        let tip =
            "<span class=\"tip\" role=\"tooltip\"\(tipID)>\(tipText(active, points: points, misconceptions: misconceptions, weak: weak))</span>"
        return open + ">" + chips + text + tip + "</\(tag)>"
    }

    private func uniquePoints(_ active: [Annotation]) -> [Int] {
        var seen: [Int] = []
        for a in active {
            if case .evidence(let p, _) = a.note, !seen.contains(p) { seen.append(p) }
        }
        return seen
    }

    /// The labels shown where marks start: the marking point's number, ✗ for a misconception, "weak".
    private func chips(_ starting: [Annotation]) -> String {
        var out = ""
        var shownPoints: Set<Int> = []
        var shownOther: Set<String> = []
        for a in starting {
            switch a.note {
            case .evidence(let p, _):
                if shownPoints.insert(p).inserted {
                    out += "<span class=\"chip c\(p % 8)\" aria-hidden=\"true\">\(p + 1)</span>"
                }
            case .misconception:
                if shownOther.insert("m").inserted {
                    out += "<span class=\"chip chip-misc\" aria-hidden=\"true\">✗</span>"
                }
            case .weak:
                if shownOther.insert("w").inserted {
                    out += "<span class=\"chip chip-weak\" aria-hidden=\"true\">weak</span>"
                }
            }
        }
        return out
    }

    private func tipText(_ active: [Annotation], points: [Int], misconceptions: [Int], weak: [Int]) -> String {
        var lines: [String] = []
        for p in points {
            let r = assessment.points[p]
            let level = r.level.map { "level reached: \($0)" } ?? "no level reached yet"
            var labels: [String] = []
            for a in active {
                guard case .evidence(p, let k) = a.note, !labels.contains(r.evidence[k].label) else { continue }
                labels.append(r.evidence[k].label)
            }
            lines.append(
                "<b>Marking point \(p + 1): \(HTMLEscaping.escape(r.point.title))</b> "
                    + "\(HTMLEscaping.escape(level)), \(TextReporter.number(r.awarded)) of \(TextReporter.number(r.point.marks)) marks. "
                    + "Credited: \(HTMLEscaping.escape(labels.joined(separator: ", ")))")
        }
        for i in misconceptions {
            let m = assessment.misconceptions[i].misconception
            lines.append(
                "<b>Misconception:</b> \(HTMLEscaping.escape(m.text)) <b>Instead:</b> \(HTMLEscaping.escape(m.correction))"
            )
        }
        for i in weak {
            lines.append("<b>Weak:</b> \(HTMLEscaping.escape(Self.weakReason(weakFindings[i])))")
        }
        return lines.joined(separator: "<br>")
    }

    /// Why a weak term earns little, in a few words.
    static func weakReason(_ f: Finding) -> String {
        guard case .stuffing(let kind) = f.kind else { return "" }
        switch kind {
        case .listedOnly: return "only in a heading, list or fragment; use it in a sentence that applies it"
        case .repeatedSentence: return "repeats an earlier sentence; repeats earn nothing"
        case .buzzwordList: return "lists terms without explaining them"
        case .copiedFromBrief: return "copied from the brief"
        }
    }

    /// The answer's text for a range, escaped, with line breaks inside a block read as spaces and Markdown's
    /// `**` emphasis markers dropped from Markdown answers. Works on the bytes: it runs for every piece of
    /// every block.
    private func displayText(_ range: Range<Int>) -> String {
        let source = assessment.analysis.source.bytes
        let lo = max(0, min(range.lowerBound, source.count))
        let hi = max(lo, min(range.upperBound, source.count))
        let slice = source[lo..<hi]
        let star = UInt8(ascii: "*")
        let needsWork = slice.contains { $0 == 0x0A || $0 == 0x0D || $0 == star }
        var escaped: String
        if !needsWork {
            escaped = HTMLEscaping.escape(utf8: slice)
        } else {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(slice.count)
            var i = slice.startIndex
            while i < slice.endIndex {
                let b = slice[i]
                if stripEmphasis && b == star && i + 1 < slice.endIndex && slice[i + 1] == star {
                    i += 2
                    continue
                }
                bytes.append(b == 0x0A || b == 0x0D ? 0x20 : b)
                i += 1
            }
            escaped = HTMLEscaping.escape(utf8: bytes)
        }
        if escaped.utf8.contains(UInt8(ascii: "|")) && escaped.contains(" | ") {
            escaped = escaped.replacingOccurrences(of: " | ", with: "<span class=\"sep\"> | </span>")
        }
        return escaped
    }
}
