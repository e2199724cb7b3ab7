import RubricEngine
import TextAnalyser

/// The learner's report as one self-contained HTML page: the answer itself with its evidence highlighted per
/// marking point, a legend, a panel per marking point, the changes worth most, misconceptions with their
/// corrections and the examiner's tips. No script, no network: the page's own policy forbids both, and every
/// piece of learner text is escaped. A pure function of the checked documents.
public enum HTMLReporter {
    /// A page holding one report per document; `title` names the learner when given (batch feedback).
    public static func render(rubric: Rubric, documents: [CheckedDocument], title: String? = nil) -> String {
        var body = ""
        for (i, doc) in documents.enumerated() {
            let prefix = documents.count > 1 ? "d\(i + 1)-" : ""
            body += report(doc, rubric: rubric, title: title, prefix: prefix)
        }
        let pageTitle = (title ?? documents.first.map { fileName($0.path) } ?? "Report") + " · " + rubric.title
        let answer = documents.first?.assessment == nil ? nil : documents.count > 1 ? "d1-answer" : "answer"
        return page(title: pageTitle, body: body, skipTo: answer.map { ($0, "Skip to the answer") })
    }

    /// The HTML document around a body: metadata, the content security policy and the style sheet.
    /// `skipTo` is the id and wording of a link for keyboard users to jump past the header.
    static func page(title: String, body: String, skipTo: (id: String, text: String)? = nil) -> String {
        let skip = skipTo.map { "<a class=\"skip\" href=\"#\($0.id)\">\($0.text)</a>\n" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="generator" content="draftcheck">
            <title>\(HTMLEscaping.escape(title))</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>
            \(skip)<main class="page">
            \(body)</main>
            <footer>Made by draftcheck. A self-check against the rubric, not a grade.</footer>
            </body>
            </html>

            """
    }

    private static func report(_ doc: CheckedDocument, rubric: Rubric, title: String?, prefix: String) -> String {
        guard let a = doc.assessment else {
            return "<article class=\"report\">\n<header class=\"head\"><div><p class=\"eyebrow\">Self-check report</p>"
                + "<h1>\(HTMLEscaping.escape(title ?? fileName(doc.path)))</h1>"
                + "<p class=\"meta\">File: <code>\(HTMLEscaping.escape(doc.path))</code></p></div></header>\n"
                + "<p class=\"notes\" role=\"alert\"><strong>This file could not be checked:</strong> "
                + "\(HTMLEscaping.escape(doc.error ?? "unknown error"))</p>\n</article>\n"
        }
        var markup = AnswerMarkup(doc: doc, assessment: a, prefix: prefix)
        let answer = markup.render()
        var out = "<article class=\"report\">\n"
        out += header(doc, a, title: title)
        out += "<div class=\"layout\">\n"
        out +=
            "<aside aria-label=\"Summary\">\n" + legend(a, prefix: prefix) + nextSteps(a, prefix: prefix) + "</aside>\n"
        out += "<section class=\"card answer-card\" aria-labelledby=\"\(prefix)answer-h\">\n"
        out += "<h2 id=\"\(prefix)answer-h\">Your answer, marked</h2>\n"
        out +=
            "<p class=\"hint\">Highlights show the evidence each marking point credited; the number beside a highlight is "
            + "its marking point. Hover over or tab to a highlight to see the point, the level and the marks.</p>\n"
        out +=
            "<div class=\"answer\" id=\"\(prefix.isEmpty ? "answer" : prefix + "answer")\">\n\(answer)</div>\n</section>\n"
        out += "</div>\n"
        out += pointPanels(doc, a, markup: markup, prefix: prefix)
        out += misconceptionsAndWeak(doc, a, markup: markup, prefix: prefix)
        out += tips(a)
        out += "</article>\n"
        return out
    }

    private static func header(_ doc: CheckedDocument, _ a: Assessment, title: String?) -> String {
        let r = a.rubric
        var course = [r.course.name, r.course.level, r.course.unit].compactMap { $0 }.filter { !$0.isEmpty }
        course.removeAll { $0 == r.title }
        if let level = r.course.level, r.course.name.contains(level) { course.removeAll { $0 == level } }
        var out = "<header class=\"head\">\n<div>\n<p class=\"eyebrow\">Self-check report"
        out += title.map { " for \(HTMLEscaping.escape($0))" } ?? ""
        out += "</p>\n<h1>\(HTMLEscaping.escape(r.title))</h1>\n"
        if !course.isEmpty {
            out += "<p class=\"meta\">\(course.map(HTMLEscaping.escape).joined(separator: " · "))</p>\n"
        }
        out += "<p class=\"meta\">Answer: <code>\(HTMLEscaping.escape(doc.path))</code></p>\n</div>\n"
        out += "<div class=\"score\">\n"
        out +=
            "<p class=\"tile\"><span class=\"big\">\(TextReporter.number(a.awarded))<small>/\(TextReporter.number(a.available))</small></span>"
        out += "<span class=\"sub\">marks, \(TextReporter.number(a.percent))%</span></p>\n"
        let band =
            a.band.map(HTMLEscaping.escape) ?? "Below \(HTMLEscaping.escape(r.bands.first?.label ?? "the lowest band"))"
        out += "<p class=\"tile\"><span class=\"big band\">\(band)</span><span class=\"sub\">band</span></p>\n"
        out +=
            "<p class=\"tile\"><span class=\"big\">\(groupedNumber(a.analysis.wordCount))</span><span class=\"sub\">\(wordSub(a))</span></p>\n"
        out += "</div>\n"
        out +=
            "<p class=\"disclaimer\"><strong>This is a self-check against the rubric, not a grade.</strong> "
            + "Your tutor or examiner decides the mark; use this to see what your draft already shows and what to add.</p>\n"
        out += "</header>\n"
        for note in doc.notes { out += "<p class=\"notes\">Note: \(HTMLEscaping.escape(note))</p>\n" }
        return out
    }

    private static func wordSub(_ a: Assessment) -> String {
        switch a.wordLimitStatus {
        case .noLimit: return "words"
        case .within:
            return a.rubric.wordLimit?.max.map { "words of \(groupedNumber($0)) allowed" } ?? "words, within the limit"
        case .under(let min): return "words: <strong class=\"down\">under the minimum of \(groupedNumber(min))</strong>"
        case .over(let max):
            return
                "words: <strong class=\"down\">\(groupedNumber(a.analysis.wordCount - max)) over the limit of \(groupedNumber(max))</strong>"
        }
    }

    private static func legend(_ a: Assessment, prefix: String) -> String {
        var out =
            "<section class=\"card legend\" aria-labelledby=\"\(prefix)legend-h\">\n<h2 id=\"\(prefix)legend-h\">Marking points</h2>\n<ol>\n"
        for (i, p) in a.points.enumerated() {
            let c = "c\(i % 8)"
            let pct = p.point.marks > 0 ? Int((p.awarded / p.point.marks * 100).rounded()) : 0
            out +=
                "<li class=\"\(c)\"><span class=\"swatch \(c) s\(i % 4)\" aria-hidden=\"true\"><span class=\"chip \(c)\">\(i + 1)</span></span>"
            out += "<span><a href=\"#\(prefix)point\(i + 1)\">\(i + 1). \(HTMLEscaping.escape(p.point.title))</a>"
            out += "<span class=\"lvl\">\(HTMLEscaping.escape(p.level ?? "No level yet"))</span>"
            out += "<span class=\"bar\" aria-hidden=\"true\"><i style=\"width:\(pct)%\"></i></span></span>"
            out +=
                "<span class=\"pts\">\(TextReporter.number(p.awarded))/\(TextReporter.number(p.point.marks))</span></li>\n"
        }
        out += "</ol>\n<p class=\"keys\"><span class=\"k\"><span class=\"chip chip-misc\" aria-hidden=\"true\">✗</span>"
        out += "<span class=\"misc\">wavy underline</span>: a misconception</span> "
        out += "<span class=\"k\"><span class=\"chip chip-weak\" aria-hidden=\"true\">weak</span>"
        out += "<span class=\"weak\">dashed box</span>: a term that earns little where it is</span></p>\n</section>\n"
        return out
    }

    private static func nextSteps(_ a: Assessment, prefix: String) -> String {
        guard !a.nextSteps.isEmpty else { return "" }
        var out = "<section class=\"card steps\" aria-labelledby=\"\(prefix)steps-h\">\n"
        out +=
            "<h2 id=\"\(prefix)steps-h\">\(a.nextSteps.count == 1 ? "The change" : "The \(a.nextSteps.count) changes") worth most</h2>\n<ol>\n"
        for s in a.nextSteps {
            let index = a.points.firstIndex { $0.point.id == s.pointID }
            let link =
                index.map { "<a href=\"#\(prefix)point\($0 + 1)\">\(HTMLEscaping.escape(s.title))</a>" }
                ?? HTMLEscaping.escape(s.title)
            out +=
                "<li><span class=\"gain\">+\(TextReporter.number(s.gain))</span> <strong>\(link)</strong>: \(HTMLEscaping.escape(s.advice))</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    private static func pointPanels(_ doc: CheckedDocument, _ a: Assessment, markup: AnswerMarkup, prefix: String)
        -> String
    {
        var out =
            "<section class=\"block\" aria-labelledby=\"\(prefix)points-h\">\n<h2 id=\"\(prefix)points-h\">Marking point by marking point</h2>\n<div class=\"points\">\n"
        for (i, p) in a.points.enumerated() {
            out += pointPanel(i, p, doc, a, markup: markup, prefix: prefix)
        }
        return out + "</div>\n</section>\n"
    }

    private static func pointPanel(
        _ i: Int, _ p: PointResult, _ doc: CheckedDocument, _ a: Assessment, markup: AnswerMarkup, prefix: String
    ) -> String {
        let c = "c\(i % 8)"
        var out =
            "<section class=\"card point \(c)\" id=\"\(prefix)point\(i + 1)\" aria-labelledby=\"\(prefix)point\(i + 1)-h\">\n"
        out += "<h3 id=\"\(prefix)point\(i + 1)-h\"><span class=\"chip \(c)\" aria-hidden=\"true\">\(i + 1)</span>"
        out += "<span>\(HTMLEscaping.escape(p.point.title))</span>"
        out +=
            "<span class=\"of\">\(TextReporter.number(p.awarded))/\(TextReporter.number(p.point.marks))<span class=\"skip\"> marks</span></span></h3>\n"
        let status: (String, String) =
            switch p.status {
            case .met: ("met", "Met")
            case .partial: ("partial", "Partly met")
            case .missing: ("missing", "Not yet met")
            }
        out += "<p class=\"status\"><span class=\"pill \(status.0)\">\(status.1)</span> "
        out += p.level.map { "Level reached: <strong>\(HTMLEscaping.escape($0))</strong>" } ?? "No level reached yet"
        out += "</p>\n<ol class=\"ladder\" aria-label=\"Levels\">"
        for (k, level) in p.point.levels.enumerated() {
            let reached = p.levelIndex.map { k <= $0 } ?? false
            let now = p.levelIndex == k
            let cls = [reached ? "reached" : nil, now ? "now" : nil].compactMap { $0 }.joined(separator: " ")
            out += "<li\(cls.isEmpty ? "" : " class=\"\(cls)\"")\(now ? " aria-current=\"step\"" : "")>"
            out += "\(HTMLEscaping.escape(level.label)) (\(TextReporter.number(level.marks)))</li>"
        }
        out += "</ol>\n"
        out +=
            "<h4>\(p.status == .met ? "Feedback" : "To reach the next level")</h4>\n<p class=\"next\">\(HTMLEscaping.escape(p.feedback))</p>\n"
        out += "<h4>Evidence in your answer</h4>\n"
        out +=
            p.evidence.isEmpty
            ? "<p class=\"evidence\">None found yet.</p>\n" : evidenceList(i, p, doc, a, markup: markup, prefix: prefix)
        out += "<p class=\"examiner\">The examiner looks for: \(HTMLEscaping.escape(p.point.examiner))</p>\n"
        return out + "</section>\n"
    }

    /// The evidence for a point, one entry per sentence: where it is (linking into the answer), what was
    /// credited, and the sentence with the credited words marked.
    private static func evidenceList(
        _ i: Int, _ p: PointResult, _ doc: CheckedDocument, _ a: Assessment, markup: AnswerMarkup, prefix: String
    ) -> String {
        var order: [Int] = []
        var bySentence: [Int: [Int]] = [:]
        for (k, e) in p.evidence.enumerated() {
            if bySentence[e.sentence] == nil { order.append(e.sentence) }
            bySentence[e.sentence, default: []].append(k)
        }
        var out = "<ul class=\"evidence\">\n"
        for sentence in order {
            let items = bySentence[sentence] ?? []
            let first = p.evidence[items[0]]
            let place = HTMLEscaping.escape(doc.place(ofOffset: first.range.lowerBound))
            let target = markup.target(AnswerMarkup.evidenceID(prefix, point: i, item: items[0]))
            let whereText =
                target.map { "<a class=\"where\" href=\"#\($0)\">\(place)</a>" }
                ?? "<span class=\"where\">\(place)</span>"
            var labels: [String] = []
            for k in items where !labels.contains(p.evidence[k].label) { labels.append(p.evidence[k].label) }
            let quote = markedQuote(a, sentence: sentence, marks: items.map { p.evidence[$0].range }, colour: i % 8)
            out +=
                "<li>\(whereText) · \(labels.map(HTMLEscaping.escape).joined(separator: ", ")): <q>\(quote)</q></li>\n"
        }
        return out + "</ul>\n"
    }

    /// A sentence of the answer, escaped, with the given byte ranges marked; long sentences are clipped.
    private static func markedQuote(_ a: Assessment, sentence: Int, marks: [Range<Int>], colour: Int) -> String {
        guard a.analysis.sentences.indices.contains(sentence) else { return "" }
        let range = a.analysis.sentences[sentence].range
        let text = a.analysis.source.text(range)
        guard text.count <= 320 else { return HTMLEscaping.escape(TextReporter.clip(text, 200)) }
        let clipped = marks.map { max($0.lowerBound, range.lowerBound)..<min($0.upperBound, range.upperBound) }.filter {
            !$0.isEmpty
        }
        var cuts = Set([range.lowerBound, range.upperBound])
        for m in clipped { cuts.formUnion([m.lowerBound, m.upperBound]) }
        let sorted = cuts.sorted()
        var out = ""
        for (lo, hi) in zip(sorted, sorted.dropFirst()) where lo < hi {
            let piece = HTMLEscaping.escape(TextReporter.clip(a.analysis.source.text(lo..<hi), 400))
            out +=
                clipped.contains { $0.lowerBound <= lo && $0.upperBound >= hi }
                ? "<mark class=\"ev c\(colour)\">\(piece)</mark>" : piece
        }
        return out
    }

    private static func misconceptionsAndWeak(
        _ doc: CheckedDocument, _ a: Assessment, markup: AnswerMarkup, prefix: String
    ) -> String {
        let weak = AnswerMarkup.weakFindings(a)
        guard !a.misconceptions.isEmpty || !a.rejectedMisconceptions.isEmpty || !weak.isEmpty else { return "" }
        var out = "<section class=\"block twocol\">\n"
        out +=
            "<section class=\"card\" aria-labelledby=\"\(prefix)mis-h\">\n<h2 id=\"\(prefix)mis-h\">Misconceptions</h2>\n"
        if a.misconceptions.isEmpty && a.rejectedMisconceptions.isEmpty {
            out += "<p>None of the rubric's common misconceptions was found.</p>\n"
        } else {
            out += "<ul class=\"mlist\">\n"
            for (i, m) in a.misconceptions.enumerated() {
                let place = link(
                    markup.target(AnswerMarkup.misconceptionID(prefix, i)), doc.place(ofOffset: m.range.lowerBound))
                out +=
                    "<li><strong>✗ To fix</strong> (\(place)): <q>\(HTMLEscaping.escape(TextReporter.clip(m.text, 200)))</q>"
                out += "<span class=\"fix\">This reads as: \(HTMLEscaping.escape(m.misconception.text))</span>"
                out +=
                    "<span class=\"fix\"><strong>Instead:</strong> \(HTMLEscaping.escape(m.misconception.correction))</span></li>\n"
            }
            for m in a.rejectedMisconceptions {
                out +=
                    "<li class=\"ok\"><strong>✓ Rejected, well done</strong> (\(HTMLEscaping.escape(doc.place(ofOffset: m.range.lowerBound)))): "
                out += "\(HTMLEscaping.escape(m.misconception.text))</li>\n"
            }
            out += "</ul>\n"
        }
        out +=
            "</section>\n<section class=\"card\" aria-labelledby=\"\(prefix)weak-h\">\n<h2 id=\"\(prefix)weak-h\">Terms that earn little where they are</h2>\n"
        if weak.isEmpty {
            out += "<p>None: your terms are used in sentences.</p>\n"
        } else {
            out += "<ul class=\"mlist\">\n"
            for (i, f) in weak.prefix(12).enumerated() {
                let place = link(markup.target(AnswerMarkup.weakID(prefix, i)), doc.place(ofOffset: f.range.lowerBound))
                out +=
                    "<li class=\"wk\">(\(place)) <q>\(HTMLEscaping.escape(TextReporter.clip(a.analysis.text(of: f), 80)))</q>: "
                out += "\(HTMLEscaping.escape(AnswerMarkup.weakReason(f)))</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n</section>\n"
    }

    private static func tips(_ a: Assessment) -> String {
        guard !a.rubric.feedForward.isEmpty else { return "" }
        var out = "<section class=\"block card tips\">\n<h2>Examiner’s tips for this topic</h2>\n<ul>\n"
        for tip in a.rubric.feedForward { out += "<li>\(HTMLEscaping.escape(tip))</li>\n" }
        return out + "</ul>\n</section>\n"
    }

    private static func link(_ target: String?, _ text: String) -> String {
        target.map { "<a href=\"#\($0)\">\(HTMLEscaping.escape(text))</a>" } ?? HTMLEscaping.escape(text)
    }

    /// The last component of a path.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// 1500 as "1,500".
    static func groupedNumber(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
