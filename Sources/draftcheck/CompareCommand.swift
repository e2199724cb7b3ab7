import DraftcheckKit
import Foundation
import Reporter
import RubricEngine

/// `draftcheck compare OLD NEW --rubric ID|PATH [--format text|json|html]`
enum CompareCommand {
    static let help = """
        Usage: draftcheck compare OLD NEW --rubric ID|PATH [--format text|json|html]

        Checks two drafts of the same answer against a rubric and reports what changed: marks per
        marking point before and after, evidence gained and lost, misconceptions fixed or introduced,
        the word count, and the next steps for the new draft.
        This is a self-check against the rubric, not a grade.

        OLD, NEW  .docx, .odt, .html, .md, .txt or .pdf (needs pdftotext); one of them may be "-"
        --rubric  a built-in rubric id (see `draftcheck rubrics`) or the path to a rubric .json file
        --format  text (default), json or html (one self-contained page)

        """

    static func run(_ args: [String]) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(args, options: ["--rubric", "--format"], flags: ["--help", "-h"])
        if parsed.flags.contains("--help") || parsed.flags.contains("-h") {
            Output.out(help)
            return .success
        }
        guard parsed.positionals.count == 2 else {
            throw UsageError(message: "compare needs two files, the OLD draft and the NEW one")
        }
        guard let rubricArg = parsed.options["--rubric"] else {
            throw UsageError(message: "compare needs --rubric ID|PATH (see `draftcheck rubrics` for the built-in ids)")
        }
        let format = try parsed.choice("--format", ["text", "json", "html"], default: "text")
        let rubric: Rubric
        switch RubricResolver.load(rubricArg) {
        case .success(let r): rubric = r
        case .failure(let code): return code
        }
        let stdin = parsed.positionals.contains("-") ? FileHandle.standardInput.readDataToEndOfFile() : nil
        let docs = DocumentChecker(assessor: Assessor(rubric: rubric)).check(
            paths: parsed.positionals, standardInput: stdin)
        guard let old = docs[0].assessment, let new = docs[1].assessment else {
            for doc in docs where doc.error != nil { Output.err("draftcheck: \(doc.path): \(doc.error!)") }
            return .inputError
        }
        let comparison = DraftComparison(old: old, new: new)
        let (oldPath, newPath) = (docs[0].path, docs[1].path)
        switch format {
        case "json":
            Output.out(ComparisonReporter.json(comparison, oldPath: oldPath, newPath: newPath).serialized() + "\n")
        case "html": Output.out(ComparisonReporter.html(comparison, oldPath: oldPath, newPath: newPath))
        default: Output.out(ComparisonReporter.text(comparison, oldPath: oldPath, newPath: newPath))
        }
        return .success
    }
}
