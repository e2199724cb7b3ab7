import DraftcheckKit
import Foundation
import RubricEngine

/// `draftcheck install [--prefix PREFIX]` and `draftcheck uninstall [--prefix PREFIX]`: put this binary in
/// PREFIX/bin and the built-in rubrics in PREFIX/share/draftcheck/Rubrics (where `RubricLibrary.locate`
/// looks first, beside the executable), or take them away again.
enum InstallCommand {
    static let help = """
        Usage: draftcheck install [--prefix PREFIX]
               draftcheck uninstall [--prefix PREFIX]

        install copies this draftcheck binary to PREFIX/bin/draftcheck and the built-in rubrics to
        PREFIX/share/draftcheck/Rubrics, where the installed binary finds them from any folder.
        Build a release binary first, from the clone:
          swift build -c release && .build/release/draftcheck install
        uninstall removes PREFIX/bin/draftcheck and PREFIX/share/draftcheck.

        --prefix  where to install (default: ~/.local, which needs no administrator rights;
                  use /usr/local with sudo for every user of the machine)

        Exit codes: 0 done, 1 a file could not be copied or removed, 2 usage error.

        """

    static func run(_ args: [String], uninstall: Bool) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(args, options: ["--prefix"], flags: ["--help", "-h"])
        if parsed.flags.contains("--help") || parsed.flags.contains("-h") {
            Output.out(help)
            return .success
        }
        guard parsed.positionals.isEmpty else {
            throw UsageError(
                message: "\(uninstall ? "uninstall" : "install") takes no arguments besides --prefix PREFIX")
        }
        let prefix = URL(
            fileURLWithPath: NSString(string: parsed.options["--prefix"] ?? defaultPrefix).expandingTildeInPath
        ).standardizedFileURL
        do {
            if uninstall { try remove(from: prefix) } else { try install(into: prefix) }
            return .success
        } catch {
            Output.err("draftcheck: \(error.localizedDescription)")
            return .inputError
        }
    }

    /// ~/.local: on the PATH of most Linux desktops and writable without sudo.
    static var defaultPrefix: String {
        (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.local"
    }

    private static func install(into prefix: URL) throws {
        let fm = FileManager.default
        guard let library = RubricLibrary.locate() else {
            throw Failure("the built-in Rubrics folder was not found; run install from a binary built in the clone")
        }
        let binary = URL(fileURLWithPath: executablePath()).resolvingSymlinksInPath()
        let bin = prefix.appendingPathComponent("bin")
        let share = prefix.appendingPathComponent("share/draftcheck")
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        try fm.createDirectory(at: share, withIntermediateDirectories: true)
        let target = bin.appendingPathComponent("draftcheck")
        if binary.path != target.resolvingSymlinksInPath().path {
            try replace(target, with: binary)
        }
        let rubrics = share.appendingPathComponent("Rubrics")
        if library.directory.resolvingSymlinksInPath().path != rubrics.resolvingSymlinksInPath().path {
            try replace(rubrics, with: library.directory)
        }
        Output.out("installed \(target.path)\nand the built-in rubrics in \(rubrics.path)\n")
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        if !path.contains(bin.path) && !path.contains(bin.path + "/") {
            Output.out(
                "\(bin.path) is not on your PATH; add it, e.g. in ~/.profile: export PATH=\"\(bin.path):$PATH\"\n")
        }
    }

    private static func remove(from prefix: URL) throws {
        let fm = FileManager.default
        let target = prefix.appendingPathComponent("bin/draftcheck")
        let share = prefix.appendingPathComponent("share/draftcheck")
        var removed: [String] = []
        for url in [target, share] where fm.fileExists(atPath: url.path) {
            try fm.removeItem(at: url)
            removed.append(url.path)
        }
        Output.out(
            removed.isEmpty
                ? "nothing to remove under \(prefix.path)\n" : "removed " + removed.joined(separator: " and ") + "\n")
    }

    /// Copies `source` (a file or a folder) beside `target`, then swaps it into place, so that an
    /// interrupted install leaves the previous copy working.
    private static func replace(_ target: URL, with source: URL) throws {
        let fm = FileManager.default
        let tmp = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).installing-\(getpid())")
        try? fm.removeItem(at: tmp)
        try fm.copyItem(at: source, to: tmp)
        if fm.fileExists(atPath: target.path) {
            _ = try fm.replaceItemAt(target, withItemAt: tmp)
        } else {
            try fm.moveItem(at: tmp, to: target)
        }
    }

    /// This process's executable, also when it was started through a relative path or the PATH.
    private static func executablePath() -> String {
        if let url = Bundle.main.executableURL { return url.path }
        return CommandLine.arguments.first ?? "draftcheck"
    }

    private struct Failure: LocalizedError {
        var errorDescription: String?
        init(_ message: String) { errorDescription = message }
    }
}
