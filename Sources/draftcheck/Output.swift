import Foundation

/// Writing to standard output and standard error, and knowing whether they are terminals.
enum Output {
    static func out(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func err(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    /// Colour only on a terminal and never when NO_COLOR is set (https://no-color.org).
    static var colourOnStdout: Bool {
        let env = ProcessInfo.processInfo.environment
        if let v = env["NO_COLOR"], !v.isEmpty { return false }
        return isatty(STDOUT_FILENO) != 0 && env["TERM"] != "dumb"
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
