import Foundation
import Testing

/// `draftcheck install` into a temporary PREFIX, the installed tool used from another folder, then
/// `uninstall`; `help COMMAND` and the completion scripts.
@Suite(.serialized) struct InstallTests {
    /// Runs `executable` from `directory` with no rubric folder given in the environment.
    private func run(_ executable: URL, _ arguments: [String], in directory: URL) throws -> ToolRunner.Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["DRAFTCHECK_RUBRICS"] = nil
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolRunner.Result(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func installsIntoAPrefixAndRunsFromAnotherFolder() throws {
        let fm = FileManager.default
        let root = try ToolRunner.tempDir()
        defer { try? fm.removeItem(at: root) }
        let prefix = root.appendingPathComponent("prefix with space")
        let elsewhere = root.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)

        let install = try run(ToolRunner.binary, ["install", "--prefix", prefix.path], in: elsewhere)
        #expect(install.status == 0, "\(install.stderr)")
        let installed = prefix.appendingPathComponent("bin/draftcheck")
        let rubrics = prefix.appendingPathComponent("share/draftcheck/Rubrics")
        #expect(fm.isExecutableFile(atPath: installed.path))
        #expect(fm.fileExists(atPath: rubrics.appendingPathComponent("rubric.schema.json").path))
        #expect(fm.fileExists(atPath: rubrics.appendingPathComponent("lexicon").path))

        // The installed copy of the rubrics is the one used: a rubric removed from it is no longer listed.
        let before = try run(installed, ["rubrics"], in: elsewhere)
        #expect(before.status == 0 && before.stdout.contains("sales-relationships\t"))
        try fm.removeItem(at: rubrics.appendingPathComponent("sales-relationships.json"))
        let after = try run(installed, ["rubrics"], in: elsewhere)
        #expect(!after.stdout.contains("sales-relationships\t") && after.stdout.contains("customer-relationships\t"))

        let sample = ToolRunner.repo.appendingPathComponent("Samples/customer-relationships/merit.md")
        try fm.copyItem(at: sample, to: elsewhere.appendingPathComponent("my essay.md"))
        let check = try run(installed, ["check", "my essay.md", "--rubric", "customer-relationships"], in: elsewhere)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Merit"))

        let again = try run(installed, ["install", "--prefix", prefix.path], in: elsewhere)
        #expect(again.status == 0, "installing over itself is harmless: \(again.stderr)")

        let uninstall = try run(installed, ["uninstall", "--prefix", prefix.path], in: elsewhere)
        #expect(uninstall.status == 0)
        #expect(
            !fm.fileExists(atPath: installed.path)
                && !fm.fileExists(atPath: prefix.appendingPathComponent("share/draftcheck").path))
        #expect(fm.fileExists(atPath: prefix.appendingPathComponent("bin").path), "only our files are removed")
    }

    @Test(arguments: ["check", "batch", "rubrics", "rubric", "install", "uninstall", "completions"])
    func helpCommandMatchesDashDashHelp(command: String) throws {
        let help = try ToolRunner.run(["help", command])
        let dash = try ToolRunner.run([command, "--help"])
        #expect(help.status == 0 && dash.status == 0)
        #expect(help.stdout == dash.stdout && help.stdout.contains("Usage"))
    }

    @Test func helpForAnUnknownCommandIsAUsageError() throws {
        #expect(try ToolRunner.run(["help", "frobnicate"]).status == 2)
    }

    @Test(arguments: ["check", "batch", "install", "compare", "calibrate"])
    func completionOffersEveryOptionTheHelpNames(command: String) throws {
        let help = try ToolRunner.run([command, "--help"]).stdout
        let script = try ToolRunner.run(["completions", "bash"]).stdout
        let line = try #require(
            script.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(command))") })
        let options = Set(
            help.split(whereSeparator: { !($0.isLetter || $0 == "-") }).filter { $0.hasPrefix("--") && $0.count > 2 })
        #expect(!options.isEmpty)
        let offered = Set(line.split(separator: "\"").dropFirst().first?.split(separator: " ").map(String.init) ?? [])
        #expect(offered.contains("--help"))
        for option in options { #expect(offered.contains(String(option)), "completion of \(command) offers \(option)") }
    }

    @Test(arguments: ["bash", "zsh"])
    func completionScriptsParse(shell: String) throws {
        let script = try ToolRunner.run(["completions", shell])
        #expect(script.status == 0 && script.stdout.contains("batch") && script.stdout.contains("--moodle-worksheet"))
        let path = "/bin/\(shell)"
        guard FileManager.default.isExecutableFile(atPath: path) else { return }
        let file = try ToolRunner.tempDir().appendingPathComponent("completion.\(shell)")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Data(script.stdout.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-n", file.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(shell) -n accepts the script")
    }
}
