import Foundation
import Testing

/// Golden files pin every reporter's whole output: the text, JSON and HTML reports of `check`, the three
/// formats of `compare`, `text`, and batch's gradebook, summary, cohort file and Markdown and HTML feedback.
/// Values that change from machine to machine (the checkout, temporary folders, the version) are replaced
/// by placeholders such as `<REPO>` before comparing.
///
/// The goldens live in Tests/Goldens. After an intended change to a report, re-record them with
///
///     DRAFTCHECK_RECORD_GOLDENS=1 swift test --filter Golden
///
/// and review the difference with `git diff Tests/Goldens` before committing.
@Suite("Golden reports")
struct GoldenTests {
    static let recordCommand = "DRAFTCHECK_RECORD_GOLDENS=1 swift test --filter Golden"
    static let folder = ToolRunner.repo.appendingPathComponent("Tests/Goldens")
    static var recording: Bool { ProcessInfo.processInfo.environment["DRAFTCHECK_RECORD_GOLDENS"] == "1" }

    /// One run of the tool whose standard output is pinned.
    struct Case: CustomTestStringConvertible, Sendable {
        var golden: String
        var arguments: [String]
        var testDescription: String { golden }
    }

    static let sample = "Samples/customer-relationships/merit.md"
    static let cases: [Case] = [
        Case(golden: "check.txt", arguments: ["check", sample, "--rubric", "customer-relationships"]),
        Case(
            golden: "check.json",
            arguments: ["check", sample, "--rubric", "customer-relationships", "--format", "json"]),
        Case(
            golden: "check.html",
            arguments: ["check", sample, "--rubric", "customer-relationships", "--format", "html"]),
        Case(
            golden: "check-docx.html",
            arguments: [
                "check", "Tests/DocumentReadersTests/Fixtures/answer.docx", "--rubric", "crm-strategy", "--format",
                "html",
            ]),
        Case(
            golden: "compare.txt",
            arguments: [
                "compare", "Samples/customer-relationships/pass.md", sample, "--rubric", "customer-relationships",
            ]),
        Case(
            golden: "compare.json",
            arguments: [
                "compare", "Samples/customer-relationships/pass.md", sample, "--rubric", "customer-relationships",
                "--format", "json",
            ]),
        Case(
            golden: "compare.html",
            arguments: [
                "compare", "Samples/customer-relationships/pass.md", sample, "--rubric", "customer-relationships",
                "--format", "html",
            ]),
        Case(golden: "text-docx.txt", arguments: ["text", "Tests/DocumentReadersTests/Fixtures/answer.docx"]),
        Case(golden: "text-odt.txt", arguments: ["text", "Tests/DocumentReadersTests/Fixtures/answer.odt"]),
    ]

    @Test("Command output matches its golden file", arguments: cases)
    func command(_ c: Case) throws {
        let r = try ToolRunner.run(c.arguments, directory: ToolRunner.repo)
        #expect(r.status == 0, "\(r.stderr)")
        try Self.match(Self.placeholders(r.stdout, [:]), golden: c.golden)
    }

    @Test("Batch gradebook, summary, cohort and feedback match their golden files")
    func batch() throws {
        let root = try ToolRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let submissions = root.appendingPathComponent("submissions")
        let out = root.appendingPathComponent("marking")
        let files = [
            ("Ada Lovelace_1001_assignsubmission_file_/essay.md", "Samples/customer-relationships/merit.md"),
            ("Ben Okafor_1002_assignsubmission_file_/essay.md", "Samples/customer-relationships/pass.md"),
            ("Ben Okafor_1002_assignsubmission_file_/draft.docx", "Tests/DocumentReadersTests/Fixtures/answer.docx"),
            (
                "Cy Zhang_1003_assignsubmission_file_/answer.md",
                "Samples/customer-relationships/rejects-misconceptions.md"
            ),
        ]
        for (name, source) in files {
            let url = submissions.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: ToolRunner.repo.appendingPathComponent(source), to: url)
        }
        let r = try ToolRunner.run(
            [
                "batch", submissions.path, "--rubric", "customer-relationships", "--out", out.path, "--quiet", "--html",
                "--jobs", "2",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let swaps = [submissions.path: "<SUBMISSIONS>", out.path: "<OUT>"]
        for (output, golden) in [
            ("gradebook.csv", "batch-gradebook.csv"), ("summary.md", "batch-summary.md"),
            ("cohort.json", "batch-cohort.json"),
            ("feedback/Ada Lovelace.md", "batch-feedback.md"), ("feedback/Ada Lovelace.html", "batch-feedback.html"),
            ("feedback/Ben Okafor.html", "batch-feedback-two-files.html"),
        ] {
            let text = try String(contentsOf: out.appendingPathComponent(output), encoding: .utf8)
            try Self.match(Self.placeholders(text, swaps), golden: golden)
        }
    }

    /// Replaces machine-dependent values with placeholders: the given paths, the checkout, the version. The
    /// HTML reports' style sheet, a constant (`HTMLStyle.css`), is pinned once by its own source rather than
    /// copied into every HTML golden.
    static func placeholders(_ text: String, _ swaps: [String: String]) -> String {
        var s = text
        if let open = s.range(of: "<style>\n"),
            let close = s.range(of: "\n</style>", range: open.upperBound..<s.endIndex)
        {
            s.replaceSubrange(
                open.upperBound..<close.lowerBound, with: "<STYLE SHEET: Sources/Reporter/HTMLStyle.swift>")
        }
        var all = swaps
        all[ToolRunner.repo.path] = "<REPO>"
        // Longest first, so that a folder inside another is replaced before its parent.
        for (path, name) in all.sorted(by: { $0.key.count > $1.key.count }) {
            s = s.replacingOccurrences(of: path, with: name)
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            if resolved != path { s = s.replacingOccurrences(of: resolved, with: name) }
        }
        return s.replacingOccurrences(of: "draftcheck \(Self.version)", with: "draftcheck <VERSION>")
    }

    /// The tool's version as it prints it.
    static let version: String = {
        let r = try? ToolRunner.run(["--version"])
        return r?.stdout.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(
            of: "draftcheck ", with: "") ?? "?"
    }()

    /// Compares output with its golden file, or records it when DRAFTCHECK_RECORD_GOLDENS=1.
    static func match(_ actual: String, golden name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "Tests/Goldens/\(name) is missing; record it with: \(recordCommand)", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let e = expected.components(separatedBy: "\n")
        let a = actual.components(separatedBy: "\n")
        let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        Issue.record(
            """
            Tests/Goldens/\(name) differs from the output at line \(line + 1):
              golden: \(line < e.count ? e[line] : "<end of file>")
              output: \(line < a.count ? a[line] : "<end of file>")
            If the change is intended, re-record every golden with: \(recordCommand)
            then review `git diff Tests/Goldens`.
            """, sourceLocation: sourceLocation)
    }
}
