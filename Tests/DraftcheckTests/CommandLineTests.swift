import Foundation
import Testing

@Suite("The draftcheck command line", .serialized)
struct CommandLineTests {
    static let rubric = "customer-relationships"

    @Test("--help and --version print to standard output and exit 0")
    func helpAndVersion() throws {
        let help = try ToolRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Usage:") && help.stdout.contains("Exit codes:"))
        let version = try ToolRunner.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("draftcheck "))
        let checkHelp = try ToolRunner.run(["check", "--help"])
        #expect(checkHelp.status == 0 && checkHelp.stdout.contains("--rubric"))
    }

    @Test(
        "Usage errors exit 2 with one clear message",
        arguments: [
            (["check", "x.md"], "needs --rubric"),
            (["check", "--rubric", "customer-relationships"], "at least one FILE"),
            (["check", "x.md", "--rubric", "customer-relationships", "--colour"], "unknown option '--colour'"),
            (["check", "x.md", "--rubric", "customer-relationships", "--format", "xml"], "must be one of text, json"),
            (["frobnicate"], "unknown command 'frobnicate'"),
            (["check", "x.md", "--rubric", "no-such-rubric"], "known rubrics: "),
        ])
    func usageErrors(args: [String], message: String) throws {
        let r = try ToolRunner.run(args)
        #expect(r.status == 2, "\(args): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack"))
    }

    @Test("A built-in rubric id works from any working directory, and rubrics lists the built-ins")
    func anyDirectory() throws {
        let dir = try ToolRunner.tempDir()
        try "We use CRM to keep customers loyal.".write(
            to: dir.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let r = try ToolRunner.run(["check", "a.md", "--rubric", Self.rubric], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("This is a self-check against the rubric, not a grade."))
        let list = try ToolRunner.run(["rubrics"], directory: dir)
        #expect(list.status == 0 && list.stdout.contains(Self.rubric))
    }

    @Test("Bad files are reported by name; the other files are still checked; exit 1")
    func badInput() throws {
        let dir = try ToolRunner.tempDir()
        let good = dir.appendingPathComponent("good.md")
        try "Customer relationship management (CRM) keeps customers loyal because they feel valued.".write(
            to: good, atomically: true, encoding: .utf8)
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        try Data([0x00, 0xFF, 0x13, 0x00, 0x9C, 0x00, 0x01]).write(to: dir.appendingPathComponent("noise.txt"))
        let before = try Data(contentsOf: good)
        let r = try ToolRunner.run(
            ["check", "good.md", "missing.md", "empty.txt", "noise.txt", "--rubric", Self.rubric, "--format", "json"],
            directory: dir)
        #expect(r.status == 1)
        for name in ["missing.md", "empty.txt", "noise.txt"] {
            #expect(r.stderr.contains("draftcheck: \(name): "), "\(name) named in: \(r.stderr)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let docs = json["documents"] as! [[String: Any]]
        #expect(docs.map { $0["path"] as! String } == ["good.md", "missing.md", "empty.txt", "noise.txt"])
        #expect(docs[0]["error"] == nil && (docs[0]["score"] as! [String: Any])["awarded"] as! Double > 0)
        #expect(docs[1...].allSatisfy { $0["error"] != nil })
        #expect(try Data(contentsOf: good) == before, "input files are never modified")
    }

    @Test(
        "--time-limit: a bad value is a usage error; a slow file is reported by name and every file is still reported")
    func timeLimit() throws {
        let dir = try ToolRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sentence = "Customer relationship management (CRM) keeps customers loyal because they feel valued. "
        try sentence.write(to: dir.appendingPathComponent("short.md"), atomically: true, encoding: .utf8)
        try String(repeating: sentence + "\n\n", count: 12_000).write(
            to: dir.appendingPathComponent("long.md"), atomically: true, encoding: .utf8)
        for bad in ["0", "-3", "soon", "inf"] {
            let r = try ToolRunner.run(
                ["check", "short.md", "--rubric", Self.rubric, "--time-limit", bad], directory: dir)
            #expect(r.status == 2, "--time-limit \(bad)")
            #expect(r.stderr.contains("--time-limit must be a positive number of seconds"))
        }
        let r = try ToolRunner.run(
            ["check", "long.md", "short.md", "--rubric", Self.rubric, "--format", "json", "--time-limit", "0.000001"],
            directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("draftcheck: long.md: took longer than 0.000001 seconds"), "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let docs = json["documents"] as! [[String: Any]]
        #expect(docs.count == 2 && docs[0]["error"] != nil)

        let sized = try ToolRunner.run(
            ["check", "long.md", "short.md", "--rubric", Self.rubric, "--max-text-size", "0.5"], directory: dir)
        #expect(sized.status == 1)
        #expect(
            sized.stderr.contains("draftcheck: long.md: its text is 1.0 MB, more than the 512.0 KB"), "\(sized.stderr)")
        #expect(sized.stdout.contains("short.md"), "the short file is still checked")
        let bad = try ToolRunner.run(
            ["check", "short.md", "--rubric", Self.rubric, "--max-text-size", "0"], directory: dir)
        #expect(bad.status == 2 && bad.stderr.contains("--max-text-size must be"))
    }

    @Test("Standard input is checked as \"-\" with exact positions")
    func standardInput() throws {
        let r = try ToolRunner.run(
            ["check", "-", "--rubric", Self.rubric, "--format", "json"],
            input: "Intro.\nWe doubled repeat sales through CRM.")
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["schemaVersion"] as? Int == 1)
        let doc = (json["documents"] as! [[String: Any]])[0]
        #expect(doc["path"] as? String == "-")
        let q = (doc["findings"] as! [[String: Any]]).first { $0["kind"] as? String == "quantity" }
        #expect(q?["text"] as? String == "doubled")
        #expect(((q?["range"] as? [String: Any])?["start"] as? [String: Int]) == ["line": 2, "column": 4])
    }

    @Test("A rubric that does not load gets file:line:column diagnostics and exit 3")
    func badRubric() throws {
        let dir = try ToolRunner.tempDir()
        try "{\n  \"schemaVersion\": 1,\n  \"id\": \"x\"\n  \"title\": \"t\"\n}".write(
            to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        try "CRM.".write(to: dir.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let r = try ToolRunner.run(["check", "a.md", "--rubric", "bad.json"], directory: dir)
        #expect(r.status == 3)
        #expect(r.stderr.contains("bad.json:4:"), "\(r.stderr)")
    }

    @Test("NO_COLOR and pipes get no colour codes")
    func noColour() throws {
        let r = try ToolRunner.run(["check", "-", "--rubric", Self.rubric], input: "CRM helps.")
        #expect(!r.stdout.contains("\u{1B}["))
    }
}

@Suite("The same answer in every format")
struct CrossFormatTests {
    @Test("The .md, .docx, .odt and .html forms of one answer get the same marks and the same evidence text")
    func sameResult() throws {
        let fixtures = ToolRunner.repo.appendingPathComponent("Tests/DocumentReadersTests/Fixtures")
        var results: [String: (Double, [String])] = [:]
        for ext in ["md", "docx", "odt", "html"] {
            let path = fixtures.appendingPathComponent("answer.\(ext)").path
            let r = try ToolRunner.run(["check", path, "--rubric", "customer-relationships", "--format", "json"])
            #expect(r.status == 0, "\(ext): \(r.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            let doc = (json["documents"] as! [[String: Any]])[0]
            let awarded = (doc["score"] as! [String: Any])["awarded"] as! Double
            let evidence = (doc["markingPoints"] as! [[String: Any]]).flatMap { p in
                (p["evidence"] as! [[String: Any]]).map { "\(p["id"]!): \($0["text"]!)" }
            }
            results[ext] = (awarded, evidence)
        }
        let md = try #require(results["md"])
        #expect(md.0 > 0 && !md.1.isEmpty, "the fixture earns something")
        for ext in ["docx", "odt", "html"] {
            #expect(results[ext]?.0 == md.0, "\(ext) marks")
            #expect(results[ext]?.1 == md.1, "\(ext) evidence")
        }
    }
}
