import DraftcheckKit
import Foundation
import Reporter
import RubricEngine

/// `draftcheck rubrics` and `draftcheck rubric lint|test|show`.
enum RubricsCommand {
    static let listHelp = """
        Usage: draftcheck rubrics

        Lists the built-in rubrics, one a line: its id (for --rubric), a tab, its title.

        """

    static func list(_ args: [String]) throws(UsageError) -> ExitCode {
        if try !Arguments(args, options: [], flags: ["--help", "-h"]).flags.isEmpty {
            Output.out(listHelp)
            return .success
        }
        let loader: RubricLoader
        switch RubricResolver.loader() {
        case .success(let l): loader = l
        case .failure(let code): return code
        }
        let lib = loader.library
        var failed = false
        for entry in RubricCatalog.entries(in: lib) {
            if let title = entry.title {
                Output.out("\(entry.id)\t\(title)\n")
            } else {
                Output.out(
                    "\(entry.id)\t(unreadable: run `draftcheck rubric lint \(lib.directory.path)/\(entry.id).json`)\n")
                failed = true
            }
        }
        return failed ? .rubricError : .success
    }

    static let help = """
        Usage:
          draftcheck rubric lint FILE...        schema and meaning checks, as file:line:column: severity: message
          draftcheck rubric test [ID|FILE]...   run each marking point's and misconception's examples
                                                (all built-in rubrics when none is given)
          draftcheck rubric show ID|FILE        the rubric as Markdown: what the examiner looks for

        Exit code 3 when lint finds an error or a test fails.

        """

    static func run(_ args: [String]) throws(UsageError) -> ExitCode {
        guard let sub = args.first else { throw UsageError(message: "rubric needs a subcommand: lint, test or show") }
        let parsed = try Arguments(Array(args.dropFirst()), options: [], flags: ["--help", "-h"])
        if sub == "--help" || sub == "-h" || parsed.flags.contains("--help") || parsed.flags.contains("-h") {
            Output.out(help)
            return .success
        }
        let loader: RubricLoader
        switch RubricResolver.loader(memo: false) {
        case .success(let l): loader = l
        case .failure(let code): return code
        }
        let lib = loader.library
        switch sub {
        case "lint":
            guard !parsed.positionals.isEmpty else { throw UsageError(message: "rubric lint needs at least one FILE") }
            var errors = 0
            var warnings = 0
            for arg in parsed.positionals {
                let url = lib.url(forID: arg) ?? URL(fileURLWithPath: arg)
                for d in RubricLinter.lint(url: url, loader: loader) {
                    Output.out(d.description + "\n")
                    if d.severity == .error { errors += 1 } else { warnings += 1 }
                }
            }
            Output.err("\(errors) error(s), \(warnings) warning(s)")
            return errors > 0 ? .rubricError : .success
        case "test":
            let targets = parsed.positionals.isEmpty ? lib.builtInIDs() : parsed.positionals
            var failed = false
            for arg in targets {
                do {
                    let rubric = try loader.load(idOrPath: arg)
                    let (count, failures) = RubricTester(rubric: rubric).run()
                    for f in failures { Output.out(f.description + "\n") }
                    Output.out("\(rubric.id): \(count - failures.count) passed, \(failures.count) failed\n")
                    failed = failed || !failures.isEmpty
                } catch {
                    for d in error.diagnostics { Output.err(d.description) }
                    failed = true
                }
            }
            return failed ? .rubricError : .success
        case "show":
            guard parsed.positionals.count == 1 else { throw UsageError(message: "rubric show needs one ID or FILE") }
            switch RubricResolver.load(parsed.positionals[0], using: loader) {
            case .success(let rubric): Output.out(RubricMarkdown.render(rubric))
            case .failure(let code): return code
            }
            return .success
        default:
            throw UsageError(message: "unknown rubric subcommand '\(sub)'; use lint, test or show")
        }
    }
}
