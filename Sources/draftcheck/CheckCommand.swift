import Foundation
import Reporter
import RubricEngine

/// `draftcheck check FILE... --rubric ID|PATH [--format text|json]`
enum CheckCommand {
    static let help = """
        Usage: draftcheck check FILE... --rubric ID|PATH [--format text|json]

        Checks each answer against a rubric and reports the marks per marking point, the sentences
        that earned them, what would reach the next level, misconceptions to fix and the word count.
        This is a self-check against the rubric, not a grade.

        FILE      .docx, .odt, .html, .md, .txt or .pdf (needs pdftotext); "-" reads standard input
        --rubric  a built-in rubric id (see `draftcheck rubrics`) or the path to a rubric .json file
        --format  text (default) or json (the versioned JSON contract; see README)

        """

    static func run(_ args: [String]) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(args, options: ["--rubric", "--format"], flags: ["--help", "-h"])
        if parsed.flags.contains("--help") || parsed.flags.contains("-h") {
            Output.out(help)
            return .success
        }
        guard let rubricArg = parsed.options["--rubric"] else {
            throw UsageError(message: "check needs --rubric ID|PATH (see `draftcheck rubrics` for the built-in ids)")
        }
        let format = try parsed.choice("--format", ["text", "json"], default: "text")
        guard !parsed.positionals.isEmpty else {
            throw UsageError(message: "check needs at least one FILE (or - for standard input)")
        }
        guard let rubric = RubricResolver.load(rubricArg) else {
            return RubricResolver.lastExitCode
        }
        let stdin = parsed.positionals.contains("-") ? FileHandle.standardInput.readDataToEndOfFile() : nil
        let checker = DocumentChecker(assessor: Assessor(rubric: rubric))
        let docs = checker.check(paths: parsed.positionals, standardInput: stdin)
        if format == "json" {
            Output.out(JSONReporter.render(rubric: rubric, documents: docs))
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

/// Loads a rubric from an id or path and prints any problem as diagnostics.
enum RubricResolver {
    nonisolated(unsafe) static var lastExitCode: ExitCode = .rubricError

    static func library() -> RubricLibrary? {
        let lib = RubricLibrary.locate()
        if lib == nil {
            Output.err("draftcheck: the built-in rubrics were not found; set DRAFTCHECK_RUBRICS to the Rubrics folder")
        }
        return lib
    }

    static func load(_ idOrPath: String) -> Rubric? {
        guard let lib = library() else { return nil }
        do {
            let loader = try RubricLoader(library: lib)
            return try loader.load(idOrPath: idOrPath)
        } catch {
            for d in error.diagnostics { Output.err(d.description) }
            lastExitCode = error.diagnostics.first?.rule == "unknown-rubric" ? .usage : .rubricError
            return nil
        }
    }
}
