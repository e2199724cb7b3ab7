import JSONSupport
import RubricEngine
import TextAnalyser

/// Reports a `DraftComparison` as terminal text, JSON or an HTML page. Pure functions of their input.
public enum ComparisonReporter {
    /// The comparison for a terminal; `oldPath` and `newPath` name the drafts.
    public static func text(_ c: DraftComparison, oldPath: String, newPath: String) -> String {
        var out = "\(c.new.rubric.title): \(oldPath) → \(newPath)\n"
        out += "This is a self-check against the rubric, not a grade.\n\n"
        out += "Marks: \(marks(c.old)) → \(marks(c.new)) (\(signed(c.change)))\n"
        out += "Band: \(band(c.old)) → \(band(c.new))\n"
        out += "Words: \(c.old.analysis.wordCount) → \(c.new.analysis.wordCount) (\(signed(Double(c.wordChange))))"
        out += wordNote(c.new).map { ", \($0)" } ?? ""
        out += "\n\nMarking points\n"
        for p in c.points {
            out += "  \(arrow(p.change)) \(p.title): \(TextReporter.number(p.before)) → \(TextReporter.number(p.after))"
            out += " of \(TextReporter.number(p.available))"
            if p.levelBefore != p.levelAfter {
                out += " (\(p.levelBefore ?? "no level") → \(p.levelAfter ?? "no level"))"
            }
            out += "\n"
            for e in p.gained { out += "      + \(e.label): \"\(TextReporter.clip(sentence(e, c.new), 100))\"\n" }
            for e in p.lost { out += "      - \(e.label): was \"\(TextReporter.clip(sentence(e, c.old), 100))\"\n" }
        }
        if !c.fixed.isEmpty || !c.introduced.isEmpty || !c.remaining.isEmpty {
            out += "\nMisconceptions\n"
            for m in c.fixed { out += "  fixed: \(m.misconception.text)\n" }
            for m in c.introduced {
                out +=
                    "  new: \"\(TextReporter.clip(m.text, 120))\"\n    This reads as: \(m.misconception.text)\n    Instead: \(m.misconception.correction)\n"
            }
            for m in c.remaining {
                out += "  still there: \(m.misconception.text) Instead: \(m.misconception.correction)\n"
            }
        }
        if !c.nextSteps.isEmpty {
            out += "\nNext steps for the new draft\n"
            for (i, s) in c.nextSteps.enumerated() {
                out += "  \(i + 1). (+\(TextReporter.number(s.gain))) \(s.title): \(s.advice)\n"
            }
        }
        return out
    }

    /// The comparison as JSON: `schemaVersion`, `rubric`, `old` and `new` ({path, score, band, wordCount}),
    /// `markingPoints` (before, after, levels, evidence gained and lost), `misconceptions` (fixed,
    /// introduced, remaining) and `nextSteps`.
    public static func json(_ c: DraftComparison, oldPath: String, newPath: String) -> JSONValue {
        func draft(_ a: Assessment, _ path: String) -> JSONValue {
            .object([
                ("path", .string(path)), ("wordCount", .int(a.analysis.wordCount)),
                (
                    "score",
                    .object([
                        ("awarded", .double(a.awarded)), ("available", .double(a.available)),
                        ("percent", .double(a.percent)),
                    ])
                ),
                ("band", a.band.map(JSONValue.string) ?? .null),
            ])
        }
        func evidence(_ items: [EvidenceItem], _ a: Assessment) -> JSONValue {
            .array(
                items.map { e in
                    .object([
                        ("label", .string(e.label)), ("kind", .string(e.kind)), ("text", .string(e.text)),
                        ("range", JSONReporter.range(e.range, a.analysis.source)),
                    ])
                })
        }
        func misconceptions(_ list: [MisconceptionResult]) -> JSONValue {
            .array(
                list.map { m in
                    .object([
                        ("id", .string(m.misconception.id)), ("text", .string(m.text)),
                        ("description", .string(m.misconception.text)),
                        ("correction", .string(m.misconception.correction)),
                    ])
                })
        }
        return .object([
            ("schemaVersion", .int(JSONReporter.schemaVersion)),
            ("rubric", .object([("id", .string(c.new.rubric.id)), ("title", .string(c.new.rubric.title))])),
            ("old", draft(c.old, oldPath)),
            ("new", draft(c.new, newPath)),
            (
                "markingPoints",
                .array(
                    c.points.map { p in
                        .object([
                            ("id", .string(p.id)), ("title", .string(p.title)), ("available", .double(p.available)),
                            ("before", .double(p.before)), ("after", .double(p.after)),
                            ("levelBefore", p.levelBefore.map(JSONValue.string) ?? .null),
                            ("levelAfter", p.levelAfter.map(JSONValue.string) ?? .null),
                            ("gained", evidence(p.gained, c.new)), ("lost", evidence(p.lost, c.old)),
                        ])
                    })
            ),
            (
                "misconceptions",
                .object([
                    ("fixed", misconceptions(c.fixed)), ("introduced", misconceptions(c.introduced)),
                    ("remaining", misconceptions(c.remaining)),
                ])
            ),
            (
                "nextSteps",
                .array(
                    c.nextSteps.map { s in
                        .object([
                            ("markingPoint", .string(s.pointID)), ("gain", .double(s.gain)),
                            ("advice", .string(s.advice)),
                        ])
                    })
            ),
        ])
    }

    /// The comparison as a self-contained HTML page.
    public static func html(_ c: DraftComparison, oldPath: String, newPath: String) -> String {
        let e = HTMLEscaping.escape
        var out =
            "<article class=\"report\">\n<header class=\"head\">\n<div>\n<p class=\"eyebrow\">What changed between two drafts</p>\n"
        out += "<h1>\(e(c.new.rubric.title))</h1>\n"
        out +=
            "<p class=\"meta\">Old: <code>\(e(oldPath))</code></p>\n<p class=\"meta\">New: <code>\(e(newPath))</code></p>\n</div>\n"
        out += "<div class=\"score\">\n"
        out +=
            "<p class=\"tile\"><span class=\"big\">\(TextReporter.number(c.new.awarded))<small>/\(TextReporter.number(c.new.available))</small></span>"
        out +=
            "<span class=\"sub\">was \(TextReporter.number(c.old.awarded)) · <span class=\"\(trend(c.change))\">\(signed(c.change))</span></span></p>\n"
        out +=
            "<p class=\"tile\"><span class=\"big band\">\(e(c.new.band ?? "No band"))</span><span class=\"sub\">was \(e(c.old.band ?? "no band"))</span></p>\n"
        out +=
            "<p class=\"tile\"><span class=\"big\">\(c.new.analysis.wordCount)</span><span class=\"sub\">words, was \(c.old.analysis.wordCount)"
        out += wordNote(c.new).map { "; \(e($0))" } ?? ""
        out += "</span></p>\n</div>\n"
        out +=
            "<p class=\"disclaimer\"><strong>This is a self-check against the rubric, not a grade.</strong></p>\n</header>\n"
        out +=
            "<section class=\"block card\" aria-labelledby=\"points-h\">\n<h2 id=\"points-h\">Marking points, before and after</h2>\n"
        out +=
            "<table class=\"cmp\">\n<thead><tr><th scope=\"col\">Marking point</th><th scope=\"col\">Before</th><th scope=\"col\">After</th>"
        out += "<th scope=\"col\">Change</th><th scope=\"col\">Evidence gained and lost</th></tr></thead>\n<tbody>\n"
        for (i, p) in c.points.enumerated() {
            out +=
                "<tr><th scope=\"row\"><span class=\"chip c\(i % 8)\" aria-hidden=\"true\">\(i + 1)</span> \(e(p.title))</th>"
            out +=
                "<td class=\"n\">\(TextReporter.number(p.before))/\(TextReporter.number(p.available))<br><small>\(e(p.levelBefore ?? "no level"))</small></td>"
            out +=
                "<td class=\"n\">\(TextReporter.number(p.after))/\(TextReporter.number(p.available))<br><small>\(e(p.levelAfter ?? "no level"))</small></td>"
            out += "<td class=\"n \(trend(p.change))\">\(arrow(p.change)) \(signed(p.change))</td><td>"
            let items =
                p.gained.map {
                    "<li class=\"gained\">+ \(e($0.label)): <q>\(e(TextReporter.clip(sentence($0, c.new), 120)))</q></li>"
                }
                + p.lost.map {
                    "<li class=\"lost\">− \(e($0.label)): was <q>\(e(TextReporter.clip(sentence($0, c.old), 120)))</q></li>"
                }
            out +=
                items.isEmpty
                ? "<span class=\"same\">no change</span>" : "<ul class=\"evidence\">\(items.joined())</ul>"
            out += "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        out += comparisonMisconceptions(c)
        if !c.nextSteps.isEmpty {
            out += "<section class=\"block card steps\">\n<h2>Next steps for the new draft</h2>\n<ol>\n"
            for s in c.nextSteps {
                out +=
                    "<li><span class=\"gain\">+\(TextReporter.number(s.gain))</span> <strong>\(e(s.title))</strong>: \(e(s.advice))</li>\n"
            }
            out += "</ol>\n</section>\n"
        }
        out += "</article>\n"
        return HTMLReporter.page(title: "Draft comparison · \(c.new.rubric.title)", body: out)
    }

    private static func comparisonMisconceptions(_ c: DraftComparison) -> String {
        guard !c.fixed.isEmpty || !c.introduced.isEmpty || !c.remaining.isEmpty else { return "" }
        let e = HTMLEscaping.escape
        var out = "<section class=\"block card\">\n<h2>Misconceptions</h2>\n<ul class=\"mlist\">\n"
        for m in c.fixed { out += "<li class=\"ok\"><strong>✓ Fixed:</strong> \(e(m.misconception.text))</li>\n" }
        for m in c.introduced {
            out += "<li><strong>✗ New in this draft:</strong> <q>\(e(TextReporter.clip(m.text, 200)))</q>"
            out += "<span class=\"fix\">This reads as: \(e(m.misconception.text))</span>"
            out += "<span class=\"fix\"><strong>Instead:</strong> \(e(m.misconception.correction))</span></li>\n"
        }
        for m in c.remaining {
            out += "<li><strong>✗ Still there:</strong> <q>\(e(TextReporter.clip(m.text, 200)))</q>"
            out += "<span class=\"fix\"><strong>Instead:</strong> \(e(m.misconception.correction))</span></li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private static func sentence(_ e: EvidenceItem, _ a: Assessment) -> String {
        guard a.analysis.sentences.indices.contains(e.sentence) else { return e.text }
        return a.analysis.source.text(a.analysis.sentences[e.sentence].range)
    }

    private static func marks(_ a: Assessment) -> String {
        "\(TextReporter.number(a.awarded))/\(TextReporter.number(a.available)) (\(TextReporter.number(a.percent))%)"
    }

    private static func band(_ a: Assessment) -> String { a.band ?? "no band" }

    private static func signed(_ x: Double) -> String {
        x > 0 ? "+\(TextReporter.number(x))" : x < 0 ? "−\(TextReporter.number(-x))" : "±0"
    }

    private static func arrow(_ x: Double) -> String { x > 0 ? "▲" : x < 0 ? "▼" : "=" }

    private static func trend(_ x: Double) -> String { x > 0 ? "up" : x < 0 ? "down" : "same" }

    private static func wordNote(_ a: Assessment) -> String? {
        switch a.wordLimitStatus {
        case .noLimit, .within: return nil
        case .under(let min): return "under the minimum of \(min)"
        case .over(let max): return "over the limit of \(max)"
        }
    }
}
