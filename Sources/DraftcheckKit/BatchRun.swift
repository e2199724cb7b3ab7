import DocumentReaders
import Foundation
import JSONSupport
import Reporter
import RubricEngine
import TextAnalyser

/// One batch run: checks every learner's files in a bounded pipeline, writing each feedback file and
/// each document's JSON as soon as it is ready, and keeping only a compact record per file.
/// Messages and progress go to `events`; nothing is printed here.
public struct BatchRun {
    let options: BatchOptions
    let rubric: Rubric
    let events: BatchRunEvents

    /// A run of `rubric` over the submissions named by `options`, reporting through `events`.
    public init(options: BatchOptions, rubric: Rubric, events: BatchRunEvents) {
        self.options = options
        self.rubric = rubric
        self.events = events
    }

    /// What a worker hands back for one learner.
    private struct LearnerResult: Sendable {
        var records: [FileRecord]
        var json: [String]
        var fingerprints: [SimilarityDetector.Fingerprints]
        var problems: [String] = []
    }

    /// Checks every file and writes the outputs; throws only when an output cannot be written.
    public func run() throws -> BatchOutcome {
        let folder = SubmissionFolder(root: options.input)
        let learners = folder.learners()
        let fileCount = learners.reduce(0) { $0 + $1.count }
        if fileCount == 0 {
            events.message(
                "draftcheck: no .docx, .odt, .html, .md, .txt or .pdf files found in \(options.inputArgument)")
        }
        let feedbackNames = SubmissionNaming.uniqueFileNames(learners.map { $0[0].learner.name }).map { $0 + ".md" }
        let feedbackDir = options.out.appendingPathComponent("feedback")
        try FileManager.default.createDirectory(at: feedbackDir, withIntermediateDirectories: true)

        let cohort = try StreamedFile(options.out.appendingPathComponent("cohort.json"))
        var completed = false
        defer { if !completed { cohort.abandon() } }
        try cohort.write(cohortHead())

        let checker = DocumentChecker(assessor: Assessor(rubric: rubric), limits: options.limits)
        let detector = SimilarityDetector()
        let displayRoot =
            options.inputArgument.hasSuffix("/") ? String(options.inputArgument.dropLast()) : options.inputArgument
        events.started(total: fileCount)
        var records: [LearnerRecord] = []
        var fingerprints: [SimilarityDetector.Fingerprints] = []
        var owners: [Int] = []
        var firstDocument = true
        var writeError: Error?

        let htmlRubric = options.html ? rubric : nil
        OrderedPipeline<LearnerResult>.run(count: learners.count, jobs: options.jobs, window: options.jobs * 4) { i in
            Self.check(
                learners[i], title: learners[i][0].learner.name,
                feedback: feedbackDir.appendingPathComponent(feedbackNames[i]),
                displayRoot: displayRoot, checker: checker, detector: detector, html: htmlRubric)
        } consume: { i, result in
            records.append(LearnerRecord(files: result.records, feedbackFile: feedbackNames[i]))
            fingerprints += result.fingerprints
            owners += Array(repeating: i, count: result.fingerprints.count)
            for doc in result.json {
                do {
                    try cohort.write((firstDocument ? "\n    " : ",\n    ") + doc)
                } catch { writeError = error }
                firstDocument = false
            }
            for problem in result.problems { events.message(problem) }
            events.advanced(by: result.records.count, label: result.records.last?.path ?? "")
        }
        events.finished()
        if let writeError { throw writeError }

        let pairs = similarPairs(records, fingerprints, owners, detector, displayRoot)
        try cohort.write(cohortTail(records, pairs, folder.skipped))
        try cohort.finish()
        completed = true

        var similarTo: [String: [String]] = [:]
        for p in pairs {
            similarTo[p.firstKey, default: []].append(p.report.second.learner)
            similarTo[p.secondKey, default: []].append(p.report.first.learner)
        }
        try AtomicFile.write(
            Gradebook.csv(rubric: rubric, learners: records, similarTo: similarTo),
            to: options.out.appendingPathComponent("gradebook.csv"))
        try AtomicFile.write(
            CohortSummary.markdown(
                rubric: rubric, learners: records, skipped: folder.skipped, pairs: pairs.map(\.report)),
            to: options.out.appendingPathComponent("summary.md"))

        if !options.platform.isEmpty {
            let events = self.events
            try PlatformExport(
                inputs: options.platform, rubric: rubric, out: options.out, quiet: options.quiet,
                message: { events.message($0.hasSuffix("\n") ? String($0.dropLast()) : $0) }
            ).write(learners: records)
        }

        let unreadable = records.flatMap(\.files).filter { !$0.isReadable }
        for f in unreadable { events.message("draftcheck: \(f.path): \(f.error ?? "could not be read")") }
        if !options.quiet {
            events.message("draftcheck: \(fileCount) files from \(records.count) learners; wrote \(options.out.path)")
        }
        return BatchOutcome(files: fileCount, learners: records.count, unreadable: unreadable.count)
    }

    /// Checks one learner's files and writes their feedback file.
    private static func check(
        _ entries: [SubmissionFolder.Entry], title: String, feedback: URL, displayRoot: String,
        checker: DocumentChecker, detector: SimilarityDetector, html: Rubric? = nil
    ) -> LearnerResult {
        var result = LearnerResult(records: [], json: [], fingerprints: [])
        var markdown = ""
        var shownDocuments: [CheckedDocument] = []
        var reportedTexts: [String: String] = [:]
        for entry in entries {
            let doc = checker.check(path: entry.url.path)
            var shown = doc
            shown.path = displayRoot + "/" + entry.relativePath
            result.records.append(FileRecord(learner: entry.learner, path: entry.relativePath, document: shown))
            var json = JSONReporter.document(shown)
            if case .object(var fields) = json {
                fields.append(("learner", .string(entry.learner.name)))
                fields.append(("relativePath", .string(entry.relativePath)))
                json = .object(fields)
            }
            // One compact line per document: the cohort file stays small and quick to write and to stream.
            result.json.append(json.serialized(pretty: false))
            let text = doc.assessment.map { String(decoding: $0.analysis.source.bytes, as: UTF8.self) } ?? ""
            result.fingerprints.append(detector.fingerprints(of: text))
            if !markdown.isEmpty { markdown += "\n---\n\n" }
            if doc.assessment != nil, let twin = reportedTexts[text] {
                // The same text handed in twice: one report, and a line saying so.
                markdown +=
                    "_\(MarkdownReporter.escape(entry.relativePath)) has the same text as \(MarkdownReporter.escape(twin)): see its report above._\n"
                continue
            }
            if doc.assessment != nil { reportedTexts[text] = entry.relativePath }
            markdown += MarkdownReporter.render(
                shown, title: entries.count > 1 ? "\(title): \(entry.relativePath)" : title)
            if html != nil { shownDocuments.append(shown) }
        }
        if let html,
            let problem = writeHTML(
                HTMLReporter.render(rubric: html, documents: shownDocuments, title: title), beside: feedback)
        {
            result.problems.append(problem)
        }
        do {
            try AtomicFile.write(markdown, to: feedback)
        } catch {
            result.problems.append("draftcheck: could not write \(feedback.path): \(error.localizedDescription)")
        }
        return result
    }

    /// Writes a learner's HTML report beside their Markdown feedback (NAME.md becomes NAME.html); returns
    /// the problem to report when it cannot be written.
    private static func writeHTML(_ html: String, beside markdown: URL) -> String? {
        let url = markdown.deletingPathExtension().appendingPathExtension("html")
        do {
            try AtomicFile.write(html, to: url)
            return nil
        } catch {
            return "draftcheck: could not write \(url.path): \(error.localizedDescription)"
        }
    }

    private struct FoundPair {
        var firstKey: String
        var secondKey: String
        var report: SimilarPairReport
    }

    /// Flags pairs sharing long passages, then re-reads only those files to quote the passages.
    private func similarPairs(
        _ learners: [LearnerRecord], _ fingerprints: [SimilarityDetector.Fingerprints], _ owners: [Int],
        _ detector: SimilarityDetector, _ displayRoot: String
    ) -> [FoundPair] {
        let files = learners.flatMap(\.files)
        let ignored = Set(detector.fingerprints(of: rubricWording()).hashes)
        let pairs = Self.strongestPerLearnerPair(
            detector.similarPairs(fingerprints, ignoring: ignored, group: owners), owners)
        let reader = DocumentReader()
        func text(_ f: FileRecord) -> String {
            let url = options.input.appendingPathComponent(f.path)
            return (try? reader.read(contentsOf: url).text) ?? ""
        }
        return pairs.map { p in
            let a = files[p.first]
            let b = files[p.second]
            let passages = detector.sharedPassages(text(a), text(b), ignoring: ignored)
            return FoundPair(
                firstKey: a.learner.key, secondKey: b.learner.key,
                report: SimilarPairReport(
                    first: (a.learner.name, a.path), second: (b.learner.name, b.path), shared: p.shared,
                    fraction: p.fraction, passages: passages))
        }
    }

    /// One pair per two learners: the one sharing most, when several of their files are alike.
    private static func strongestPerLearnerPair(_ pairs: [SimilarityDetector.Pair], _ owners: [Int])
        -> [SimilarityDetector.Pair]
    {
        var best: [Int: SimilarityDetector.Pair] = [:]
        var order: [Int] = []
        for p in pairs {
            let key = owners[p.first] * owners.count + owners[p.second]
            if let kept = best[key] {
                if (p.shared, p.fraction) > (kept.shared, kept.fraction) { best[key] = p }
            } else {
                best[key] = p
                order.append(key)
            }
        }
        return order.compactMap { best[$0] }
    }

    /// The rubric's own words and the task's, which every learner may echo: never evidence of copying.
    private func rubricWording() -> String {
        var parts = [rubric.title, rubric.description ?? "", rubric.task ?? ""] + rubric.feedForward
        if let task = options.task {
            do throws(DocumentReadError) {
                parts.append(try DocumentReader().read(contentsOf: task).text)
            } catch {
                events.message(
                    "draftcheck: \(task.path): \(error.message); its wording is not set aside in the similarity check")
            }
        }
        for p in rubric.markingPoints {
            parts += [p.title, p.examiner] + p.levels.map(\.toReach) + p.levels.compactMap(\.feedback)
            parts += (p.creditExamples + p.noCreditExamples).map(\.text)
        }
        for m in rubric.misconceptions { parts += [m.text, m.correction] }
        return parts.joined(separator: "\n\n")
    }

    private func cohortHead() -> String {
        let rubricObject = JSONValue.object([("id", .string(rubric.id)), ("title", .string(rubric.title))])
        return "{\n  \"schemaVersion\": \(JSONReporter.schemaVersion),\n  \"rubric\": "
            + rubricObject.serialized().replacingOccurrences(of: "\n", with: "\n  ") + ",\n  \"documents\": ["
    }

    private func cohortTail(_ learners: [LearnerRecord], _ pairs: [FoundPair], _ skipped: [String: Int]) -> String {
        let batch = JSONValue.object([
            (
                "learners",
                .array(
                    learners.map { l in
                        .object([
                            ("name", .string(l.learner.name)), ("files", .array(l.files.map { .string($0.path) })),
                            ("gradedFile", .string(l.best.path)), ("feedback", .string("feedback/" + l.feedbackFile)),
                        ])
                    })
            ),
            (
                "similarPairs",
                .array(
                    pairs.map { p in
                        .object([
                            ("first", .string(p.report.first.path)), ("second", .string(p.report.second.path)),
                            ("sharedFingerprints", .int(p.report.shared)),
                            ("fraction", .double((p.report.fraction * 1000).rounded() / 1000)),
                            ("passages", .array(p.report.passages.map(JSONValue.string))),
                        ])
                    })
            ),
            ("skipped", .object(skipped.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
        ])
        let close = learners.isEmpty ? "]" : "\n  ]"
        return close + ",\n  \"batch\": " + batch.serialized().replacingOccurrences(of: "\n", with: "\n  ") + "\n}\n"
    }
}

/// What a batch run reports while it works: the shell prints it, a server or a test collects it.
public protocol BatchRunEvents {
    /// A message for the user (an unreadable file, an unwritable feedback file, the closing summary).
    func message(_ text: String)
    /// The run is about to check `total` files.
    func started(total: Int)
    /// `count` more files were checked, the last being `label`.
    func advanced(by count: Int, label: String)
    /// Every file was checked.
    func finished()
}

/// How a batch run ended.
public struct BatchOutcome: Sendable {
    /// Files checked (readable or not).
    public var files: Int
    /// Learners found.
    public var learners: Int
    /// Files that could not be read or checked.
    public var unreadable: Int
}
