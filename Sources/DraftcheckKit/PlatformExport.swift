import DocumentReaders
import Foundation
import Reporter
import RubricEngine

/// The batch command's files for the learning platforms: a filled Moodle grading worksheet and
/// feedback zip, a filled Canvas gradebook. Reading, checking and writing only; the filling is in
/// `MoodleWorksheet` and `CanvasGradebook`.
public struct PlatformExport {
    /// The platform files asked for on the command line.
    public struct Inputs: Sendable {
        /// Moodle's grading worksheet to fill.
        public var moodleWorksheet: URL?
        /// A Canvas gradebook export to fill.
        public var canvasGradebook: URL?
        /// The Canvas assignment column (name or id), when the gradebook has several.
        public var canvasAssignment: String?
        /// How grades are rounded.
        public var rounding: GradeRounding = .hundredths

        /// No platform files.
        public init() {}

        /// True when no platform file was asked for.
        public var isEmpty: Bool { moodleWorksheet == nil && canvasGradebook == nil }
    }

    let inputs: Inputs
    let rubric: Rubric
    let out: URL
    let quiet: Bool
    /// Where messages for the user go.
    let message: (String) -> Void

    /// Reads the platform files and checks their layout before any marking, so that a wrong file is
    /// reported at once. Returns the message naming the file and the problem, or nil.
    public static func preflight(_ inputs: Inputs, rubric: Rubric) -> String? {
        do {
            if let w = inputs.moodleWorksheet {
                do {
                    _ = try MoodleWorksheet.fill(try read(w), rubric: rubric, learners: [], rounding: inputs.rounding)
                } catch let p as MoodleWorksheet.Problem {
                    return "\(w.path): \(p.message)"
                }
            }
            if let g = inputs.canvasGradebook {
                do {
                    _ = try CanvasGradebook.fill(
                        try read(g), assignment: inputs.canvasAssignment, rubricTitle: rubric.title, learners: [],
                        rounding: inputs.rounding)
                } catch let p as CanvasGradebook.Problem {
                    return "\(g.path): \(p.message)"
                }
            }
        } catch {
            return "\(error)"
        }
        return nil
    }

    /// Writes the filled files into `out` and lists the rows left untouched on standard error.
    func write(learners: [LearnerRecord]) throws {
        if let w = inputs.moodleWorksheet {
            let outcome = try MoodleWorksheet.fill(
                try Self.read(w), rubric: rubric, learners: learners, rounding: inputs.rounding)
            try AtomicFile.write(outcome.text, to: out.appendingPathComponent("moodle-grading-worksheet.csv"))
            report("moodle-grading-worksheet.csv", outcome)
            try writeFeedbackZip(learners)
        }
        if let g = inputs.canvasGradebook {
            let (outcome, column) = try CanvasGradebook.fill(
                try Self.read(g), assignment: inputs.canvasAssignment, rubricTitle: rubric.title, learners: learners,
                rounding: inputs.rounding)
            try AtomicFile.write(outcome.text, to: out.appendingPathComponent("canvas-gradebook.csv"))
            report("canvas-gradebook.csv (column \"\(column)\")", outcome)
        }
    }

    private func writeFeedbackZip(_ learners: [LearnerRecord]) throws {
        let feedback = out.appendingPathComponent("feedback")
        let entries = MoodleWorksheet.feedbackEntries(learners: learners) { l in
            (try? Data(contentsOf: feedback.appendingPathComponent(l.feedbackFile))).map { [UInt8]($0) }
        }
        let now = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        var zip = ZipWriter(
            year: now.year ?? 1980, month: now.month ?? 1, day: now.day ?? 1, hour: now.hour ?? 0,
            minute: now.minute ?? 0,
            second: now.second ?? 0)
        for e in entries { try zip.add(path: e.path, data: e.data) }
        let url = out.appendingPathComponent("moodle-feedback-files.zip")
        let tmp = AtomicFile.temporaryURL(for: url)
        do {
            try Data(zip.bytes).write(to: tmp)
            try AtomicFile.moveIntoPlace(tmp, url)
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
        if !quiet { message("draftcheck: moodle-feedback-files.zip: \(entries.count) feedback files\n") }
    }

    /// Lists what was filled and what was left alone; the untouched rows always, the rest unless quiet.
    private func report(_ file: String, _ outcome: PlatformFillOutcome) {
        if !quiet { message("draftcheck: \(file): filled \(outcome.filled.count) row(s)\n") }
        if !outcome.unmatchedRows.isEmpty {
            message(
                "draftcheck: \(file): \(outcome.unmatchedRows.count) row(s) left untouched (no submission matched): "
                    + outcome.unmatchedRows.joined(separator: "; ") + "\n")
        }
        for kept in outcome.keptRows { message("draftcheck: \(file): left untouched: \(kept)\n") }
        if !outcome.learnersWithoutRow.isEmpty {
            message("draftcheck: \(file): no row for: " + outcome.learnersWithoutRow.joined(separator: "; ") + "\n")
        }
    }

    /// A platform file's text: UTF-8, with or without a byte order mark.
    private static func read(_ url: URL) throws -> String {
        let data = try Data(contentsOf: url)
        // Decoded without Foundation, which may drop a byte order mark that must be written back.
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ReadFailure(
                "\(url.path): is not UTF-8 text; save it from the platform again, or as \"CSV UTF-8\" in a spreadsheet")
        }
        return text
    }

    private struct ReadFailure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}

extension MoodleWorksheet.Problem: CustomStringConvertible {
    public var description: String { message }
}

extension CanvasGradebook.Problem: CustomStringConvertible {
    public var description: String { message }
}

extension ZipWriter.Problem: CustomStringConvertible {
    public var description: String { message }
}
