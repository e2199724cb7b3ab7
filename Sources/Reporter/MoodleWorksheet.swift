import RubricEngine

/// Fills Moodle's assignment grading worksheet ("Download grading worksheet", offline grading) and
/// lays out the "Upload multiple feedback files in a zip" archive.
///
/// What Moodle writes and reads, from its source (moodle/moodle, read for the layout only):
/// - `mod/assign/gradingtable.php` builds the downloaded worksheet's columns in this order:
///   `Identifier` (lang string `recordid`), `Full name`, the site's extra identity fields (usually
///   `Email address`), `Status`, [`Team`, `Marker`], `Grade`, then `Maximum Grade` (string `maxgrade`;
///   a scale-graded assignment has `Scale` instead), [`Marking workflow state`], `Grade can be changed`,
///   `Last modified (submission)`, one column per submission editor (e.g. `Online text`),
///   `Last modified (grade)`, then one column per feedback editor (`Feedback comments`). Identifier
///   cells are the string `hiddenuser` ("Participant ") followed by the participant's unique id.
/// - `mod/assign/feedback/offline/importgradeslib.php` re-imports it by finding the columns named
///   `Identifier`, `Grade` and `Last modified (grade)` (all three required) and the feedback columns
///   by their description, and strips "Participant " to get the id. So we leave every other column,
///   and `Last modified (grade)`, as they were.
/// - `mod/assign/feedback/file/importziplib.php` accepts a zip whose path parts are
///   `fullname_participantid_plugintype_pluginname` (with or without a trailing `_`): it splits a
///   part on `_` into at most five pieces, takes the second as the participant id and the rest of
///   the path as the feedback file's name, and ignores names starting with `.` or `~`. The folders
///   of "Download all submissions" (`Full Name_12345_assignsubmission_file_`) are such parts, so the
///   feedback zip reuses them.
public enum MoodleWorksheet {
    /// The feedback file's name inside each participant's folder in the zip.
    public static let feedbackFileName = "draftcheck-feedback.md"

    /// Why a worksheet cannot be filled.
    public struct Problem: Error, Sendable {
        /// What is wrong.
        public var message: String
    }

    /// Fills `Grade` (the learner's percentage of `Maximum Grade`, rounded) and `Feedback comments`
    /// (a short HTML summary) for every row whose `Participant N` matches a learner's download folder.
    /// Rows without a match, rows Moodle marks `Grade can be changed: No`, and rows of learners whose
    /// files could not be read are left untouched and reported.
    public static func fill(
        _ text: String, rubric: Rubric, learners: [LearnerRecord], rounding: GradeRounding
    ) throws(Problem) -> PlatformFillOutcome {
        var csv: CSVDocument
        do { csv = try CSVDocument(parsing: text) } catch { throw Problem(message: error.message) }
        let columns = try Columns(csv)
        var byParticipant: [String: LearnerRecord] = [:]
        for l in learners {
            if let id = l.files.lazy.compactMap({ SubmissionNaming.moodleParticipant(forRelativePath: $0.path)?.id })
                .first
            {
                byParticipant[id] = l
            }
        }
        var outcome = PlatformFillOutcome(text: text)
        var matched = Set<String>()
        for row in csv.records.indices.dropFirst() {
            let identifier = csv.value(row: row, column: columns.identifier)
            if identifier.trimmingSpaces.isEmpty { continue }
            let label = "\(identifier) (\(columns.fullName.map { csv.value(row: row, column: $0) } ?? ""))"
            guard let id = participantID(identifier), let learner = byParticipant[id] else {
                outcome.unmatchedRows.append(label)
                continue
            }
            matched.insert(id)
            if let c = columns.canBeChanged, csv.value(row: row, column: c).trimmingSpaces.lowercased() == "no" {
                outcome.keptRows.append("\(label): Moodle says the grade cannot be changed")
                continue
            }
            let best = learner.best
            guard best.isReadable else {
                outcome.keptRows.append("\(label): \(best.path) could not be read")
                continue
            }
            guard let maximum = PlatformNumber.parse(csv.value(row: row, column: columns.maximum)), maximum.value > 0
            else {
                outcome.keptRows.append("\(label): its Maximum Grade is not a number")
                continue
            }
            let grade = best.percent / 100 * maximum.value
            csv.set(row: row, column: columns.grade, to: rounding.format(grade, decimalSeparator: maximum.separator))
            if let f = columns.feedback {
                csv.set(row: row, column: f, to: FeedbackSummaryHTML.html(rubric: rubric, record: best))
            }
            outcome.filled.append(label)
        }
        outcome.learnersWithoutRow = byParticipant.filter { !matched.contains($0.key) }.map(\.value.learner.name)
            .sorted()
        outcome.text = csv.text
        return outcome
    }

    /// The feedback zip's entries: `FOLDER/draftcheck-feedback.md` per learner downloaded from Moodle,
    /// FOLDER being the learner's folder name in the download. `feedback` gives a learner's report.
    public static func feedbackEntries(learners: [LearnerRecord], feedback: (LearnerRecord) -> [UInt8]?) -> [(
        path: String, data: [UInt8]
    )] {
        var out: [(String, [UInt8])] = []
        for l in learners {
            guard
                let folder = l.files.lazy.compactMap({
                    SubmissionNaming.moodleParticipant(forRelativePath: $0.path)?.folder
                }).first,
                let data = feedback(l)
            else { continue }
            out.append((folder + "/" + feedbackFileName, data))
        }
        return out
    }

    /// "12345" from "Participant 12345" (any language: the digits after the last space).
    static func participantID(_ identifier: String) -> String? {
        let t = identifier.trimmingSpaces
        let digits = t.split(separator: " ").last.map(String.init) ?? t
        return !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? digits : nil
    }

    /// The worksheet columns we read or fill.
    private struct Columns {
        var identifier: Int
        var fullName: Int?
        var grade: Int
        var maximum: Int
        var canBeChanged: Int?
        var feedback: Int?

        init(_ csv: CSVDocument) throws(Problem) {
            guard let identifier = csv.column(named: "Identifier"), let grade = csv.column(named: "Grade") else {
                throw Problem(
                    message:
                        "it is not a Moodle grading worksheet: its first row has no \"Identifier\" and \"Grade\" columns "
                        + "(download it from the assignment's \"View all submissions\" page, \"Download grading worksheet\", with Moodle in English)"
                        + csv.separatorHint)
            }
            guard let maximum = csv.column(named: "Maximum Grade") else {
                if csv.column(named: "Scale") != nil {
                    throw Problem(
                        message:
                            "the assignment is graded with a scale, not points; draftcheck can only fill point grades")
                }
                throw Problem(message: "the worksheet has no \"Maximum Grade\" column to scale the grades to")
            }
            self.identifier = identifier
            self.grade = grade
            self.maximum = maximum
            fullName = csv.column(named: "Full name")
            canBeChanged = csv.column(named: "Grade can be changed")
            feedback = csv.column(named: "Feedback comments")
        }
    }
}
