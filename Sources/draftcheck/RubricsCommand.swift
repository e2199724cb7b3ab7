import Foundation
import RubricEngine

/// `draftcheck rubrics` and `draftcheck rubric lint|test|show`.
enum RubricsCommand {
    static func list(_ args: [String]) throws(UsageError) -> ExitCode {
        _ = try Arguments(args, options: [], flags: [])
        guard let lib = RubricResolver.library() else { return .rubricError }
        let loader: RubricLoader
        do { loader = try RubricLoader(library: lib) } catch {
            for d in error.diagnostics { Output.err(d.description) }
            return .rubricError
        }
        var failed = false
        for id in lib.builtInIDs() {
            do {
                let r = try loader.load(idOrPath: id)
                Output.out("\(id)\t\(r.title)\n")
            } catch {
                Output.out("\(id)\t(does not load: run `draftcheck rubric lint \(lib.directory.path)/\(id).json`)\n")
                failed = true
            }
        }
        return failed ? .rubricError : .success
    }

    static func run(_ args: [String]) throws(UsageError) -> ExitCode {
        throw UsageError(message: "rubric needs a subcommand: lint, test or show")
    }
}
