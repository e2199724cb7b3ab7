import DocumentReaders
import DraftcheckKit
import Foundation

/// `draftcheck text FILE`: prints the text draftcheck reads from a document, so a learner or tutor can see
/// what was checked when a Word file surprises them.
enum TextCommand {
    static let help = """
        Usage: draftcheck text FILE

        Prints the text draftcheck reads from FILE (.docx, .odt, .html, .md, .txt, or .pdf through
        pdftotext): headings as "# " lines, list items as "- " lines, one blank line between
        paragraphs, table rows with cells joined by " | ", footnotes at the end under "## Notes".
        Notes on reading it (such as an assumed encoding) go to standard error. "-" reads standard input.

        """

    static func run(_ args: [String]) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(args, options: [], flags: ["--help", "-h"])
        if parsed.flags.contains("--help") || parsed.flags.contains("-h") {
            Output.out(help)
            return .success
        }
        guard parsed.positionals.count == 1 else {
            throw UsageError(message: "text needs exactly one FILE (or - for standard input)")
        }
        let path = parsed.positionals[0]
        let reader = DocumentReader()
        do {
            let extracted =
                path == "-"
                ? try reader.read(data: FileHandle.standardInput.readDataToEndOfFile(), fileName: "standard-input.txt")
                : try reader.read(contentsOf: URL(fileURLWithPath: path))
            Output.out(
                extracted.text.hasSuffix("\n") || extracted.text.isEmpty ? extracted.text : extracted.text + "\n")
            for note in extracted.notes { Output.err("draftcheck: \(path): note: \(note)") }
            return .success
        } catch {
            Output.err("draftcheck: \(path): \(error.message)")
            return .inputError
        }
    }
}
