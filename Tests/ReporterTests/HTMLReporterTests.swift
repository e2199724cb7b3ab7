import Foundation
import Reporter
import Testing

@testable import RubricEngine

/// A two-point rubric with a misconception, small enough to reason about every mark.
func htmlTestRubric() throws -> Rubric {
    let rubricsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Rubrics")
    let json = """
        {"schemaVersion": 1, "id": "h", "title": "Relationships <b>& trust</b>", "course": {"name": "Course"},
         "bands": [{"label": "Pass", "minPercent": 40}, {"label": "Merit", "minPercent": 70}],
         "wordLimit": {"max": 100},
         "feedForward": ["Name the organisation."],
         "concepts": [{"id": "crm", "label": "CRM", "variants": ["CRM"]},
                      {"id": "loyalty", "label": "Loyalty", "variants": ["loyalty"]},
                      {"id": "retention", "label": "Retention", "variants": ["retention"]},
                      {"id": "soft", "label": "software only", "kind": "misconception", "variants": ["just software"]}],
         "misconceptions": [{"id": "m", "text": "CRM is just software.", "correction": "It is a strategy.",
                             "when": {"near": "sentence", "all": ["crm", "soft"]}}],
         "markingPoints": [
           {"id": "p", "title": "CRM", "examiner": "Define CRM.", "marks": 2,
            "levels": [{"label": "Knowledge", "marks": 1, "when": "crm", "toReach": "Name CRM."},
                       {"label": "Analysis", "marks": 2, "when": {"all": ["crm", {"signal": "quantity"}]}, "toReach": "Add figures."}]},
           {"id": "q", "title": "Loyalty", "examiner": "Explain loyalty.", "marks": 2,
            "levels": [{"label": "Knowledge", "marks": 1, "when": "loyalty", "toReach": "Name loyalty."},
                       {"label": "Analysis", "marks": 2, "when": {"all": ["loyalty", {"signal": "explanation"}]}, "toReach": "Say why."}]}]}
        """
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("html-test-\(UUID().uuidString).json")
    try json.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    return try RubricLoader(library: RubricLibrary(directory: rubricsDir)).load(url: url)
}

/// The opening tags of a page, as (name, attributes text).
private func openingTags(_ html: String) -> [(name: String, attributes: String)] {
    var out: [(String, String)] = []
    var rest = html[...]
    while let lt = rest.firstIndex(of: "<") {
        rest = rest[rest.index(after: lt)...]
        guard let gt = rest.firstIndex(of: ">") else { break }
        let inside = rest[..<gt]
        rest = rest[rest.index(after: gt)...]
        guard let first = inside.first, first.isLetter else { continue }
        let name = inside.prefix { $0.isLetter || $0.isNumber }.lowercased()
        out.append((name, String(inside.dropFirst(name.count))))
    }
    return out
}

/// Checks that every element is closed in the order it was opened (void elements excepted); returns the
/// first problem, or nil.
private func nestingProblem(_ html: String) -> String? {
    let void: Set<String> = ["meta", "br", "img", "hr", "input", "link"]
    var stack: [String] = []
    var rest = html[...]
    while let lt = rest.firstIndex(of: "<") {
        rest = rest[rest.index(after: lt)...]
        guard let gt = rest.firstIndex(of: ">") else { return "unclosed <" }
        let inside = rest[..<gt]
        rest = rest[rest.index(after: gt)...]
        if inside.hasPrefix("!") { continue }
        if inside.hasPrefix("/") {
            let name = inside.dropFirst().lowercased()
            guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
            stack.removeLast()
        } else {
            let name = inside.prefix { $0.isLetter || $0.isNumber }.lowercased()
            if name == "style" {
                guard let end = rest.range(of: "</style>") else { return "<style> never closed" }
                rest = rest[end.upperBound...]
                continue
            }
            if !void.contains(name) { stack.append(name) }
        }
    }
    return stack.isEmpty ? nil : "unclosed: \(stack)"
}

private func attribute(_ name: String, in attributes: String) -> String? {
    guard let r = attributes.range(of: " \(name)=\"") else { return nil }
    let after = attributes[r.upperBound...]
    return after.firstIndex(of: "\"").map { String(after[..<$0]) }
}

@Suite("HTML report")
struct HTMLReporterTests {
    static let hostile = """
        # Plan <script>alert('heading')</script>

        Our CRM is just software <script>document.title='pwned'</script> and <img src=x onerror="alert(1)">.
        Sales rose 15% </style><b>bold</b> & loyalty grew because staff called back "every" customer.

        - <iframe src="javascript:alert(2)"></iframe> loyalty
        """

    @Test("Learner text, the path and the rubric cannot inject markup")
    func hostileAnswerIsText() throws {
        let rubric = try htmlTestRubric()
        let doc = CheckedDocument(
            path: "<img src=x onerror=alert(3)>.md", assessment: Assessor(rubric: rubric).assess(Self.hostile))
        let html = HTMLReporter.render(rubric: rubric, documents: [doc], title: "<script>x</script>")
        let names = openingTags(html).map(\.name)
        #expect(!names.contains("script"))
        #expect(!names.contains("img"))
        #expect(!names.contains("iframe"))
        #expect(html.components(separatedBy: "</style>").count == 2, "only the style sheet's own </style>")
        #expect(!openingTags(html).contains { $0.attributes.lowercased().contains("onerror") })
        #expect(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"))
        #expect(html.contains("&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt; &amp; "))
        #expect(html.contains("Relationships &lt;b&gt;&amp; trust&lt;/b&gt;"))
        #expect(nestingProblem(html) == nil, "\(nestingProblem(html) ?? "")")
    }

    @Test("The page forbids script and network through its own policy and loads nothing")
    func selfContained() throws {
        let rubric = try htmlTestRubric()
        let html = HTMLReporter.render(
            rubric: rubric,
            documents: [CheckedDocument(path: "a.md", assessment: Assessor(rubric: rubric).assess("CRM."))])
        #expect(html.contains("default-src 'none'"))
        for tag in openingTags(html) {
            #expect(attribute("src", in: tag.attributes) == nil, "\(tag.name) loads something")
            if let href = attribute("href", in: tag.attributes) { #expect(href.hasPrefix("#"), "link out: \(href)") }
        }
    }

    @Test("Evidence is marked in its point's colour with its number, and the tip names point, level and marks")
    func evidenceMarked() throws {
        let rubric = try htmlTestRubric()
        let text = "Our CRM grew sales by 15%.\n\nCustomers show loyalty when they return to the shop."
        let html = HTMLReporter.render(
            rubric: rubric,
            documents: [CheckedDocument(path: "a.md", assessment: Assessor(rubric: rubric).assess(text))])
        #expect(
            html.contains(
                #"<mark class="ev c0 s0" id="ev1-1" tabindex="0" aria-describedby="ev1-1-tip"><span class="chip c0" aria-hidden="true">1</span>CRM"#
            ))
        #expect(
            html.contains("<b>Marking point 1: CRM</b> level reached: Analysis, 2 of 2 marks. Credited: CRM</span>"))
        #expect(html.contains(#"<span class="chip c1" aria-hidden="true">2</span>loyalty"#))
        #expect(
            html.contains(
                "<b>Marking point 2: Loyalty</b> level reached: Knowledge, 1 of 2 marks. Credited: Loyalty</span>"))
        // Text that earned nothing is not marked.
        #expect(html.contains("</mark> when they return to the shop.</p>"))
        #expect(!html.contains("chip-weak\" aria-hidden=\"true\">weak</span>loyalty"))
    }

    @Test("Every in-page link has a target, and ids are unique")
    func linksResolve() throws {
        let rubric = try htmlTestRubric()
        let assessor = Assessor(rubric: rubric)
        let docs = [
            CheckedDocument(path: "a.md", assessment: assessor.assess(Self.hostile)),
            CheckedDocument(
                path: "b.md", assessment: assessor.assess("CRM is not just software. Loyalty rose 20% because of CRM.")),
        ]
        for pages in [[docs[0]], docs] {
            let tags = openingTags(HTMLReporter.render(rubric: rubric, documents: pages))
            let ids = tags.compactMap { attribute("id", in: $0.attributes) }
            #expect(Set(ids).count == ids.count, "duplicate ids")
            let hrefs = tags.compactMap { attribute("href", in: $0.attributes) }.map { String($0.dropFirst()) }
            #expect(!hrefs.isEmpty)
            for h in hrefs { #expect(ids.contains(h), "#\(h) has no target") }
        }
    }

    @Test("An asserted misconception is underlined and corrected; a rejected one is not underlined")
    func misconceptions() throws {
        let rubric = try htmlTestRubric()
        let assessor = Assessor(rubric: rubric)
        let asserted = HTMLReporter.render(
            rubric: rubric,
            documents: [CheckedDocument(path: "a.md", assessment: assessor.assess("Our CRM is just software."))])
        #expect(asserted.contains(#"class="chip chip-misc" aria-hidden="true">✗</span>"#))
        #expect(asserted.contains("<span class=\"fix\"><strong>Instead:</strong> It is a strategy.</span>"))
        let rejected = HTMLReporter.render(
            rubric: rubric,
            documents: [CheckedDocument(path: "a.md", assessment: assessor.assess("CRM is not just software."))])
        #expect(asserted.contains("id=\"mis1\""))
        #expect(!rejected.contains("id=\"mis1\""))
        #expect(rejected.contains("Rejected, well done"))
    }

    @Test("A term only in a bare list is boxed as weak; the same term in a sentence is not")
    func weakTerms() throws {
        let rubric = try htmlTestRubric()
        let assessor = Assessor(rubric: rubric)
        let listed = HTMLReporter.render(
            rubric: rubric,
            documents: [
                CheckedDocument(path: "a.md", assessment: assessor.assess("Topics:\n\n- loyalty\n- CRM\n- retention"))
            ])
        #expect(listed.contains("<span class=\"chip chip-weak\" aria-hidden=\"true\">weak</span>loyalty"))
        #expect(listed.contains("class=\"ev c1 s1 weak\""))
        let used = HTMLReporter.render(
            rubric: rubric,
            documents: [
                CheckedDocument(
                    path: "a.md", assessment: assessor.assess("Customers show loyalty when they return to the shop."))
            ])
        #expect(used.contains("class=\"ev c1 s1\""))
        #expect(!used.contains(" weak\"") && !used.contains("weak</span>loyalty"))
    }

    @Test("Headings, paragraphs and list items keep their shape")
    func structureKept() throws {
        let rubric = try htmlTestRubric()
        let text = "# Intro\n\nFirst paragraph\nwrapped.\n\n- one\n- two\n\nAfter."
        let html = HTMLReporter.render(
            rubric: rubric,
            documents: [CheckedDocument(path: "a.md", assessment: Assessor(rubric: rubric).assess(text))])
        #expect(
            html.contains(
                "<h3 class=\"answer-heading\">Intro</h3>\n<p>First paragraph wrapped.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>After.</p>"
            ))
        // Table rows as the Word and OpenDocument readers write them ("a | b") keep their cells apart.
        let table = "Figures follow.\n\nItem | Year 1\n\nCost | 2 million\n\nEnd of table."
        let rows = HTMLReporter.render(
            rubric: rubric,
            documents: [CheckedDocument(path: "a.docx", assessment: Assessor(rubric: rubric).assess(table))])
        #expect(
            rows.contains(
                "<p class=\"table-row\">Item<span class=\"sep\"> | </span>Year 1</p>\n<p class=\"table-row\">Cost<span class=\"sep\"> | </span>2 million</p>"
            ))
        #expect(rows.contains("<p>Figures follow.</p>"))
        // Markdown's ** markers are dropped from Markdown answers only; a lone * stays.
        let bold = "**Task:** rate it 5 * 3."
        let md = HTMLReporter.render(
            rubric: rubric,
            documents: [CheckedDocument(path: "a.md", assessment: Assessor(rubric: rubric).assess(bold))])
        #expect(md.contains("<p>Task: rate it 5 * 3.</p>"))
        let txt = HTMLReporter.render(
            rubric: rubric,
            documents: [CheckedDocument(path: "a.txt", assessment: Assessor(rubric: rubric).assess(bold))])
        #expect(txt.contains("<p>**Task:** rate it 5 * 3.</p>"))
    }

    @Test("Header: marks, band, words against the limit and the self-check line")
    func header() throws {
        let rubric = try htmlTestRubric()
        let html = HTMLReporter.render(
            rubric: rubric,
            documents: [CheckedDocument(path: "a.md", assessment: Assessor(rubric: rubric).assess("CRM rose 15%."))])
        #expect(html.contains("<span class=\"big\">2<small>/4</small></span><span class=\"sub\">marks, 50%</span>"))
        #expect(html.contains("<span class=\"big band\">Pass</span>"))
        #expect(html.contains("words of 100 allowed"))
        #expect(html.contains("This is a self-check against the rubric, not a grade."))
        let long = String(repeating: "CRM matters here. ", count: 60)
        let over = HTMLReporter.render(
            rubric: rubric,
            documents: [CheckedDocument(path: "a.md", assessment: Assessor(rubric: rubric).assess(long))])
        #expect(over.contains("over the limit of 100"))
    }

    @Test("A file that could not be checked says why, escaped")
    func unreadable() throws {
        let rubric = try htmlTestRubric()
        let html = HTMLReporter.render(rubric: rubric, documents: [CheckedDocument(path: "x.docx", error: "bad <zip>")])
        #expect(html.contains("This file could not be checked:</strong> bad &lt;zip&gt;"))
        #expect(nestingProblem(html) == nil)
    }

    @Test("Escaping covers markup characters and characters HTML forbids")
    func escaping() {
        #expect(HTMLEscaping.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("a\u{0}b\u{7}c\r\nd\u{7F}") == "a\u{FFFD}b\u{FFFD}c\n\nd\u{FFFD}")
        #expect(HTMLEscaping.escape(utf8: Array("x < y".utf8)) == "x &lt; y")
        #expect(HTMLEscaping.escape("Zoë 😀 £15") == "Zoë 😀 £15")
    }
}
