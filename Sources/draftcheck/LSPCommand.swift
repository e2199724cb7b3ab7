import DraftcheckKit
import DraftcheckServer
import Foundation
import JSONRPC

/// `draftcheck lsp`: the language server over standard input and output.
enum LSPCommand {
    static let help = """
        Usage: draftcheck lsp

        Runs draftcheck's language server (LSP 3.17) over standard input and output, for editors:
        diagnostics as you type (misconceptions, weak terms, missing marking points, word limit),
        hover on evidence, and code actions that show the report and the rubric. The rubric comes
        from the nearest .draftcheck.json, overridable by the editor's settings. See README.

        """

    static func run(_ args: [String]) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(args, options: [], flags: ["--help", "-h", "--stdio"])
        if parsed.flags.contains("--help") || parsed.flags.contains("-h") {
            Output.out(help)
            return .success
        }
        // A client that goes away must not kill the server in the middle of a write.
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(
            connection: Connection(input: STDIN_FILENO, output: STDOUT_FILENO),
            rubrics: RubricSource(
                validationMemo: ValidationCacheFile.standard(), lexiconStore: CompiledLexiconCache.standard()),
            version: version)
        return server.run() == 0 ? .success : .inputError
    }
}
