import Calibration
import DraftcheckKit
import Foundation
import Reporter
import RubricEngine

/// `draftcheck calibrate DIR --rubric R --marks marks.csv [--out calibrated.json] [--folds N]`
enum CalibrateCommand {
    static let help = """
        Usage: draftcheck calibrate DIR --rubric ID|PATH --marks marks.csv [--out calibrated.json] [--folds N]

        Compares draftcheck's marks with a tutor's on answers the tutor has already marked, fits band
        thresholds that map draftcheck's percentage to the tutor's scale, and reports the agreement
        before and after. The agreement after calibration is measured by N-fold cross-validation
        (default 5): each answer's calibrated mark comes from thresholds fitted on the other folds.

        DIR       the folder of answers (.docx, .odt, .html, .md, .txt, .pdf)
        --marks   CSV with a header: a `file` (path in DIR, or its name without extension) or `learner`
                  column; a `mark`, `total`, `score`, `band` or `grade` column (whole marks, or the
                  rubric's band labels); optionally one column per marking point id
        --out     write a copy of the rubric whose bands are the fitted thresholds, labelled with
                  the tutor's marks; `check` and `batch` accept it
        --folds   folds for cross-validation, 2 or more (default 5)

        """

    static func run(_ args: [String]) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(
            args, options: ["--rubric", "--marks", "--out", "--folds"], flags: ["--help", "-h"])
        if parsed.flags.contains("--help") || parsed.flags.contains("-h") {
            Output.out(help)
            return .success
        }
        guard parsed.positionals.count == 1 else { throw UsageError(message: "calibrate needs one folder of answers") }
        guard let rubricArg = parsed.options["--rubric"] else {
            throw UsageError(message: "calibrate needs --rubric ID|PATH")
        }
        guard let marksPath = parsed.options["--marks"] else {
            throw UsageError(message: "calibrate needs --marks marks.csv")
        }
        let folds = Int(parsed.options["--folds"] ?? "5") ?? 0
        guard folds >= 2 else { throw UsageError(message: "--folds must be a whole number, 2 or more") }
        let rubric: Rubric
        switch RubricResolver.load(rubricArg) {
        case .success(let r): rubric = r
        case .failure(let code): return code
        }
        let table: MarksTable
        do {
            let text = try String(contentsOfFile: marksPath, encoding: .utf8)
            do { table = try MarksTable(csv: text) } catch {
                Output.err("draftcheck: \(marksPath):\(error.line): \(error.message)")
                return .inputError
            }
        } catch {
            Output.err("draftcheck: \(marksPath): cannot read the marks file (\(error.localizedDescription))")
            return .inputError
        }
        let folder = parsed.positionals[0]
        return calibrate(rubric: rubric, table: table, folder: folder, folds: folds, out: parsed.options["--out"])
    }

    private static func calibrate(rubric: Rubric, table: MarksTable, folder: String, folds: Int, out: String?)
        -> ExitCode
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            Output.err("draftcheck: \(folder): not a folder of answers")
            return .inputError
        }
        let scale: TutorScale
        switch TutorScale.make(table.rows.map(\.total), bands: rubric.bands) {
        case .success(let s): scale = s
        case .failure(let problem):
            Output.err("draftcheck: \(problem.message)")
            return .inputError
        }
        let matched = MarkedFiles(table: table, folder: SubmissionFolder(root: URL(fileURLWithPath: folder)))
        for problem in matched.problems { Output.err("draftcheck: \(problem)") }
        guard matched.pairs.count >= folds else {
            Output.err(
                "draftcheck: only \(matched.pairs.count) marked answers were found in \(folder); calibration needs at least \(folds)"
            )
            return .inputError
        }
        let checker = DocumentChecker(assessor: Assessor(rubric: rubric))
        let docs = checker.check(paths: matched.pairs.map(\.path), standardInput: nil)
        var answers: [MarkedAnswer] = []
        var assessments: [Assessment] = []
        var unreadable = 0
        for (pair, doc) in zip(matched.pairs, docs) {
            guard let assessment = doc.assessment else {
                Output.err("draftcheck: \(doc.path): \(doc.error ?? "could not be checked")")
                unreadable += 1
                continue
            }
            answers.append(markedAnswer(pair.row, name: pair.name, assessment: assessment, scale: scale))
            assessments.append(assessment)
        }
        let variants = DevelopmentCalibration.variants(of: rubric)
        let candidates = variants.map { DevelopmentCalibration.candidate($0, rescoring: assessments) }
        let result = CalibrationResult(answers: answers, folds: folds, candidates: candidates)
        Output.out(CalibrationReport(result: result, rubricName: "\(rubric.title) [\(rubric.id)]").text())
        if let out {
            var calibrated = (rubric: rubric, mapping: result.mapping, ranges: DevelopmentRanges?.none)
            if let (choice, _) = result.choice, choice.chosen > 0 {
                calibrated = (variants[choice.chosen - 1].rubric, choice.mapping, variants[choice.chosen - 1].ranges)
            } else if let (choice, _) = result.choice {
                calibrated.mapping = choice.mapping
            }
            do {
                try writeCalibratedRubric(
                    rubric, levelsFrom: calibrated.ranges == nil ? nil : calibrated.rubric, mapping: calibrated.mapping,
                    scale: scale, folds: folds, to: out)
                Output.err("draftcheck: calibrated rubric written to \(out)")
            } catch {
                Output.err("draftcheck: \(out): cannot write the calibrated rubric (\(error.localizedDescription))")
                return .inputError
            }
        }
        return unreadable > 0 ? .inputError : .success
    }

    private static func markedAnswer(_ row: MarksTable.Row, name: String, assessment: Assessment, scale: TutorScale)
        -> MarkedAnswer
    {
        var points: [String: Double] = [:]
        var evidence: [String] = []
        for point in assessment.points {
            points[point.point.id] = point.awarded
            let cited = point.evidence.prefix(4).map { "\"\($0.text)\" (\($0.label))" }.joined(separator: ", ")
            let level = point.level.map { "level \($0)" } ?? "no level"
            evidence.append(
                "\(point.point.id): \(level), \(CalibrationReport.number(point.awarded, 1)) of \(CalibrationReport.number(point.point.marks, 1))"
                    + (cited.isEmpty ? "" : "; evidence: \(cited)"))
        }
        for m in assessment.misconceptions { evidence.append("misconception \(m.misconception.id): \"\(m.text)\"") }
        return MarkedAnswer(
            name: name, percent: assessment.percent, untunedMark: scale.untuned(assessment),
            tutorMark: scale.mark(row.total), pointMarks: points, tutorPointMarks: row.points, evidence: evidence)
    }

    /// A copy of the rubric file with its bands replaced by the fitted thresholds and, when development was
    /// chosen, each level's marks, step and development from `levelsFrom`.
    private static func writeCalibratedRubric(
        _ rubric: Rubric, levelsFrom ranged: Rubric?, mapping: ThresholdMapping, scale: TutorScale, folds: Int,
        to out: String
    ) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: rubric.path))
        guard var root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        root["bands"] = mapping.bands().map { ["label": scale.label(Int($0.label) ?? 0), "minPercent": $0.minPercent] }
        root["id"] = rubric.id + "-calibrated"
        var how = "monotone thresholds on the percentage of marks"
        if let ranged, var points = root["markingPoints"] as? [[String: Any]],
            points.count == ranged.markingPoints.count
        {
            for (p, point) in ranged.markingPoints.enumerated() {
                guard var levels = points[p]["levels"] as? [[String: Any]], levels.count == point.levels.count else {
                    continue
                }
                for (l, level) in point.levels.enumerated() {
                    levels[l]["marks"] = ["min": level.minMarks, "max": level.marks]
                    levels[l]["markStep"] = level.markStep
                    levels[l]["fullRangeDevelopment"] = level.fullRangeDevelopment
                }
                points[p]["levels"] = levels
            }
            root["markingPoints"] = points
            how = "each level's mark placed within a range by how far the point is developed, then " + how
        }
        let note =
            "Bands calibrated to a tutor's marks by `draftcheck calibrate` (\(how); agreement reported with \(folds)-fold cross-validation)."
        root["description"] = [rubric.description, note].compactMap { $0 }.joined(separator: " ")
        if let schema = root["$schema"] as? String, !schema.hasPrefix("/"), !schema.contains("://") {
            root.removeValue(forKey: "$schema")
        }
        let json = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])
        try AtomicFile.write(String(decoding: json, as: UTF8.self) + "\n", to: URL(fileURLWithPath: out))
    }
}

/// The tutor's scale: whole marks, or the rubric's band labels in order (0 for below every band).
enum TutorScale {
    case marks
    case bands([String])

    /// Whole numbers when every total is one; otherwise every total must be one of the rubric's bands.
    static func make(_ totals: [String], bands: [Band]) -> Result<TutorScale, ScaleError> {
        if totals.allSatisfy({ Int($0) != nil }) { return .success(.marks) }
        let labels = bands.map(\.label)
        if let stray = totals.first(where: { !labels.contains($0) && Int($0) == nil }) {
            return .failure(
                ScaleError(
                    message:
                        "the tutor's mark '\(stray)' is neither a whole mark nor one of the rubric's bands (\(labels.joined(separator: ", ")))"
                ))
        }
        if let number = totals.first(where: { Int($0) != nil && !labels.contains($0) }) {
            return .failure(
                ScaleError(message: "the marks mix whole marks ('\(number)') and band labels; use one or the other"))
        }
        return .success(.bands(labels))
    }

    /// The tutor's mark as a whole number (a band's position, from 1).
    func mark(_ total: String) -> Int {
        switch self {
        case .marks: return Int(total) ?? 0
        case .bands(let labels): return (labels.firstIndex(of: total) ?? -1) + 1
        }
    }

    /// A whole number on this scale as the tutor would write it.
    func label(_ mark: Int) -> String {
        switch self {
        case .marks: return String(mark)
        case .bands(let labels): return mark >= 1 && mark <= labels.count ? labels[mark - 1] : "none"
        }
    }

    /// draftcheck's own mark on this scale: the band when the bands are whole marks or the tutor marks
    /// in bands (0 below every band), otherwise the marks awarded, rounded.
    func untuned(_ assessment: Assessment) -> Int {
        let bands = assessment.rubric.bands.map(\.label)
        switch self {
        case .bands(let labels):
            return assessment.band.flatMap { labels.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        case .marks where bands.allSatisfy({ Int($0) != nil }):
            return assessment.band.flatMap { Int($0) } ?? 0
        case .marks:
            return Int(assessment.awarded.rounded())
        }
    }
}

/// A problem with the tutor's scale.
struct ScaleError: Error {
    var message: String
}

/// The tutor's rows matched to files in the answers folder, by relative path or by name without
/// extension.
struct MarkedFiles {
    struct Pair {
        var row: MarksTable.Row
        var path: String
        var name: String
    }

    var pairs: [Pair] = []
    var problems: [String] = []

    init(table: MarksTable, folder: SubmissionFolder) {
        var byPath: [String: SubmissionFolder.Entry] = [:]
        var byStem: [String: [SubmissionFolder.Entry]] = [:]
        for entry in folder.entries {
            byPath[entry.relativePath] = entry
            let stems = [entry.relativePath, entry.url.lastPathComponent].map { ($0 as NSString).deletingPathExtension }
            for stem in Set(stems) { byStem[stem, default: []].append(entry) }
        }
        var missing: [String] = []
        for row in table.rows {
            if let entry = byPath[row.answer] ?? byStem[row.answer].flatMap({ $0.count == 1 ? $0[0] : nil }) {
                pairs.append(Pair(row: row, path: entry.url.path, name: entry.relativePath))
            } else if let several = byStem[row.answer], several.count > 1 {
                problems.append(
                    "'\(row.answer)' (marks line \(row.line)) matches \(several.count) files; give the file's path")
            } else {
                missing.append(row.answer)
            }
        }
        if !missing.isEmpty {
            let shown = missing.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            problems.append(
                "\(missing.count) marked answers have no file in the folder: \(shown)\(missing.count > 5 ? ", ..." : "")"
            )
        }
    }
}

/// The ways of scoring calibrate tries beside the rubric as written: each level's mark placed within a range
/// by how far the point is developed, reaching the top after 2, 4, 6, 9 or 14 more developed sentences.
enum DevelopmentCalibration {
    static let fullRanges = [2, 4, 6, 9, 14]

    /// The ranged rubrics, for a version 2 rubric; none for version 1, which cannot hold ranges' steps.
    static func variants(of rubric: Rubric) -> [(rubric: Rubric, ranges: DevelopmentRanges)] {
        guard rubric.schemaVersion >= 2 else { return [] }
        return fullRanges.map { n in
            let ranges = DevelopmentRanges(fullRange: n)
            return (ranges.apply(to: rubric), ranges)
        }
    }

    /// The percentages a ranged rubric gives the answers already analysed (the lexicon is the same).
    static func candidate(_ variant: (rubric: Rubric, ranges: DevelopmentRanges), rescoring: [Assessment])
        -> ScoringCandidate
    {
        let assessor = Assessor(rubric: variant.rubric)
        let slots = ResultSlots<Double>(count: rescoring.count)
        DispatchQueue.concurrentPerform(iterations: rescoring.count) { i in
            slots.set(i, assessor.assess(rescoring[i].analysis).percent)
        }
        return ScoringCandidate(
            name: "development: full range after \(variant.ranges.fullRange) more sentences", percents: slots.values)
    }
}
