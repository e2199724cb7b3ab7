import Foundation
import Testing

/// `compare` and `text` on every supported format, and their errors.
@Suite("compare and text commands")
struct CompareAndTextTests {
    static let fixtures = ToolRunner.repo.appendingPathComponent("Tests/DocumentReadersTests/Fixtures")
    static var formats: [String] {
        let pdf = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
            .contains { FileManager.default.isExecutableFile(atPath: $0) }
        return ["md", "docx", "odt", "html"] + (pdf ? ["pdf"] : [])
    }

    @Test("text prints what was read from each format", arguments: formats)
    func text(_ ext: String) throws {
        let r = try ToolRunner.run(["text", Self.fixtures.appendingPathComponent("answer.\(ext)").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Customer relationship management (CRM) is the way a business identifies"))
        #expect(!r.stdout.contains("<w:t") && !r.stdout.contains("<text:p") && !r.stdout.contains("<p>"))
    }

    @Test("compare works across formats: the Markdown draft against the same answer in each format", arguments: formats)
    func compareFormats(_ ext: String) throws {
        let r = try ToolRunner.run([
            "compare", Self.fixtures.appendingPathComponent("answer.md").path,
            Self.fixtures.appendingPathComponent("answer.\(ext)").path,
            "--rubric", "crm-strategy", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let points = try #require(json["markingPoints"] as? [[String: Any]])
        #expect(points.count == 4)
        #expect(
            (json["new"] as? [String: Any])?["path"] as? String
                == Self.fixtures.appendingPathComponent("answer.\(ext)").path)
    }

    @Test("An unreadable draft is named and exits 1; a missing argument is a usage error")
    func errors() throws {
        let missing = try ToolRunner.run([
            "compare", "nope-old.md", Self.fixtures.appendingPathComponent("answer.md").path, "--rubric",
            "crm-strategy",
        ])
        #expect(missing.status == 1 && missing.stderr.contains("nope-old.md") && missing.stdout.isEmpty)
        let one = try ToolRunner.run(["compare", "a.md", "--rubric", "crm-strategy"])
        #expect(one.status == 2 && one.stderr.contains("two files"))
        let text = try ToolRunner.run(["text", "nope.docx"])
        #expect(text.status == 1 && text.stderr.contains("nope.docx"))
        let none = try ToolRunner.run(["text"])
        #expect(none.status == 2)
    }

    @Test("compare reads a draft from standard input")
    func standardInput() throws {
        let r = try ToolRunner.run(
            ["compare", Self.fixtures.appendingPathComponent("answer.md").path, "-", "--rubric", "crm-strategy"],
            input: "CRM is just software.")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("→ -\n") && r.stdout.contains("▼"))
    }

    @Test("check --format html writes one page per run; batch --html writes feedback pages")
    func htmlFromTheTool() throws {
        let r = try ToolRunner.run([
            "check", Self.fixtures.appendingPathComponent("answer.odt").path, "--rubric", "crm-strategy", "--format",
            "html",
        ])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>") && r.stdout.components(separatedBy: "<html").count == 2)
        #expect(r.stdout.contains("<mark class=\"ev "))
        let bad = try ToolRunner.run(["check", "x.md", "--rubric", "crm-strategy", "--format", "pdf"])
        #expect(bad.status == 2 && bad.stderr.contains("text, json, html"))
    }
}
