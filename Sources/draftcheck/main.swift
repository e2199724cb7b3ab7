import DraftcheckKit
import Foundation
import RubricEngine

/// The tool's version.
let version = "0.1.0"

let usage = """
    draftcheck \(version): check an assignment answer against an examiner's rubric before you hand it in.
    Every report is a self-check against the rubric, not a grade.

    Usage:
      draftcheck check FILE... [--rubric ID|PATH] [--format text|json|html|line] [--stdin-filename PATH]
      draftcheck batch FOLDER --rubric ID|PATH --out FOLDER [--jobs N] [--quiet] [--force] [--html]
      draftcheck compare OLD NEW --rubric ID|PATH [--format text|json|html]
                                              what changed between two drafts
      draftcheck text FILE                    the text read from a document
      draftcheck rubrics                      list the built-in rubrics
      draftcheck lsp                          the language server for editors (standard input/output)
      draftcheck rubric lint FILE...          check a rubric file for mistakes
      draftcheck rubric test [ID|FILE]...     run a rubric's own examples
      draftcheck rubric show ID|FILE          the rubric as Markdown
      draftcheck calibrate DIR --rubric ID|PATH --marks marks.csv [--out FILE] [--folds N]
                                              agreement with a tutor's marks; fitted bands
      draftcheck install|uninstall [--prefix PREFIX]   put draftcheck and its rubrics on the PATH
      draftcheck completions bash|zsh         shell completion script
      draftcheck help COMMAND                 the same as `draftcheck COMMAND --help`
      draftcheck --help | --version

    Exit codes:
      0  every file was checked
      1  at least one input file could not be read (the others were checked)
      2  usage error: unknown option, missing argument, unknown rubric id
      3  the rubric could not be loaded, or rubric lint/test found problems

    Run `draftcheck COMMAND --help` for more on a command.

    """

func runCommand(_ args: [String]) -> ExitCode {
    guard let command = args.first else {
        Output.err(usage)
        return .usage
    }
    let rest = Array(args.dropFirst())
    do throws(UsageError) {
        switch command {
        case "--help", "-h":
            Output.out(usage)
            return .success
        case "help":
            guard let topic = rest.first else {
                Output.out(usage)
                return .success
            }
            return runCommand([topic, "--help"])
        case "--version", "-V", "version":
            Output.out("draftcheck \(version)\n")
            return .success
        case "check": return try CheckCommand.run(rest)
        case "rubrics": return try RubricsCommand.list(rest)
        case "rubric": return try RubricsCommand.run(rest)
        case "batch": return try BatchCommand.run(rest)
        case "calibrate": return try CalibrateCommand.run(rest)
        case "compare": return try CompareCommand.run(rest)
        case "text": return try TextCommand.run(rest)
        case "install": return try InstallCommand.run(rest, uninstall: false)
        case "uninstall": return try InstallCommand.run(rest, uninstall: true)
        case "completions": return try CompletionsCommand.run(rest)
        case "lsp": return try LSPCommand.run(rest)
        default:
            throw UsageError(message: "unknown command '\(command)'; run `draftcheck --help` for the commands")
        }
    } catch {
        Output.err("draftcheck: \(error.message)")
        return .usage
    }
}

exit(runCommand(Array(CommandLine.arguments.dropFirst())).rawValue)
