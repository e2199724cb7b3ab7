import Foundation
import Testing

@Suite("check with .draftcheck.json, --stdin-filename and --format line", .serialized)
struct ProjectConfigurationEndToEndTests {
    static let answer = """
        # CRM

        CRM is just a software tool. We use CRM to keep customers loyal because loyal customers buy again.
        """

    private func project(_ config: String) throws -> URL {
        let dir = try ToolRunner.tempDir()
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try config.write(to: dir.appendingPathComponent(".draftcheck.json"), atomically: true, encoding: .utf8)
        try Self.answer.write(to: dir.appendingPathComponent("drafts/essay.md"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test("Without --rubric the nearest .draftcheck.json chooses the rubric and the format")
    func configChoosesRubric() throws {
        let dir = try project(#"{"version": 1, "rubric": "customer-relationships", "format": "line"}"#)
        let r = try ToolRunner.run(["check", "drafts/essay.md"], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("drafts/essay.md:") && $0.hasSuffix("]") })
        #expect(r.stdout.contains(": warning: This reads as a misconception"))
        #expect(r.stdout.contains(": information: ") && r.stdout.contains("marks"))
        // --format on the command line wins over the file.
        let text = try ToolRunner.run(["check", "drafts/essay.md", "--format", "text"], directory: dir)
        #expect(text.stdout.contains("This is a self-check against the rubric, not a grade."))
    }

    @Test("--format line puts the misconception on its own line and column")
    func linePositions() throws {
        let dir = try project(#"{"rubric": "customer-relationships"}"#)
        let r = try ToolRunner.run(["check", "drafts/essay.md", "--format", "line"], directory: dir)
        let misconception = r.stdout.split(separator: "\n").first { $0.hasSuffix("[crm-just-software]") }
        #expect(misconception?.hasPrefix("drafts/essay.md:3:1: warning: ") == true, "\(r.stdout)")
    }

    @Test("--stdin-filename finds the configuration and names standard input in reports")
    func stdinFilename() throws {
        let dir = try project(#"{"rubric": "customer-relationships"}"#)
        let r = try ToolRunner.run(
            ["check", "-", "--stdin-filename", "drafts/essay.md", "--format", "line"], input: Self.answer,
            directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("drafts/essay.md:"))
        let plain = try ToolRunner.run(
            ["check", "-", "--rubric", "customer-relationships", "--format", "line"], input: Self.answer)
        #expect(plain.stdout.hasPrefix("-:"))
    }

    @Test("An unknown key is a warning and the check goes on; a bad version stops with exit 2")
    func configProblems() throws {
        let dir = try project(#"{"rubric": "customer-relationships", "colour": true}"#)
        let r = try ToolRunner.run(["check", "drafts/essay.md"], directory: dir)
        #expect(r.status == 0)
        #expect(r.stderr.contains(".draftcheck.json:1:38: warning: unknown key 'colour'"), "\(r.stderr)")
        let bad = try project(#"{"version": 9, "rubric": "customer-relationships"}"#)
        let b = try ToolRunner.run(["check", "drafts/essay.md"], directory: bad)
        #expect(b.status == 2)
        #expect(b.stderr.contains("unsupported version"))
    }

    @Test("No --rubric and no configuration is a usage error that says how to configure one")
    func noRubric() throws {
        let dir = try ToolRunner.tempDir()
        try Self.answer.write(to: dir.appendingPathComponent("essay.md"), atomically: true, encoding: .utf8)
        let r = try ToolRunner.run(["check", "essay.md"], directory: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains(".draftcheck.json"))
    }
}
