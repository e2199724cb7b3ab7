import Foundation
import Testing

/// A class of six through the built tool: everyone quotes the brief, three share a copied passage.
@Suite(.serialized) struct SmallClassSimilarityTests {
    @Test func theBriefIsSetAsideWithTaskAndTheCopiedGroupOfThreeIsFlagged() throws {
        let root = try ToolRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let subs = root.appendingPathComponent("submissions")
        try FileManager.default.createDirectory(at: subs, withIntermediateDirectories: true)
        let brief = "Task 1. " + BatchFixture.words(seed: 900, count: 120) + "."
        let copied = BatchFixture.words(seed: 901, count: 150)
        let names = ["Ada", "Ben", "Cai", "Dev", "Eve", "Fin"]
        for (i, name) in names.enumerated() {
            var text = brief + "\n\nCRM matters. " + BatchFixture.words(seed: 910 + UInt64(i), count: 200) + "."
            if i < 3 { text += "\n\n" + copied + "." }
            try Data(text.utf8).write(to: subs.appendingPathComponent("\(name).md"))
        }
        let rubric = root.appendingPathComponent("rubric.json")
        try Data(BatchFixture.rubricJSON.utf8).write(to: rubric)
        let task = root.appendingPathComponent("brief.md")
        try Data(brief.utf8).write(to: task)

        func similarTo(_ extra: [String], _ out: String) throws -> [String: String] {
            let outURL = root.appendingPathComponent(out)
            let result = try ToolRunner.run(
                ["batch", subs.path, "--rubric", rubric.path, "--out", outURL.path, "--quiet"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOf: outURL.appendingPathComponent("gradebook.csv"), encoding: .utf8)
            let rows = try CSV.parse(text)
            let column = try #require(rows[0].firstIndex(of: "similar to"))
            return Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[column]) })
        }

        let withTask = try similarTo(["--task", task.path], "with-task")
        #expect(withTask == ["Ada": "Ben; Cai", "Ben": "Ada; Cai", "Cai": "Ada; Ben", "Dev": "", "Eve": "", "Fin": ""])
        let without = try similarTo([], "without-task")
        #expect(
            without["Dev"] == "Ada; Ben; Cai; Eve; Fin",
            "in a class of six a quoted brief is shared text unless --task names it")
    }
}
