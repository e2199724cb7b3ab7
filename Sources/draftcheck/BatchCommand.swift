import DraftcheckKit
import Foundation
import Reporter
import RubricEngine

/// `draftcheck batch FOLDER --rubric ID|PATH --out FOLDER [--jobs N] [--quiet] [--force] [--html] [platform options]`
enum BatchCommand {
    static let help = """
        Usage: draftcheck batch FOLDER --rubric ID|PATH --out FOLDER [--jobs N] [--quiet] [--force] [--html]
                 [--task FILE] [--moodle-worksheet W.csv] [--canvas-gradebook G.csv [--canvas-assignment NAME|ID]]
                 [--grade-step STEP] [--time-limit SECONDS] [--max-text-size MB]

        Checks every submission in a folder (and its subfolders) against a rubric and writes, in --out:
          gradebook.csv        one row per learner: total, percent, band, marks per marking point,
                               word count and flags (too short, over the limit, keyword stuffing,
                               misconceptions, similar to another submission, unreadable)
          feedback/NAME.md     each learner's own report, ready to hand back
          feedback/NAME.html   with --html: the same as one self-contained page showing the
                               answer with its evidence highlighted (for the learning platform)
          cohort.json          every file in the versioned JSON contract (see README)
          summary.md           mark distribution, most-missed points, common misconceptions,
                               unreadable and skipped files, suspiciously similar pairs
        These are self-checks against the rubric, not grades.

        Learners are named from the platform's download names: a subfolder per learner, Moodle's
        "Full Name_12345_assignsubmission_file_" folders, Canvas's "name_12345_67890_file.docx"
        files, or else the file name. A learner with several files gets one gradebook row (their
        best-scoring readable file) listing all their files. Hidden and temporary files (.DS_Store,
        ~$draft.docx) and unsupported formats are skipped and counted.

        FOLDER    the submissions: .docx, .odt, .html, .htm, .md, .txt or .pdf (needs pdftotext)
        --rubric  a built-in rubric id (see `draftcheck rubrics`) or the path to a rubric .json file
        --out     the folder to write to; never inside FOLDER; must be empty unless --force
        --jobs    how many files to check at once (default: every core)
        --quiet   no progress on standard error
        --force   write into an --out folder that is not empty, replacing our files there
        --html    also write feedback/NAME.html beside each NAME.md
        --task    the assignment brief (a file): its wording, like the rubric's, is never taken as copying
        --time-limit  seconds one file may take before it is reported as too slow and the run goes on
                  (default 60)
        --max-text-size  megabytes of text one file may have (default 2, about 330,000 words);
                  a longer one is reported as too long. Checking takes about 170 times its text in memory

        Back to the learning platform (see README):
        --moodle-worksheet W.csv   Moodle's grading worksheet: writes moodle-grading-worksheet.csv
                                   (Grade scaled to Maximum Grade, Feedback comments) and
                                   moodle-feedback-files.zip (each learner's report, by download folder)
        --canvas-gradebook G.csv   Canvas's gradebook export: writes canvas-gradebook.csv with one
                                   assignment column filled (scaled to its Points Possible)
        --canvas-assignment NAME|ID   which Canvas column (default: the one named as the rubric's
                                   title, else the only assignment column)
        --grade-step STEP          round grades to a multiple of STEP: 1, 0.5, 0.01 (default 0.01)

        Exit codes: 0 every file was read, 1 some could not be (they are listed in summary.md) or a
        platform file is not what it should be, 2 usage error, 3 the rubric could not be loaded.

        """

    static func run(_ args: [String]) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(
            args,
            options: [
                "--rubric", "--out", "--jobs", "--task", "--moodle-worksheet", "--canvas-gradebook",
                "--canvas-assignment", "--grade-step", "--time-limit", "--max-text-size",
            ],
            flags: ["--help", "-h", "--quiet", "--force", "--html"])
        if parsed.flags.contains("--help") || parsed.flags.contains("-h") {
            Output.out(help)
            return .success
        }
        let options = try BatchOptions(parsed)
        let rubric: Rubric
        switch RubricResolver.load(options.rubric) {
        case .success(let r): rubric = r
        case .failure(let code): return code
        }
        if let problem = PlatformExport.preflight(options.platform, rubric: rubric) {
            Output.err("draftcheck: \(problem)")
            return .inputError
        }
        do {
            let outcome = try BatchRun(options: options, rubric: rubric, events: Progress(quiet: options.quiet)).run()
            return outcome.unreadable == 0 ? .success : .inputError
        } catch {
            Output.err("draftcheck: could not write to \(options.out.path): \(error.localizedDescription)")
            return .inputError
        }
    }
}

/// The batch command's options, validated from the command line.
extension BatchOptions {
    init(_ parsed: Arguments) throws(UsageError) {
        guard parsed.positionals.count == 1 else {
            throw UsageError(message: "batch needs exactly one FOLDER of submissions (run `draftcheck batch --help`)")
        }
        guard let rubric = parsed.options["--rubric"] else {
            throw UsageError(message: "batch needs --rubric ID|PATH (see `draftcheck rubrics` for the built-in ids)")
        }
        guard let outArg = parsed.options["--out"], !outArg.isEmpty else {
            throw UsageError(message: "batch needs --out FOLDER for the gradebook, feedback and summary")
        }
        let quiet = parsed.flags.contains("--quiet")
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let j = parsed.options["--jobs"] {
            guard let n = Int(j), n >= 1 else {
                throw UsageError(message: "--jobs must be a whole number of at least 1, not '\(j)'")
            }
            jobs = n
        }
        let inputArgument = parsed.positionals[0]
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inputArgument, isDirectory: &isDir), isDir.boolValue else {
            throw UsageError(message: "\(inputArgument) is not a folder; batch checks a folder of submissions")
        }
        let input = URL(fileURLWithPath: inputArgument).standardizedFileURL.resolvingSymlinksInPath()
        let out = Self.resolved(URL(fileURLWithPath: outArg))
        if Self.contains(input, out) {
            throw UsageError(message: "--out \(outArg) is inside the submissions folder; batch never writes there")
        }
        if Self.contains(out, input) {
            throw UsageError(
                message: "the submissions folder is inside --out \(outArg); choose an --out folder elsewhere")
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        if FileManager.default.fileExists(atPath: out.path, isDirectory: &isDir) && !isDir.boolValue {
            throw UsageError(message: "--out \(outArg) is a file, not a folder")
        }
        if !existing.isEmpty && !parsed.flags.contains("--force") {
            throw UsageError(message: "--out \(outArg) is not empty; pass --force to replace the files there")
        }
        self.init(input: input, inputArgument: inputArgument, out: out, rubric: rubric, jobs: jobs, quiet: quiet)
        html = parsed.flags.contains("--html")
        limits = try parsed.checkLimits()
        try readPlatformOptions(parsed)
    }

    /// --task, --moodle-worksheet, --canvas-gradebook, --canvas-assignment and --grade-step.
    private mutating func readPlatformOptions(_ parsed: Arguments) throws(UsageError) {
        func existingFile(_ option: String) throws(UsageError) -> URL? {
            guard let path = parsed.options[option] else { return nil }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
                throw UsageError(message: "\(option) \(path): no such file")
            }
            return URL(fileURLWithPath: path)
        }
        task = try existingFile("--task")
        platform.moodleWorksheet = try existingFile("--moodle-worksheet")
        platform.canvasGradebook = try existingFile("--canvas-gradebook")
        platform.canvasAssignment = parsed.options["--canvas-assignment"]
        if platform.canvasAssignment != nil && platform.canvasGradebook == nil {
            throw UsageError(message: "--canvas-assignment needs --canvas-gradebook")
        }
        if let step = parsed.options["--grade-step"] {
            guard let value = Double(step), let rounding = GradeRounding(step: value) else {
                throw UsageError(
                    message: "--grade-step must be a positive number such as 1, 0.5 or 0.01, not '\(step)'")
            }
            platform.rounding = rounding
        }
    }

    /// The path with symbolic links resolved, also when it does not exist yet (its nearest existing
    /// ancestor is resolved), so that a link cannot hide --out inside the submissions.
    static func resolved(_ url: URL) -> URL {
        let standard = url.standardizedFileURL
        var existing = standard
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.pathComponents.count > 1 {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        return rest.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }
    }

    /// Whether `inner` is `outer` or inside it (paths already resolved).
    static func contains(_ outer: URL, _ inner: URL) -> Bool {
        let o = outer.pathComponents
        let i = inner.pathComponents
        return i.count >= o.count && Array(i.prefix(o.count)) == o
    }
}
