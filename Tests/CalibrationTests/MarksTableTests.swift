import Testing

@testable import Calibration

@Suite("Reading a tutor's marks")
struct MarksTableTests {
    @Test("File, total and per-point columns, with quotes and CRLF")
    func reads() throws {
        let table = try MarksTable(csv: "File,Mark,stp\r\n\"a, b.txt\",3,2\r\nc.txt,1,\n")
        #expect(table.answerColumn == "file")
        #expect(table.pointColumns == ["stp"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0] == MarksTable.Row(answer: "a, b.txt", total: "3", points: ["stp": 2], line: 2))
        #expect(table.rows[1].points.isEmpty)
    }

    @Test("A learner column and band labels are accepted as written")
    func learnersAndBands() throws {
        let table = try MarksTable(csv: "learner,band\nAmy Smith,Merit\n")
        #expect(table.rows == [MarksTable.Row(answer: "Amy Smith", total: "Merit", points: [:], line: 2)])
    }

    @Test("Problems name the line and what is wrong")
    func problems() {
        #expect(
            throws: MarksError(
                line: 1, message: "no total column in the header: name it mark, total, score, band or grade")
        ) {
            try MarksTable(csv: "file,points\na.txt,3\n")
        }
        #expect(throws: MarksError(line: 3, message: "'a.txt' is marked twice (first on line 2)")) {
            try MarksTable(csv: "file,mark\na.txt,3\na.txt,2\n")
        }
        #expect(throws: MarksError(line: 2, message: "the stp mark 'two' for 'a.txt' is not a number")) {
            try MarksTable(csv: "file,mark,stp\na.txt,3,two\n")
        }
        #expect(
            throws: MarksError(line: 2, message: "the stp mark '1e300' for 'a.txt' is out of range (at most 100000)")
        ) {
            try MarksTable(csv: "file,mark,stp\na.txt,3,1e300\n")
        }
        #expect(throws: MarksError.self) { try MarksTable(csv: "") }
    }
}
