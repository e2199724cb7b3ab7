import Reporter
import Testing

@Suite struct CSVWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("Zoë Ångström", "Zoë Ångström"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-cmd", "'-cmd"),
        ("@import", "'@import"),
        ("=1+2,3", "\"'=1+2,3\""),
        ("-3.5", "-3.5"),
        ("", ""),
    ])
    func textFields(input: String, expected: String) {
        #expect(CSVWriter.field(.text(input)) == expected)
    }

    @Test func numbersHaveNoNeedlessDecimals() {
        #expect(CSVWriter.field(.number(7)) == "7")
        #expect(CSVWriter.field(.number(33.3)) == "33.3")
        #expect(CSVWriter.field(.empty) == "")
    }

    @Test func tableHasByteOrderMarkAndCRLF() {
        let csv = CSVWriter.table(
            header: ["learner", "total"], rows: [[.text("Ana"), .number(4)], [.text("B, C"), .empty]])
        #expect(csv == "\u{FEFF}learner,total\r\nAna,4\r\n\"B, C\",\r\n")
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }
}

@Suite struct SubmissionNamingTests {
    @Test(arguments: [
        ("Alice Smith/essay.docx", "Alice Smith"),
        ("Jane Doe_12345_assignsubmission_file_/My essay.docx", "Jane Doe"),
        ("Jean_Luc Picard_777_assignsubmission_file_/a.pdf", "Jean_Luc Picard"),
        ("Zoë Ångström_9_assignsubmission_onlinetext_/onlinetext.html", "Zoë Ångström"),
        ("smithjohn_4411_9001_essay.docx", "smithjohn"),
        ("smithjane_LATE_4412_9002_final_essay.docx", "smithjane"),
        ("Bob Jones.txt", "Bob Jones"),
        ("report_2024.md", "report_2024"),
    ])
    func learnerNames(path: String, name: String) {
        #expect(SubmissionNaming.learner(forRelativePath: path).name == name)
    }

    @Test func sameNameDifferentIdsStayApart() {
        let a = SubmissionNaming.learner(forRelativePath: "Sam Lee_1_assignsubmission_file_/a.docx")
        let b = SubmissionNaming.learner(forRelativePath: "Sam Lee_2_assignsubmission_file_/a.docx")
        #expect(a.name == b.name && a.key != b.key)
    }

    @Test func fileNamesAreSafeAndUnique() {
        #expect(SubmissionNaming.safeFileName("../../etc/passwd") == "_.._etc_passwd")
        #expect(SubmissionNaming.safeFileName("...") == "learner")
        #expect(SubmissionNaming.safeFileName("a\\b:c*d?e\"f<g>h|i\u{1}") == "a_b_c_d_e_f_g_h_i_")
        #expect(
            SubmissionNaming.uniqueFileNames(["Sam Lee", "sam lee", "Sam Lee", ".x"]) == [
                "Sam Lee", "sam lee (2)", "Sam Lee (3)", "x",
            ])
    }
}

@Suite("Numbers in the text report")
struct ReportNumberTests {
    @Test("Whole and fractional marks are written plainly, and no value traps")
    func numbers() {
        #expect(TextReporter.number(6) == "6")
        #expect(TextReporter.number(2.5) == "2.5")
        #expect(TextReporter.number(2.46) == "2.5")
        #expect(TextReporter.number(1e300) == "1e+300")
        #expect(TextReporter.number(-1e20) == "-1e+20")
        #expect(TextReporter.number(.infinity) == "inf")
        #expect(TextReporter.number(.nan) == "nan")
    }
}
