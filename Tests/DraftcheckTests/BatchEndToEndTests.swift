import Foundation
import Testing

/// End-to-end tests of `draftcheck batch`: a generated submissions folder in every platform's naming
/// scheme, with unreadable, hidden and temporary files and a copied pair, run through the built tool.
@Suite(.serialized) struct BatchEndToEndTests {
    @Test func marksAWholeFolder() throws {
        let fixture = try BatchFixture()
        defer { fixture.remove() }
        let before = try fixture.listing(fixture.submissions)
        let result = try Tool.run([
            "batch", fixture.submissions.path, "--rubric", fixture.rubric.path, "--out", fixture.out.path,
        ])
        #expect(result.status == 1, "some files could not be read: \(result.stderr)")
        #expect(try fixture.listing(fixture.submissions) == before, "nothing is written inside the submissions folder")

        let csvText = try String(contentsOf: fixture.out.appendingPathComponent("gradebook.csv"), encoding: .utf8)
        let raw = try Data(contentsOf: fixture.out.appendingPathComponent("gradebook.csv"))
        #expect(Array(raw.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark for Excel")
        #expect(csvText.contains("\r\n"))
        let table = try CSV.parse(csvText)
        let header = table[0]
        #expect(Array(header.prefix(5)) == ["learner", "file", "total", "percent", "band"])
        #expect(header.contains("define-crm") && header.contains("similar to") && header.contains("unreadable"))
        let rows = Dictionary(uniqueKeysWithValues: table.dropFirst().map { ($0[0], $0) })
        func cell(_ learner: String, _ column: String) -> String? {
            rows[learner].flatMap { row in header.firstIndex(of: column).map { row[$0] } }
        }
        #expect(
            Set(rows.keys) == [
                "Zoë Ångström", "Jane Doe", "Carl Empty", "smithjohn", "smithjane", "Bob Jones", "noise",
            ])
        #expect(
            table.dropFirst().map { $0[0] } == [
                "Bob Jones", "Carl Empty", "Jane Doe", "noise", "smithjane", "smithjohn", "Zoë Ångström",
            ])
        #expect(
            cell("Zoë Ångström", "file") == "Zoë Ångström/draft.txt; Zoë Ångström/final.md",
            "one row per learner, every file listed")
        #expect(cell("Zoë Ångström", "total") == "6", "the best-scoring file counts")
        #expect(cell("Zoë Ångström", "band") == "Distinction")
        #expect(cell("Carl Empty", "unreadable")?.contains("empty") == true)
        #expect(cell("Carl Empty", "total") == "")
        #expect(cell("noise", "unreadable")?.isEmpty == false)
        #expect(cell("smithjohn", "similar to") == "smithjane")
        #expect(cell("smithjane", "similar to") == "smithjohn")
        #expect(cell("Bob Jones", "similar to") == "")
        #expect(Int(cell("Bob Jones", "words") ?? "") ?? 0 > 50)

        let feedback = fixture.out.appendingPathComponent("feedback")
        let names = try FileManager.default.contentsOfDirectory(atPath: feedback.path).sorted()
        #expect(
            names
                == [
                    "Bob Jones.md", "Carl Empty.md", "Jane Doe.md", "noise.md", "smithjane.md", "smithjohn.md",
                    "Zoë Ångström.md",
                ].sorted())
        let zoe = try String(contentsOf: feedback.appendingPathComponent("Zoë Ångström.md"), encoding: .utf8)
        #expect(zoe.contains("self-check against the rubric") && zoe.contains("not a grade"))
        #expect(zoe.contains("line 1") && zoe.contains("final.md") && zoe.contains("draft.txt"))
        #expect(zoe.contains("Words:"))

        let summary = try String(contentsOf: fixture.out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("Carl Empty_555_assignsubmission_file_/essay.docx"))
        #expect(summary.contains("noise.txt"))
        #expect(summary.contains("hidden files: 1") && summary.contains("temporary Office files"))
        #expect(summary.contains("smithjane and smithjohn") || summary.contains("smithjohn and smithjane"))
        #expect(summary.contains(String(BatchFixture.copied.prefix(60))), "the shared passage is quoted")
        #expect(summary.contains("Marking points most often missed"))

        let cohort = try JSONSerialization.jsonObject(
            with: Data(contentsOf: fixture.out.appendingPathComponent("cohort.json")))
        let object = try #require(cohort as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.count == 8, "one document per file")
        #expect(documents.allSatisfy { $0["learner"] is String && $0["score"] is [String: Any] })
        #expect(documents.filter { $0["error"] != nil }.count == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.out.path).filter {
            $0.hasPrefix(".")
        }
        #expect(leftovers.isEmpty, "no temporary files are left behind")
    }

    @Test func everyFileReadExitsZero() throws {
        let fixture = try BatchFixture(withUnreadable: false)
        defer { fixture.remove() }
        let result = try Tool.run([
            "batch", fixture.submissions.path, "--rubric", fixture.rubric.path, "--out", fixture.out.path, "--jobs",
            "1", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "--quiet prints nothing")
    }

    @Test func refusesToWriteInsideTheSubmissions() throws {
        let fixture = try BatchFixture()
        defer { fixture.remove() }
        let before = try fixture.listing(fixture.submissions)
        for out in [fixture.submissions.appendingPathComponent("marking"), fixture.submissions] {
            let result = try Tool.run([
                "batch", fixture.submissions.path, "--rubric", fixture.rubric.path, "--out", out.path,
            ])
            #expect(result.status == 2)
            #expect(result.stderr.contains("submissions folder"))
        }
        let reverse = try Tool.run([
            "batch", fixture.submissions.path, "--rubric", fixture.rubric.path, "--out", fixture.root.path, "--force",
        ])
        #expect(reverse.status == 2)
        #expect(try fixture.listing(fixture.submissions) == before)
    }

    @Test func refusesANonEmptyOutWithoutForce() throws {
        let fixture = try BatchFixture(withUnreadable: false)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.out, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: fixture.out.appendingPathComponent("notes.txt"))
        let args = [
            "batch", fixture.submissions.path, "--rubric", fixture.rubric.path, "--out", fixture.out.path, "--quiet",
        ]
        #expect(try Tool.run(args).status == 2)
        #expect(try Tool.run(args + ["--force"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: fixture.out.appendingPathComponent("gradebook.csv").path))
    }

    @Test func usageErrors() throws {
        #expect(try Tool.run(["batch", "--help"]).stdout.contains("Usage: draftcheck batch FOLDER"))
        #expect(try Tool.run(["batch", "/nonexistent-folder", "--rubric", "x", "--out", "/tmp/x"]).status == 2)
        #expect(
            try Tool.run(["batch", "/tmp", "--rubric", "x", "--out", "/nonexistent/out", "--jobs", "0"]).status == 2)
    }
}

/// A submissions folder in every platform's naming scheme, plus a test rubric, in a temporary folder.
struct BatchFixture {
    let root: URL
    var submissions: URL { root.appendingPathComponent("submissions") }
    var out: URL { root.appendingPathComponent("marking") }
    var rubric: URL { root.appendingPathComponent("test-rubric.json") }

    /// The passage the copied pair shares.
    static let copied = words(seed: 77, count: 90)

    init(withUnreadable: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-batch-\(UUID().uuidString)")
        try write(BatchFixture.rubricJSON, "test-rubric.json")
        let good =
            "Customer relationship management (CRM) helps Tesco, for example, keep loyalty because customers who "
            + "stay buy more. Customer lifetime value rose by 15% at Tesco. "
        try write(good + Self.words(seed: 1, count: 120), "submissions/Zoë Ångström/final.md")
        try write(
            "Customer retention matters. " + Self.words(seed: 2, count: 100), "submissions/Zoë Ångström/draft.txt")
        try write(
            "CRM is about retention. " + Self.words(seed: 3, count: 150),
            "submissions/Jane Doe_12345_assignsubmission_file_/essay.txt")
        try write(
            "CRM matters. " + Self.words(seed: 4, count: 60) + ". " + Self.copied + ". "
                + Self.words(seed: 5, count: 40), "submissions/smithjohn_4411_9001_essay.txt")
        try write(
            "<html><body><p>Loyalty matters because of value. " + Self.words(seed: 6, count: 50) + ".</p><p>"
                + Self.copied + ".</p></body></html>", "submissions/smithjane_LATE_4412_9002_essay.html")
        try write("Customer lifetime value and CRM. " + Self.words(seed: 8, count: 200), "submissions/Bob Jones.txt")
        try write("hidden", "submissions/.hidden.txt")
        try write("temporary", "submissions/~$essay.docx")
        if withUnreadable {
            try write("", "submissions/Carl Empty_555_assignsubmission_file_/essay.docx")
            try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
            try Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }).write(
                to: submissions.appendingPathComponent("noise.txt"))
        }
    }

    private func write(_ text: String, _ path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Every path under a folder, hidden ones included, with sizes.
    func listing(_ folder: URL) throws -> [String] {
        let e = FileManager.default.enumerator(atPath: folder.path)
        var out: [String] = []
        while let p = e?.nextObject() as? String {
            let size =
                (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(p).path)[.size] as? Int)
                ?? nil
            out.append("\(p) \(size ?? -1)")
        }
        return out.sorted()
    }

    /// Deterministic filler prose, different for each seed.
    static func words(seed: UInt64, count: Int) -> String {
        let vocabulary = """
            market brand service quality store online shopper price offer discount email app data team staff manager
            journey insight survey reward member scheme campaign channel social media trust complaint growth profit
            """.split(whereSeparator: \.isWhitespace)
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return String(vocabulary[Int(state >> 33) % vocabulary.count])
        }.joined(separator: " ")
    }

    static let rubricJSON = """
        {
          "schemaVersion": 1,
          "id": "test-crm",
          "title": "Test CRM rubric",
          "course": {"name": "Test course"},
          "wordLimit": {"min": 40, "max": 2000},
          "bands": [{"label": "Pass", "minPercent": 40}, {"label": "Merit", "minPercent": 60}, {"label": "Distinction", "minPercent": 80}],
          "concepts": [
            {"id": "crm", "label": "customer relationship management", "variants": ["customer relationship management", "CRM"]},
            {"id": "retention", "label": "customer retention", "variants": ["customer retention", "retaining customers", "loyalty"]},
            {"id": "clv", "label": "customer lifetime value", "variants": ["customer lifetime value", "lifetime value"]}
          ],
          "markingPoints": [
            {"id": "define-crm", "title": "Define CRM", "examiner": "Define customer relationship management.", "marks": 2,
             "levels": [
               {"label": "Knowledge", "marks": 1, "when": "crm", "toReach": "Name customer relationship management."},
               {"label": "Application", "marks": 2, "when": {"near": "sentence", "all": ["crm", {"signal": "example"}]},
                "toReach": "Apply CRM to an organisation with an example."}
             ]},
            {"id": "retention", "title": "Explain retention", "examiner": "Explain why retention matters.", "marks": 2,
             "levels": [
               {"label": "Knowledge", "marks": 1, "when": "retention", "toReach": "Mention customer retention."},
               {"label": "Analysis", "marks": 2, "when": {"all": ["retention", {"signal": "explanation"}]},
                "toReach": "Explain why retention matters, with because."}
             ]},
            {"id": "value", "title": "Lifetime value", "examiner": "Use customer lifetime value with figures.", "marks": 2,
             "levels": [
               {"label": "Knowledge", "marks": 1, "when": "clv", "toReach": "Mention customer lifetime value."},
               {"label": "Evaluation", "marks": 2, "when": {"all": ["clv", {"signal": "quantity"}]}, "toReach": "Support it with a figure."}
             ]}
          ]
        }
        """
}

/// Runs the built `draftcheck`.
enum Tool {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The worktree (this file is Tests/DraftcheckTests/BatchEndToEndTests.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built tool: beside the test bundle (swift test on Linux and macOS), or under .build.
    static let binary: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["DRAFTCHECK_BINARY"] {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        let bundle = Bundle.main.bundleURL
        candidates += [
            bundle.appendingPathComponent("draftcheck"),
            bundle.deletingLastPathComponent().appendingPathComponent("draftcheck"),
        ]
        for b in Bundle.allBundles where b.bundlePath.hasSuffix(".xctest") {
            candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("draftcheck"))
        }
        if let exe = CommandLine.arguments.first {
            candidates.append(
                URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("draftcheck"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/draftcheck"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }
    }()

    static func run(_ args: [String]) throws -> Result {
        let exe = try #require(binary, "the draftcheck binary was not found; set DRAFTCHECK_BINARY")
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["DRAFTCHECK_RUBRICS"] = packageRoot.appendingPathComponent("Rubrics").path
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let errData = ReadAll(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.wait(), as: UTF8.self))
    }
}

/// Reads a pipe to its end on another thread, so that neither pipe fills up and blocks the tool.
final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// A strict RFC 4180 reader for the tests: BOM, quoted fields, doubled quotes, CRLF records.
enum CSV {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var i = 0
        var quoted = false
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r" {
                guard i + 1 < chars.count, chars[i + 1] == "\n" else { throw Malformed() }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                i += 1
            } else if c == "\n" {
                throw Malformed()
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        guard !quoted, field.isEmpty, row.isEmpty else { throw Malformed() }
        let width = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == width }) else { throw Malformed() }
        return rows
    }
}
