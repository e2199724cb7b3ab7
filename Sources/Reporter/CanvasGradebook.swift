/// Fills one assignment's column of a Canvas gradebook export ("Export Entire Gradebook").
///
/// Canvas writes a header row `Student, ID, SIS User ID, SIS Login ID, Section`, then one column per
/// assignment headed "Assignment name (assignment id)", then read-only totals ("Current Points",
/// "Final Score"...). Below the header come rows that are not learners, such as "Manual Posting" for
/// assignments with a manual posting policy and "    Points Possible", which holds each assignment's
/// maximum; then one row per learner, whose `ID` is the Canvas user id that also appears in the
/// submission download's file names (`name_12345_67890_file.docx`, `name_LATE_12345_67890_...`).
///
/// The assignment column is the one `--canvas-assignment` names (its whole header, its id or its name),
/// else the one whose name is the rubric's title, else the only assignment column there is.
public enum CanvasGradebook {
    /// Why a gradebook cannot be filled.
    public struct Problem: Error, Sendable {
        /// What is wrong.
        public var message: String
    }

    /// Fills the chosen assignment's column with each matched learner's percentage of its points
    /// possible, rounded. Every other cell, and the rows of learners without a submission, stay as
    /// they were.
    public static func fill(
        _ text: String, assignment: String?, rubricTitle: String, learners: [LearnerRecord], rounding: GradeRounding
    ) throws(Problem) -> (outcome: PlatformFillOutcome, column: String) {
        var csv: CSVDocument
        do { csv = try CSVDocument(parsing: text) } catch { throw Problem(message: error.message) }
        guard let idColumn = csv.column(named: "ID"), csv.column(named: "Student") != nil else {
            throw Problem(
                message: "it is not a Canvas gradebook export: its first row has no \"Student\" and \"ID\" columns"
                    + csv.separatorHint)
        }
        let column = try assignmentColumn(csv, assignment: assignment, rubricTitle: rubricTitle)
        let header = csv.records[0].values[column].trimmingSpaces
        guard
            let pointsRow = csv.records.indices.dropFirst().first(where: {
                csv.value(row: $0, column: 0).trimmingSpaces == "Points Possible"
            })
        else { throw Problem(message: "the export has no \"Points Possible\" row to scale the grades to") }
        guard let possible = PlatformNumber.parse(csv.value(row: pointsRow, column: column)), possible.value > 0 else {
            throw Problem(message: "the \"Points Possible\" of \(header) is not a positive number")
        }
        var byUser: [String: LearnerRecord] = [:]
        for l in learners {
            if let id = l.files.lazy.compactMap({ SubmissionNaming.canvasUserID(forRelativePath: $0.path) }).first {
                byUser[id] = l
            }
        }
        var outcome = PlatformFillOutcome(text: text)
        var matched = Set<String>()
        for row in csv.records.indices.dropFirst() where row != pointsRow {
            let id = csv.value(row: row, column: idColumn).trimmingSpaces
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
            let label = "\(id) (\(csv.value(row: row, column: 0)))"
            guard let learner = byUser[id] else {
                outcome.unmatchedRows.append(label)
                continue
            }
            matched.insert(id)
            let best = learner.best
            guard best.isReadable else {
                outcome.keptRows.append("\(label): \(best.path) could not be read")
                continue
            }
            csv.set(row: row, column: column, to: rounding.format(best.percent / 100 * possible.value))
            outcome.filled.append(label)
        }
        outcome.learnersWithoutRow = byUser.filter { !matched.contains($0.key) }.map(\.value.learner.name).sorted()
        outcome.text = csv.text
        return (outcome, header)
    }

    /// An assignment header's name and id: ("Essay 1", "4567") from "Essay 1 (4567)".
    static func nameAndID(_ header: String) -> (name: String, id: String)? {
        let h = header.trimmingSpaces
        guard h.hasSuffix(")"), let open = h.lastIndex(of: "(") else { return nil }
        let id = h[h.index(after: open)..<h.index(before: h.endIndex)]
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return (String(h[..<open]).trimmingSpaces, String(id))
    }

    private static func assignmentColumn(_ csv: CSVDocument, assignment: String?, rubricTitle: String) throws(Problem)
        -> Int
    {
        let headers = csv.records[0].values
        let candidates = headers.indices.filter { nameAndID(headers[$0]) != nil }
        let list = candidates.map { "\"\(headers[$0].trimmingSpaces)\"" }.joined(separator: ", ")
        guard !candidates.isEmpty else {
            throw Problem(message: "the export has no assignment columns (\"Name (id)\")")
        }
        if let wanted = assignment?.trimmingSpaces {
            let hits = candidates.filter { c in
                guard let (name, id) = nameAndID(headers[c]) else { return false }
                return headers[c].trimmingSpaces == wanted || id == wanted || name.lowercased() == wanted.lowercased()
            }
            guard hits.count == 1 else {
                let why = hits.isEmpty ? "matches no assignment column" : "matches several assignment columns"
                throw Problem(message: "--canvas-assignment \"\(wanted)\" \(why); the columns are: \(list)")
            }
            return hits[0]
        }
        let byTitle = candidates.filter { nameAndID(headers[$0])?.name.lowercased() == rubricTitle.lowercased() }
        if byTitle.count == 1 { return byTitle[0] }
        if candidates.count == 1 { return candidates[0] }
        throw Problem(
            message: "the export has several assignment columns; choose one with --canvas-assignment NAME|ID: \(list)")
    }
}
