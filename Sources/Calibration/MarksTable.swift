/// A tutor's marks read from CSV: one row per answer, a column naming the answer (`file` or
/// `learner`), a column with the total mark or band (`mark`, `total`, `score`, `band` or `grade`),
/// and optionally one column per marking point, headed by the point's id.
public struct MarksTable: Sendable, Equatable {
    /// One marked answer.
    public struct Row: Sendable, Equatable {
        /// The file name (relative to the answers folder) or learner name, as written.
        public var answer: String
        /// The total mark or band label, as written.
        public var total: String
        /// Marks per marking point id, where given.
        public var points: [String: Double]
        /// Line number in the CSV (1 is the header).
        public var line: Int
    }

    /// The header of the answer column ("file" or "learner").
    public let answerColumn: String
    /// The header of the total column.
    public let totalColumn: String
    /// Headers of the per-point columns, in file order.
    public let pointColumns: [String]
    /// The rows, in file order.
    public let rows: [Row]

    static let answerHeaders = ["file", "learner"]
    static let totalHeaders = ["mark", "total", "score", "band", "grade"]

    /// Parses CSV text. Throws a `MarksError` naming the line and what is wrong.
    public init(csv text: String) throws(MarksError) {
        let records = CSVRecords.parse(text)
        guard let header = records.first?.fields.map({ $0.trimmingSpaces().lowercased() }), !header.isEmpty
        else { throw MarksError(line: 1, message: "the marks file is empty; it needs a header row such as file,mark") }
        guard let answerIndex = header.firstIndex(where: Self.answerHeaders.contains) else {
            throw MarksError(
                line: 1,
                message: "no 'file' or 'learner' column in the header (found: \(header.joined(separator: ", ")))")
        }
        guard let totalIndex = header.firstIndex(where: Self.totalHeaders.contains) else {
            throw MarksError(
                line: 1, message: "no total column in the header: name it mark, total, score, band or grade")
        }
        answerColumn = header[answerIndex]
        totalColumn = header[totalIndex]
        let pointIndices = header.indices.filter { $0 != answerIndex && $0 != totalIndex && !header[$0].isEmpty }
        pointColumns = pointIndices.map { header[$0] }
        var parsed: [Row] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() where !record.fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) {
            parsed.append(
                try Self.row(
                    record, answerIndex: answerIndex, totalIndex: totalIndex, points: pointIndices, header: header))
            if let earlier = seen[parsed.last!.answer] {
                throw MarksError(
                    line: record.line, message: "'\(parsed.last!.answer)' is marked twice (first on line \(earlier))")
            }
            seen[parsed.last!.answer] = record.line
        }
        rows = parsed
    }

    /// The largest per-point mark accepted.
    static let largestMark = 100_000.0

    private static func row(
        _ record: CSVRecords.Record, answerIndex: Int, totalIndex: Int, points: [Int], header: [String]
    ) throws(MarksError) -> Row {
        func field(_ i: Int) -> String { i < record.fields.count ? record.fields[i].trimmingSpaces() : "" }
        let answer = field(answerIndex)
        guard !answer.isEmpty else {
            throw MarksError(line: record.line, message: "the \(header[answerIndex]) column is empty")
        }
        let total = field(totalIndex)
        guard !total.isEmpty else {
            throw MarksError(line: record.line, message: "no \(header[totalIndex]) for '\(answer)'")
        }
        var pointMarks: [String: Double] = [:]
        for i in points where !field(i).isEmpty {
            guard let value = Double(field(i)), value.isFinite else {
                throw MarksError(
                    line: record.line, message: "the \(header[i]) mark '\(field(i))' for '\(answer)' is not a number")
            }
            // A per-point mark is a handful of marks; a huge one is a slip (and would not fit a whole mark).
            guard abs(value) <= Self.largestMark else {
                throw MarksError(
                    line: record.line,
                    message:
                        "the \(header[i]) mark '\(field(i))' for '\(answer)' is out of range (at most \(Int(Self.largestMark)))"
                )
            }
            pointMarks[header[i]] = value
        }
        return Row(answer: answer, total: total, points: pointMarks, line: record.line)
    }
}

/// A problem in a marks file, with the line it is on.
public struct MarksError: Error, Sendable, Equatable {
    /// 1-based line number in the CSV.
    public var line: Int
    /// What is wrong, for the tutor.
    public var message: String
}

/// RFC 4180 CSV records: commas, double-quoted fields with "" for a quote, CRLF or LF line ends.
enum CSVRecords {
    struct Record {
        var fields: [String]
        /// Line on which the record starts.
        var line: Int
    }

    static func parse(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            fields.append(field)
            records.append(Record(fields: fields, line: recordLine))
            fields = []
            field = ""
            recordLine = line
        }
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\r": break
            case "\n":
                line += 1
                endRecord()
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\u{FEFF}" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
