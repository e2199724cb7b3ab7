import Foundation
import Testing

/// From a platform's download and grading file back to a file the platform imports, through the built
/// tool: Moodle's grading worksheet and feedback zip, Canvas's gradebook.
@Suite(.serialized) struct PlatformRoundTripTests {
    /// A Moodle download: folders per participant; one learner handed in the same text twice, and both
    /// copies share a passage with another learner.
    private func moodleFixture(_ root: URL) throws -> URL {
        let subs = root.appendingPathComponent("submissions")
        let copied = BatchFixture.words(seed: 61, count: 120)
        let files = [
            "Ann Lee_701_assignsubmission_file_/essay.md":
                "Customer relationship management (CRM) helps Tesco keep loyalty because customers "
                + "who stay buy more. Customer lifetime value rose by 15%. " + BatchFixture.words(seed: 62, count: 150),
            "Bob Ray_702_assignsubmission_file_/answer.md": "CRM matters. " + BatchFixture.words(seed: 63, count: 60)
                + ". " + copied + ".",
            "Bob Ray_702_assignsubmission_file_/answer (copy).md": "CRM matters. "
                + BatchFixture.words(seed: 63, count: 60) + ". " + copied + ".",
            "Cat, Jr_703_assignsubmission_file_/work.txt": "Retention. " + BatchFixture.words(seed: 64, count: 40)
                + ". " + copied + ".",
        ]
        for (path, text) in files {
            let url = subs.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data(BatchFixture.rubricJSON.utf8).write(to: root.appendingPathComponent("rubric.json"))
        return subs
    }

    private let worksheet =
        "\u{FEFF}Identifier,\"Full name\",\"Email address\",Status,Grade,\"Maximum Grade\",\"Grade can be changed\","
        + "\"Last modified (submission)\",\"Last modified (grade)\",\"Feedback comments\"\n"
        + "\"Participant 701\",\"Ann Lee\",ann@example.org,\"Submitted for grading\",,10.00,Yes,\"Friday, 5 December 2026, 9:00 AM\",-,\n"
        + "\"Participant 702\",\"Bob Ray\",bob@example.org,\"Submitted for grading\",,10.00,Yes,\"Friday, 5 December 2026, 9:10 AM\",-,\n"
        + "\"Participant 703\",\"Cat, Jr\",cat@example.org,\"Submitted for grading\",,10.00,Yes,\"Friday, 5 December 2026, 9:20 AM\",-,\n"
        + "\"Participant 704\",\"Dee\nNobody\",dee@example.org,\"No submission\",,10.00,Yes,-,-,\n"

    @Test func moodleWorksheetAndFeedbackZip() throws {
        let root = try ToolRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let subs = try moodleFixture(root)
        let sheet = root.appendingPathComponent("Grades-Unit 4.csv")
        try Data(worksheet.utf8).write(to: sheet)
        let out = root.appendingPathComponent("out")
        let result = try ToolRunner.run([
            "batch", subs.path, "--rubric", root.appendingPathComponent("rubric.json").path, "--out", out.path,
            "--moodle-worksheet", sheet.path, "--grade-step", "0.5", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Participant 704 (Dee\nNobody)"), "the unmatched row is listed")

        let filledData = try Data(contentsOf: out.appendingPathComponent("moodle-grading-worksheet.csv"))
        #expect(Array(filledData.prefix(3)) == [0xEF, 0xBB, 0xBF], "the byte order mark is kept")
        let filled = String(decoding: filledData, as: UTF8.self)
        #expect(
            filled.hasSuffix("\"Participant 704\",\"Dee\nNobody\",dee@example.org,\"No submission\",,10.00,Yes,-,-,\n"))
        let original = records(worksheet)
        let table = records(filled)
        #expect(table.count == original.count)
        for (row, (a, b)) in zip(original, table).enumerated() {
            for c in a.indices where !(row >= 1 && row <= 3 && (c == 4 || c == 9)) {
                #expect(a[c] == b[c], "row \(row) column \(c) unchanged")
            }
        }
        for row in 1...3 {
            let grade = try #require(Double(table[row][4]))
            #expect(grade >= 0 && grade <= 10 && (grade * 2).rounded() == grade * 2, "a multiple of 0.5 out of 10")
            #expect(table[row][9].hasPrefix("<p><strong>Test CRM rubric</strong>"))
        }

        let gradebook = try CSV.parse(
            String(decoding: try Data(contentsOf: out.appendingPathComponent("gradebook.csv")), as: UTF8.self)
                .dropFirst().description)
        let similar = try #require(gradebook[0].firstIndex(of: "similar to"))
        let rows = Dictionary(uniqueKeysWithValues: gradebook.dropFirst().map { ($0[0], $0) })
        #expect(rows["Cat, Jr"]?[similar] == "Bob Ray", "Bob's two copies make one entry")
        #expect(rows["Bob Ray"]?[similar] == "Cat, Jr")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(
            summary.split(separator: "\n").filter { $0.hasPrefix("### ") }.count == 1,
            "one similar pair for two learners: \(summary)")

        let bob = try String(contentsOf: out.appendingPathComponent("feedback/Bob Ray.md"), encoding: .utf8)
        #expect(bob.components(separatedBy: "not a grade").count == 2, "one report for two identical files")
        #expect(bob.contains("has the same text as"), "and a line naming the twin")

        let listing = try unzipListing(out.appendingPathComponent("moodle-feedback-files.zip"))
        #expect(
            listing == [
                "Ann Lee_701_assignsubmission_file_/draftcheck-feedback.md",
                "Bob Ray_702_assignsubmission_file_/draftcheck-feedback.md",
                "Cat, Jr_703_assignsubmission_file_/draftcheck-feedback.md",
            ])
    }

    @Test func canvasGradebook() throws {
        let root = try ToolRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let subs = root.appendingPathComponent("submissions")
        try FileManager.default.createDirectory(at: subs, withIntermediateDirectories: true)
        let answer =
            "Customer relationship management (CRM) helps Tesco keep loyalty because customers who stay buy more. "
        try Data((answer + BatchFixture.words(seed: 71, count: 120)).utf8).write(
            to: subs.appendingPathComponent("leeann_301_9001_essay.md"))
        try Data(("CRM. " + BatchFixture.words(seed: 72, count: 80)).utf8).write(
            to: subs.appendingPathComponent("raybob_LATE_302_9002_essay.md"))
        try Data(BatchFixture.rubricJSON.utf8).write(to: root.appendingPathComponent("rubric.json"))
        let export =
            "Student,ID,SIS User ID,SIS Login ID,Section,Reflective log (55),Test CRM essay (56),Current Score,Final Score\r\n"
            + "    Points Possible,,,,,10.00,25.00,(read only),(read only)\r\n"
            + "\"Lee, Ann\",301,S1,ann@example.org,\"Mon, 9am\",7.00,,70.00,70.00\r\n"
            + "\"Ray, Bob\",302,S2,bob@example.org,\"Mon, 9am\",,,0.00,0.00\r\n"
            + "\"Student, Test\",999,,,\"Mon, 9am\",,,,\r\n"
        let exportURL = root.appendingPathComponent("2026-12-05T0900_Grades-CRM.csv")
        try Data(export.utf8).write(to: exportURL)
        let out = root.appendingPathComponent("out")
        let result = try ToolRunner.run([
            "batch", subs.path, "--rubric", root.appendingPathComponent("rubric.json").path, "--out", out.path,
            "--canvas-gradebook", exportURL.path, "--canvas-assignment", "56", "--grade-step", "1",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("999 (Student, Test)"))
        let filled = String(
            decoding: try Data(contentsOf: out.appendingPathComponent("canvas-gradebook.csv")), as: UTF8.self)
        let lines = filled.components(separatedBy: "\r\n")
        let exportLines = export.components(separatedBy: "\r\n")
        #expect(lines.count == exportLines.count)
        for i in [0, 1, 4, 5] { #expect(lines[i] == exportLines[i], "line \(i) byte for byte") }
        let table = records(filled)
        #expect(table[2][5] == "7.00" && table[2][7] == "70.00", "other columns of a filled row are kept")
        #expect(Int(table[2][6]) != nil && Int(table[3][6]) != nil, "whole points, as --grade-step 1 asks")
    }

    @Test func aWorksheetThatIsNotOneStopsBeforeMarking() throws {
        let root = try ToolRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let subs = try moodleFixture(root)
        let wrong = root.appendingPathComponent("classlist.csv")
        try Data("Name,Email\nAnn,ann@example.org\n".utf8).write(to: wrong)
        let out = root.appendingPathComponent("out")
        let rubric = root.appendingPathComponent("rubric.json").path
        let result = try ToolRunner.run([
            "batch", subs.path, "--rubric", rubric, "--out", out.path, "--moodle-worksheet", wrong.path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("classlist.csv") && result.stderr.contains("not a Moodle grading worksheet"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("gradebook.csv").path))
        let utf16 = root.appendingPathComponent("excel-unicode.csv")
        try #require("Identifier\tGrade\n".data(using: .utf16)).write(to: utf16)
        let notUTF8 = try ToolRunner.run([
            "batch", subs.path, "--rubric", rubric, "--out", out.path, "--moodle-worksheet", utf16.path,
        ])
        #expect(
            notUTF8.status == 1 && notUTF8.stderr.contains("excel-unicode.csv") && notUTF8.stderr.contains("not UTF-8"))
        let missing = try ToolRunner.run([
            "batch", subs.path, "--rubric", rubric, "--out", out.path, "--canvas-gradebook", "/nonexistent.csv",
        ])
        #expect(missing.status == 2 && missing.stderr.contains("/nonexistent.csv"))
        let step = try ToolRunner.run([
            "batch", subs.path, "--rubric", rubric, "--out", out.path, "--grade-step", "half",
        ])
        #expect(step.status == 2 && step.stderr.contains("--grade-step"))
    }

    /// Records of a CSV text (LF or CRLF line endings, a byte order mark skipped), for reading results.
    private func records(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if quoted {
                if c == "\"" && i < scalars.count && scalars[i] == "\"" {
                    field.unicodeScalars.append(c)
                    i += 1
                } else if c == "\"" {
                    quoted = false
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i < scalars.count && scalars[i] == "\n" { i += 1 }
                rows.append(row + [field])
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !row.isEmpty || !field.isEmpty { rows.append(row + [field]) }
        return rows
    }

    /// The names in a zip as `unzip -l` lists them (Python's zipfile when unzip is missing).
    private func unzipListing(_ zip: URL) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let hasUnzip = FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip")
        process.arguments =
            hasUnzip
            ? ["unzip", "-Z1", zip.path]
            : [
                "python3", "-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))",
                zip.path,
            ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return out.split(separator: "\n").map(String.init)
    }
}
