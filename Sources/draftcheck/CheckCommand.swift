import DraftcheckKit
import Foundation
import Reporter
import RubricEngine

/// `draftcheck check FILE... --rubric ID|PATH [--format text|json|html]`
enum CheckCommand {
    static let help = """
        Usage: draftcheck check FILE... [--rubric ID|PATH] [--format text|json|html|line] [--stdin-filename PATH]
                                        [--time-limit SECONDS] [--max-text-size MB]

        Checks each answer against a rubric and reports the marks per marking point, the sentences
        that earned them, what would reach the next level, misconceptions to fix and the word count.
        This is a self-check against the rubric, not a grade.

        FILE      .docx, .odt, .html, .md, .txt or .pdf (needs pdftotext); "-" reads standard input
        --rubric  a built-in rubric id (see `draftcheck rubrics`) or the path to a rubric .json file;
                  without it, the nearest .draftcheck.json above the (first) file says which
        --format  text (default), json (the versioned JSON contract; see README), html (one
                  self-contained page showing the answer with its evidence highlighted) or line
                  (path:line:column: severity: message [id], one finding a line, for quickfix lists)
        --stdin-filename  the path standard input stands for: used to find .draftcheck.json, to
                  choose the reader by extension, and in reports
        --time-limit  seconds one file may take before it is reported as too slow and skipped
                  (default 60)
        --max-text-size  megabytes of text one file may have (default 2, about 330,000 words);
                  a longer one is reported as too long. Checking takes about 170 times its text in memory

        """

    static func run(_ args: [String]) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(
            args, options: ["--rubric", "--format", "--stdin-filename", "--time-limit", "--max-text-size"],
            flags: ["--help", "-h"])
        if parsed.flags.contains("--help") || parsed.flags.contains("-h") {
            Output.out(help)
            return .success
        }
        guard !parsed.positionals.isEmpty else {
            throw UsageError(message: "check needs at least one FILE (or - for standard input)")
        }
        let stdinName = parsed.options["--stdin-filename"]
        var config = ProjectConfiguration()
        if parsed.options["--rubric"] == nil || parsed.options["--format"] == nil {
            let first = parsed.positionals[0] == "-" ? (stdinName ?? "./-") : parsed.positionals[0]
            let (found, _, problems) = ProjectConfiguration.forDocument(at: URL(fileURLWithPath: first))
            for d in problems { Output.err(d.description) }
            if problems.contains(where: { $0.severity == .error }) { return .usage }
            config = found
        }
        guard let rubricArg = parsed.options["--rubric"] ?? config.rubric else {
            throw UsageError(
                message:
                    "check needs --rubric ID|PATH, or a .draftcheck.json with \"rubric\" in the answer's folder or above"
                    + " (see `draftcheck rubrics` for the built-in ids)")
        }
        let format = try parsed.choice("--format", ProjectConfiguration.formats, default: config.format)
        let rubric: Rubric
        switch RubricResolver.load(rubricArg) {
        case .success(let r): rubric = r
        case .failure(let code): return code
        }
        let stdin = parsed.positionals.contains("-") ? FileHandle.standardInput.readDataToEndOfFile() : nil
        var checker = DocumentChecker(assessor: Assessor(rubric: rubric), limits: try parsed.checkLimits())
        if let stdinName { checker.standardInputName = stdinName }
        var docs = checker.check(paths: parsed.positionals, standardInput: stdin)
        for i in docs.indices where docs[i].path == "-" { docs[i].path = stdinName ?? "-" }
        if format == "json" {
            Output.out(JSONReporter.render(rubric: rubric, documents: docs))
        } else if format == "html" {
            Output.out(HTMLReporter.render(rubric: rubric, documents: docs))
        } else if format == "line" {
            for doc in docs {
                guard let a = doc.assessment else { continue }
                let lines = DocumentDiagnostics.make(a).map {
                    $0.lineFormatted(path: doc.path, source: a.analysis.source)
                }
                if !lines.isEmpty { Output.out(lines.joined(separator: "\n") + "\n") }
            }
        } else {
            let reporter = TextReporter(colour: Output.colourOnStdout)
            var first = true
            for doc in docs where doc.assessment != nil {
                if !first { Output.out("\n" + String(repeating: "─", count: 60) + "\n\n") }
                Output.out(reporter.render(doc))
                first = false
            }
        }
        for doc in docs where doc.error != nil {
            Output.err("draftcheck: \(doc.path): \(doc.error!)")
        }
        return docs.contains { $0.error != nil } ? .inputError : .success
    }
}

/// Finds the rubric library, loads rubrics and prints any problem as diagnostics on standard error.
/// A failure carries the exit code to stop with.
enum RubricResolver {
    /// A loader over the built-in library (its schemas and lexicons). With `memo`, files that passed
    /// schema validation before (same bytes) are not validated again, and compiled lexicons are reused.
    static func loader(memo: Bool = true) -> Result<RubricLoader, ExitCode> {
        guard let lib = RubricLibrary.locate() else {
            Output.err("draftcheck: the built-in rubrics were not found; set DRAFTCHECK_RUBRICS to the Rubrics folder")
            return .failure(.rubricError)
        }
        do {
            return .success(
                try RubricLoader(
                    library: lib, validationMemo: memo ? ValidationCacheFile.standard() : nil,
                    lexiconStore: memo ? CompiledLexiconCache.standard() : nil))
        } catch {
            for d in error.diagnostics { Output.err(d.description) }
            return .failure(.rubricError)
        }
    }

    /// A built-in rubric by id, or a rubric file by path, through `loader` when one is at hand.
    /// An unknown id is a usage error.
    static func load(_ idOrPath: String, using loader: RubricLoader? = nil) -> Result<Rubric, ExitCode> {
        let resolved: RubricLoader
        if let loader {
            resolved = loader
        } else {
            switch Self.loader() {
            case .success(let l): resolved = l
            case .failure(let code): return .failure(code)
            }
        }
        do {
            return .success(try resolved.load(idOrPath: idOrPath))
        } catch {
            for d in error.diagnostics { Output.err(d.description) }
            return .failure(error.diagnostics.first?.rule == "unknown-rubric" ? .usage : .rubricError)
        }
    }
}
