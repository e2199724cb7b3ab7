import Foundation
import Reporter
import RubricEngine
import Testing

private let rubricsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Rubrics")

private func builtInRubric() throws -> Rubric {
    try RubricLoader(library: RubricLibrary(directory: rubricsFolder)).load(idOrPath: "customer-relationships")
}

/// A learner with one file at `path`, marked `percent` (nil: the file could not be read).
private func learner(_ path: String, percent: Double?, points: Int = 6) -> LearnerRecord {
    let who = SubmissionNaming.learner(forRelativePath: path)
    var file = FileRecord(learner: who, path: path, document: CheckedDocument(path: path, error: "the file is empty"))
    if let percent {
        file.error = nil
        file.available = 40
        file.awarded = percent / 100 * 40
        file.percent = percent
        file.band = percent >= 70 ? "Merit" : "Pass"
        file.pointAwards = Array(repeating: 4, count: points)
        file.pointStatus = Array(repeating: .partial, count: points)
    }
    return LearnerRecord(files: [file], feedbackFile: who.name + ".md")
}

/// Checks that `filled` differs from `original` only in the given columns of the given rows, field by
/// field and byte for byte, with the same byte order mark and line endings.
private func expectOnlyChanged(_ original: String, _ filled: String, columns: Set<Int>, rows: Set<Int>) throws {
    let a = try CSVDocument(parsing: original)
    let b = try CSVDocument(parsing: filled)
    #expect(a.byteOrderMark == b.byteOrderMark)
    #expect(a.records.count == b.records.count)
    for (i, (ra, rb)) in zip(a.records, b.records).enumerated() {
        #expect(ra.lineEnding == rb.lineEnding, "row \(i) keeps its line ending")
        for c in 0..<max(ra.fields.count, rb.fields.count) {
            let fa = c < ra.fields.count ? ra.fields[c].raw : nil
            let fb = c < rb.fields.count ? rb.fields[c].raw : nil
            if rows.contains(i) && columns.contains(c) { continue }
            #expect(fa == fb, "row \(i) column \(c) is unchanged")
        }
    }
}

@Suite struct CSVDocumentTests {
    @Test(arguments: [
        "a,b,c\r\n1,2,3\r\n",
        "\u{FEFF}a,b\n1,2\n",
        "a,b\n1,2",
        "\"x, y\",\"two\nlines\",\"say \"\"hi\"\"\"\r\nlast,,\r\n",
        "mixed\r\nendings\nhere\r\n",
        ",,\n,\n",
        "\"quoted\"trailing,x\n",
        "Zoë,Ångström\r\n",
    ])
    func readsAndWritesBackByteForByte(text: String) throws {
        #expect(try CSVDocument(parsing: text).text == text)
    }

    @Test func decodesQuotedFields() throws {
        let doc = try CSVDocument(parsing: "\u{FEFF}\"x, y\",\"two\r\nlines\",\"say \"\"hi\"\"\"\r\nnext\r\n")
        #expect(doc.byteOrderMark == "\u{FEFF}")
        #expect(doc.records.count == 2)
        #expect(doc.records[0].values == ["x, y", "two\r\nlines", "say \"hi\""])
        #expect(doc.records[1].values == ["next"])
    }

    @Test func replacesOneFieldOnly() throws {
        var doc = try CSVDocument(parsing: "a,\"b\",c\n1,\"2\",3\n")
        doc.set(row: 1, column: 1, to: "x, \"y\"")
        doc.set(row: 1, column: 4, to: "far")
        #expect(doc.text == "a,\"b\",c\n1,\"x, \"\"y\"\"\",3,,far\n")
    }

    @Test func anUnclosedQuoteIsAnError() {
        #expect(throws: CSVDocument.Malformed.self) { try CSVDocument(parsing: "a,b\n\"never closed,1\n") }
    }
}

@Suite struct GradeRoundingTests {
    @Test func roundsToTheStepAndWritesItsDecimals() throws {
        let whole = try #require(GradeRounding(step: 1))
        let half = try #require(GradeRounding(step: 0.5))
        #expect(whole.format(7.5) == "8")
        #expect(whole.format(7.49) == "7")
        #expect(half.format(7.3) == "7.5")
        #expect(half.format(7.2, decimalSeparator: ",") == "7,0")
        #expect(GradeRounding.hundredths.format(66.666) == "66.67")
        #expect(GradeRounding.hundredths.format(0) == "0.00")
        #expect(GradeRounding(step: 0) == nil)
        #expect(GradeRounding(step: -1) == nil)
    }
}

/// Moodle's grading worksheet as Moodle writes it: PHP's fputcsv quotes fields with spaces, LF line
/// endings; extra identity and plugin columns; rows for every participant, submitted or not.
private let moodleHeader =
    "Identifier,\"Full name\",\"Email address\",Status,Marker,Grade,\"Maximum Grade\",\"Marking workflow state\","
    + "\"Grade can be changed\",\"Last modified (submission)\",\"Online text\",\"Last modified (grade)\",\"Feedback comments\"\n"
private let moodleRows = [
    "\"Participant 501\",\"Ann Lee\",ann@example.org,\"Submitted for grading\",,,100.00,\"Not marked\",Yes,"
        + "\"Monday, 1 December 2026, 10:00 AM\",\"<p>line one,\nline two</p>\",-,\n",
    "\"Participant 502\",\"Smith, Bob\nJr\",bob@example.org,\"Submitted for grading\",,,100.00,\"Not marked\",Yes,"
        + "\"Monday, 1 December 2026, 10:05 AM\",,-,\"earlier \"\"draft\"\" note\"\n",
    "\"Participant 503\",\"Cy Nobody\",cy@example.org,\"No submission\",,,100.00,\"Not marked\",Yes,-,,-,\n",
    "\"Participant 504\",\"Di Locked\",di@example.org,\"Submitted for grading\",,55.00,100.00,Released,No,"
        + "\"Monday, 1 December 2026, 10:09 AM\",,\"Tuesday, 2 December 2026, 9:00 AM\",\"kept\"\n",
    "\"Participant 505\",\"Ed Empty\",ed@example.org,\"Submitted for grading\",,,100.00,\"Not marked\",Yes,-,,-,\n",
]

@Suite struct MoodleWorksheetTests {
    let learners = [
        learner("Ann Lee_501_assignsubmission_file_/essay.docx", percent: 72.5),
        learner("Smith, Bob Jr_502_assignsubmission_file_/answer.md", percent: 40),
        learner("Di Locked_504_assignsubmission_file_/d.md", percent: 90),
        learner("Ed Empty_505_assignsubmission_file_/e.docx", percent: nil),
        learner("Fay Gone_506_assignsubmission_file_/f.md", percent: 50),
        learner("loose-file.md", percent: 60),
    ]

    @Test(arguments: ["", "\u{FEFF}"])
    func fillsGradeAndFeedbackAndLeavesTheRestAsItWas(bom: String) throws {
        let original = bom + moodleHeader + moodleRows.joined()
        let outcome = try MoodleWorksheet.fill(
            original, rubric: try builtInRubric(), learners: learners, rounding: .hundredths)
        let doc = try CSVDocument(parsing: outcome.text)
        #expect(doc.records.count == 6)
        #expect(doc.records[1].values[5] == "72.50")
        #expect(doc.records[2].values[5] == "40.00")
        let feedback = doc.records[1].values[12]
        #expect(
            feedback.hasPrefix(
                "<p><strong>Building and maintaining customer relationships</strong>: 29 of 40 marks (73%), Merit.</p>")
        )
        #expect(feedback.contains("<li>") && !feedback.contains("\n"))
        #expect(doc.records[2].values[12].contains("Pass"), "the earlier note is replaced by the summary")
        #expect(doc.records[3].values[5] == "", "a participant who submitted nothing is left alone")
        #expect(
            doc.records[4].values[5] == "55.00" && doc.records[4].values[12] == "kept",
            "a grade Moodle locks is left alone")
        #expect(doc.records[5].values[5] == "", "an unreadable submission gets no grade")
        try expectOnlyChanged(original, outcome.text, columns: [5, 12], rows: [1, 2])
        #expect(outcome.filled == ["Participant 501 (Ann Lee)", "Participant 502 (Smith, Bob\nJr)"])
        #expect(outcome.unmatchedRows == ["Participant 503 (Cy Nobody)"])
        #expect(outcome.keptRows.count == 2)
        #expect(outcome.keptRows.contains { $0.hasPrefix("Participant 504") && $0.contains("cannot be changed") })
        #expect(outcome.keptRows.contains { $0.hasPrefix("Participant 505") && $0.contains("could not be read") })
        #expect(outcome.learnersWithoutRow == ["Fay Gone"])
    }

    @Test func scalesToTheMaximumGradeWithItsDecimalComma() throws {
        let text =
            "Identifier,Grade,\"Maximum Grade\",\"Last modified (grade)\"\r\n\"Participant 501\",,\"20,00\",-\r\n"
        let outcome = try MoodleWorksheet.fill(
            text, rubric: try builtInRubric(), learners: learners, rounding: try #require(GradeRounding(step: 0.5)))
        #expect(
            outcome.text
                == "Identifier,Grade,\"Maximum Grade\",\"Last modified (grade)\"\r\n\"Participant 501\",\"14,5\",\"20,00\",-\r\n"
        )
    }

    @Test func worksheetsItCannotFillAreNamedAsSuch() throws {
        let rubric = try builtInRubric()
        let notMoodle = "Student,ID,Section\nAnn,1,A\n"
        #expect(throws: MoodleWorksheet.Problem.self) {
            try MoodleWorksheet.fill(notMoodle, rubric: rubric, learners: [], rounding: .hundredths)
        }
        do {
            _ = try MoodleWorksheet.fill(
                "Identifier;Grade;\"Maximum Grade\"\n", rubric: rubric, learners: [], rounding: .hundredths)
            Issue.record("a semicolon-separated worksheet is refused")
        } catch {
            #expect(error.message.contains("semicolons"))
        }
        let scale = "Identifier,Grade,Scale\n\"Participant 1\",,\"Good\nBad\"\n"
        do {
            _ = try MoodleWorksheet.fill(scale, rubric: rubric, learners: [], rounding: .hundredths)
            Issue.record("a scale-graded worksheet is refused")
        } catch {
            #expect(error.message.contains("scale"))
        }
    }

    @Test func feedbackZipEntriesUseTheDownloadFolders() {
        let entries = MoodleWorksheet.feedbackEntries(learners: learners) { Array($0.learner.name.utf8) }
        #expect(
            entries.map(\.path) == [
                "Ann Lee_501_assignsubmission_file_/draftcheck-feedback.md",
                "Smith, Bob Jr_502_assignsubmission_file_/draftcheck-feedback.md",
                "Di Locked_504_assignsubmission_file_/draftcheck-feedback.md",
                "Ed Empty_505_assignsubmission_file_/draftcheck-feedback.md",
                "Fay Gone_506_assignsubmission_file_/draftcheck-feedback.md",
            ], "learners not downloaded from Moodle have no folder to go in")
        #expect(entries.first?.data == Array("Ann Lee".utf8))
    }

    @Test func flatMoodleDownloadsAreMatchedToo() {
        let flat = SubmissionNaming.moodleParticipant(forRelativePath: "Ann Lee_501_assignsubmission_file_essay.docx")
        #expect(flat?.id == "501" && flat?.folder == "Ann Lee_501_assignsubmission_file_")
        #expect(
            SubmissionNaming.learner(forRelativePath: "Ann Lee_501_assignsubmission_file_essay.docx").name == "Ann Lee")
        #expect(SubmissionNaming.moodleParticipant(forRelativePath: "Ann Lee/essay.docx") == nil)
        let file = SubmissionNaming.learner(forRelativePath: "Ann Lee_501_assignsubmission_file_/essay.docx")
        let text = SubmissionNaming.learner(forRelativePath: "Ann Lee_501_assignsubmission_onlinetext_/onlinetext.html")
        let namesake = SubmissionNaming.learner(forRelativePath: "Ann Lee_502_assignsubmission_file_/essay.docx")
        #expect(file == text, "a participant's file and online-text folders are one learner")
        #expect(file != namesake, "a namesake with another participant number is another learner")
        #expect(SubmissionNaming.moodleParticipant(forRelativePath: "lee_201_3001_essay.docx") == nil)
    }
}

/// Canvas's gradebook export: a "Manual Posting" row and the "Points Possible" row under the header,
/// read-only total columns, a test student, learners without a submission.
private let canvasExport = [
    "Student,ID,SIS User ID,SIS Login ID,Section,Essay 1 (1001),CRM report (1002),Current Points,Final Points,Current Score,Final Score\r\n",
    ",,,,,,Manual Posting,,,,\r\n",
    "    Points Possible,,,,,20.00,50.00,(read only),(read only),(read only),(read only)\r\n",
    "\"Lee, Ann\",201,A001,ann@example.org,\"Group A, Tuesday\",12.00,,12.00,12.00,60.00,24.00\r\n",
    "\"Jones, Bob \"\"BJ\"\"\",202,A002,bob@example.org,Group B,,,0.00,0.00,,0.00\r\n",
    "\"Nobody, Cy\",203,A003,cy@example.org,Group B,,,0.00,0.00,,0.00\r\n",
    "\"Student, Test\",999,,,Group A,,,0.00,0.00,,0.00\r\n",
].joined()

@Suite struct CanvasGradebookTests {
    let learners = [
        learner("leeann_201_3001_essay.docx", percent: 80),
        learner("jonesbob_LATE_202_3002_CRM-report.docx", percent: 45),
        learner("nguyenhoa_204_3003_report.docx", percent: 70),
    ]

    @Test(arguments: ["", "\u{FEFF}"])
    func fillsTheNamedColumnAndKeepsEverythingElse(bom: String) throws {
        let original = bom + canvasExport
        let (outcome, column) = try CanvasGradebook.fill(
            original, assignment: "CRM report", rubricTitle: "unrelated", learners: learners, rounding: .hundredths)
        #expect(column == "CRM report (1002)")
        let doc = try CSVDocument(parsing: outcome.text)
        #expect(doc.records[3].values[6] == "40.00", "80% of 50 points")
        #expect(doc.records[4].values[6] == "22.50")
        #expect(doc.records[2].values[6] == "50.00", "the Points Possible row is kept")
        try expectOnlyChanged(original, outcome.text, columns: [6], rows: [3, 4])
        #expect(outcome.unmatchedRows == ["203 (Nobody, Cy)", "999 (Student, Test)"])
        #expect(outcome.learnersWithoutRow == ["nguyenhoa"])
    }

    @Test(arguments: [("Essay 1 (1001)", 5), ("1001", 5), ("essay 1", 5), ("1002", 6)])
    func theColumnCanBeNamedByHeaderIDOrName(choice: String, expected: Int) throws {
        let (outcome, _) = try CanvasGradebook.fill(
            canvasExport, assignment: choice, rubricTitle: "", learners: learners, rounding: .hundredths)
        let doc = try CSVDocument(parsing: outcome.text)
        #expect(doc.records[3].values[expected] == (expected == 5 ? "16.00" : "40.00"))
    }

    @Test func withoutAChoiceTheRubricTitleOrTheOnlyColumnIsUsed() throws {
        let byTitle = try CanvasGradebook.fill(
            canvasExport, assignment: nil, rubricTitle: "Essay 1", learners: learners, rounding: .hundredths)
        #expect(byTitle.column == "Essay 1 (1001)")
        do {
            _ = try CanvasGradebook.fill(
                canvasExport, assignment: nil, rubricTitle: "Other", learners: learners, rounding: .hundredths)
            Issue.record("two assignment columns and no choice is refused")
        } catch {
            #expect(error.message.contains("--canvas-assignment") && error.message.contains("\"Essay 1 (1001)\""))
        }
        let single =
            "Student,ID,SIS User ID,SIS Login ID,Section,Only (7),Final Score\n    Points Possible,,,,,10,(read only)\n\"Lee, Ann\",201,,,,,\n"
        let (outcome, column) = try CanvasGradebook.fill(
            single, assignment: nil, rubricTitle: "x", learners: learners, rounding: .hundredths)
        #expect(column == "Only (7)")
        #expect(outcome.text.hasSuffix("\"Lee, Ann\",201,,,,8.00,\n"))
    }

    @Test func exportsItCannotFillAreNamedAsSuch() {
        let noPoints = "Student,ID,SIS User ID,SIS Login ID,Section,Essay (1)\n\"Lee, Ann\",201,,,,\n"
        #expect(throws: CanvasGradebook.Problem.self) {
            try CanvasGradebook.fill(noPoints, assignment: nil, rubricTitle: "", learners: [], rounding: .hundredths)
        }
        #expect(throws: CanvasGradebook.Problem.self) {
            try CanvasGradebook.fill(
                "Identifier,Grade\n", assignment: nil, rubricTitle: "", learners: [], rounding: .hundredths)
        }
        #expect(throws: CanvasGradebook.Problem.self) {
            try CanvasGradebook.fill(
                canvasExport, assignment: "Missing", rubricTitle: "", learners: [], rounding: .hundredths)
        }
    }
}
