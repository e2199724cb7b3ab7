import Foundation
import Testing

@Suite("draftcheck calibrate", .serialized)
struct CalibrateEndToEndTests {
    static let rubric = ToolRunner.repo.appendingPathComponent("Rubrics/benchmarks/asap-5.json").path

    /// Short answers in our own words, from nothing on the topic to a developed answer.
    static let answers: [(name: String, text: String, mark: Int)] = [
        ("empty", "I did not read it.", 0),
        ("thin", "The mood is happy.", 1),
        ("named", "The mood of the memoir is warm and loving, because the family cooked in the kitchen.", 2),
        (
            "two",
            "The mood is warm and grateful. For example, the kitchen was full of Cuban music, so the home felt loving.",
            3
        ),
        (
            "developed",
            "The author creates a warm, loving and grateful mood. The kitchen was the heart of the home, full of Cuban music and cooking, which makes the reader feel the warmth of the family. Alegria and the surrogate grandparents ate at their table, so family means more than blood relatives. He is grateful for his parents' sacrifice, because they left Cuba to give him a better life.",
            4
        ),
        ("off-topic", "My favourite food is pizza and I like football.", 0),
    ]

    private func folder() throws -> URL {
        let dir = try ToolRunner.tempDir()
        let answers = dir.appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        var csv = "file,mark\n"
        for a in Self.answers {
            try a.text.write(to: answers.appendingPathComponent(a.name + ".txt"), atomically: true, encoding: .utf8)
            csv += "\(a.name),\(a.mark)\n"
        }
        try csv.write(to: dir.appendingPathComponent("marks.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test("Reports agreement before and after, and writes a calibrated rubric that check accepts")
    func calibrates() throws {
        let dir = try folder()
        let out = dir.appendingPathComponent("calibrated.json").path
        let r = try ToolRunner.run(
            ["calibrate", "answers", "--rubric", Self.rubric, "--marks", "marks.csv", "--folds", "2", "--out", out],
            directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("summary: answers=6 "), "each answer named by its file name without extension, once")
        #expect(r.stdout.contains("2-fold cross-validated"))
        #expect(r.stdout.contains("Confusion matrix"))
        let check = try ToolRunner.run(["check", "answers/developed.txt", "--rubric", out], directory: dir)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("band"))
    }

    @Test("Bad marks files and arguments are reported with the line and exit code")
    func problems() throws {
        let dir = try folder()
        try "file,points\nthin,1\n".write(to: dir.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try ToolRunner.run(
            ["calibrate", "answers", "--rubric", Self.rubric, "--marks", "bad.csv"], directory: dir)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.csv:1: no total column"), "\(bad.stderr)")
        let folds = try ToolRunner.run(
            ["calibrate", "answers", "--rubric", Self.rubric, "--marks", "marks.csv", "--folds", "1"], directory: dir)
        #expect(folds.status == 2)
        try "file,mark\nthin,1\nnobody,2\n".write(
            to: dir.appendingPathComponent("few.csv"), atomically: true, encoding: .utf8)
        let few = try ToolRunner.run(
            ["calibrate", "answers", "--rubric", Self.rubric, "--marks", "few.csv"], directory: dir)
        #expect(few.status == 1)
        #expect(few.stderr.contains("have no file in the folder: 'nobody'"), "\(few.stderr)")
    }

    @Test("A tutor who marks in the rubric's bands is compared band for band; mixed scales are refused")
    func bandLabels() throws {
        let dir = try folder()
        let rubric = ToolRunner.repo.appendingPathComponent("Rubrics/examples/tutor-example.json").path
        let bands = [
            "empty": "Pass", "thin": "Pass", "named": "Merit", "two": "Merit", "developed": "Distinction",
            "off-topic": "Pass",
        ]
        let csv =
            "learner,band\n" + bands.sorted { $0.key < $1.key }.map { "\($0.key),\($0.value)" }.joined(separator: "\n")
            + "\n"
        try csv.write(to: dir.appendingPathComponent("bands.csv"), atomically: true, encoding: .utf8)
        let r = try ToolRunner.run(
            ["calibrate", "answers", "--rubric", rubric, "--marks", "bands.csv", "--folds", "2"], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("summary: answers=6 "))
        try "file,grade\nthin,Merit\ntwo,3\n".write(
            to: dir.appendingPathComponent("mixed.csv"), atomically: true, encoding: .utf8)
        let mixed = try ToolRunner.run(
            ["calibrate", "answers", "--rubric", rubric, "--marks", "mixed.csv"], directory: dir)
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("mix whole marks ('3') and band labels"), "\(mixed.stderr)")
    }
}
