import RubricEngine

/// How a grade sent back to a learning platform is rounded: to a multiple of `step` (1 for whole
/// marks, 0.5 for half marks, 0.01 for two decimals), half away from zero.
public struct GradeRounding: Sendable, Equatable {
    /// The multiple grades are rounded to.
    public var step: Double

    /// Rounding to two decimals, the precision Moodle and Canvas show by default.
    public static let hundredths = GradeRounding(checkedStep: 0.01)

    private init(checkedStep: Double) {
        step = checkedStep
    }

    /// A rounding step; nil unless it is a positive number no smaller than 0.0001.
    public init?(step: Double) {
        guard step.isFinite, step >= 0.0001 else { return nil }
        self.step = step
    }

    /// `value` rounded to the step.
    public func round(_ value: Double) -> Double {
        ((value / step).rounded(.toNearestOrAwayFromZero) * step * 10_000).rounded() / 10_000
    }

    /// Decimals needed to write a multiple of the step (0 for 1 or 5, 1 for 0.5, 2 for 0.25 or 0.01).
    var decimals: Int {
        var d = 0
        var s = step
        while d < 4 && abs(s - s.rounded()) > 1e-9 {
            s *= 10
            d += 1
        }
        return d
    }

    /// `value` rounded and written with the step's decimals and the given decimal separator.
    public func format(_ value: Double, decimalSeparator: Character = ".") -> String {
        let rounded = round(value)
        let scale = (0..<decimals).reduce(1.0) { r, _ in r * 10 }
        let whole = Int((abs(rounded) * scale).rounded())
        let units = whole / Int(scale)
        let fraction = whole % Int(scale)
        var out = (rounded < 0 && whole != 0 ? "-" : "") + String(units)
        if decimals > 0 {
            let digits = String(fraction)
            out += String(decimalSeparator) + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return out
    }
}

/// Numbers as platforms write them in their spreadsheets: "100.00", "100,00" (a comma in locales that
/// write one), " 20 ".
enum PlatformNumber {
    /// The number and the decimal separator it was written with, or nil when the text is not a number.
    static func parse(_ text: String) -> (value: Double, separator: Character)? {
        let t = text.trimmingSpaces
        if let v = Double(t), v.isFinite { return (v, ".") }
        if t.filter({ $0 == "," }).count == 1, !t.contains("."), let v = Double(t.replacingOccurrences(",", ".")),
            v.isFinite
        {
            return (v, ",")
        }
        return nil
    }
}

/// What a platform filler reports back: which rows it filled, and which it could not.
public struct PlatformFillOutcome: Sendable {
    /// The filled file's text.
    public var text: String
    /// Rows filled, as "identifier (name)".
    public var filled: [String] = []
    /// Rows left untouched because no submission matched them (often learners who submitted nothing).
    public var unmatchedRows: [String] = []
    /// Rows left untouched for another reason, with the reason.
    public var keptRows: [String] = []
    /// Learners with a submission but no row in the file.
    public var learnersWithoutRow: [String] = []
}

/// A short HTML summary of a learner's marks for a platform's feedback comment box: the total,
/// band and each marking point's marks, escaped, on one line.
public enum FeedbackSummaryHTML {
    /// The summary for a learner's graded file.
    public static func html(rubric: Rubric, record: FileRecord) -> String {
        let band = record.band.map { ", \(escape($0))" } ?? ""
        var out = "<p><strong>\(escape(rubric.title))</strong>: \(TextReporter.number(record.awarded)) of "
        out +=
            "\(TextReporter.number(record.available)) marks (\(TextReporter.number(record.percent.rounded()))%)\(band).</p>"
        out += "<ul>"
        for (i, point) in rubric.markingPoints.enumerated() where i < record.pointAwards.count {
            let status = i < record.pointStatus.count ? " (\(record.pointStatus[i].rawValue))" : ""
            out += "<li>\(escape(point.title)): \(TextReporter.number(record.pointAwards[i])) of "
            out += "\(TextReporter.number(point.marks))\(status)</li>"
        }
        out += "</ul>"
        if !record.misconceptions.isEmpty {
            out += "<p>Misconceptions to correct: \(record.misconceptions.count).</p>"
        }
        out +=
            "<p>A self-check against the rubric by draftcheck, not a final grade; the full report is in your feedback file.</p>"
        return out
    }

    /// Text with &, <, > and " escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }

    fileprivate func replacingOccurrences(_ a: Character, _ b: Character) -> String {
        String(map { $0 == a ? b : $0 })
    }
}

extension CSVDocument {
    /// A hint when the header row looks separated by semicolons or tabs, as spreadsheets in some
    /// locales save "CSV"; "" otherwise.
    var separatorHint: String {
        guard let header = records.first, header.fields.count == 1 else { return "" }
        let only = header.values[0]
        guard only.contains(";") || only.contains("\t") else { return "" }
        return "; its columns are separated by \(only.contains(";") ? "semicolons" : "tabs"), not commas: "
            + "use the file as the platform exported it, or save it again as \"CSV UTF-8 (comma delimited)\""
    }

    /// The index of the first header equal to `name` (surrounding spaces ignored).
    func column(named name: String) -> Int? {
        guard let header = records.first else { return nil }
        return header.values.firstIndex { $0.trimmingSpaces == name }
    }
}
