import DraftcheckKit

/// A usage error: a bad flag, a missing value or argument. Exit code 2.
struct UsageError: Error {
    var message: String
}

/// Parsed command-line arguments for one subcommand: positionals, options with values, and flags.
struct Arguments {
    var positionals: [String] = []
    var options: [String: String] = [:]
    var flags: Set<String> = []

    /// Parses `args` given the options that take a value and the flags that do not. "--x=v" and "--x v"
    /// both work; "-" is a positional (standard input); "--" ends options.
    init(_ args: [String], options valued: Set<String>, flags known: Set<String>) throws(UsageError) {
        var i = 0
        var onlyPositionals = false
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyPositionals || a == "-" || !a.hasPrefix("-") {
                positionals.append(a)
                continue
            }
            if a == "--" {
                onlyPositionals = true
                continue
            }
            var name = a
            var inline: String?
            if let eq = a.firstIndex(of: "=") {
                name = String(a[..<eq])
                inline = String(a[a.index(after: eq)...])
            }
            if valued.contains(name) {
                if let v = inline {
                    options[name] = v
                } else if i < args.count {
                    options[name] = args[i]
                    i += 1
                } else {
                    throw UsageError(message: "\(name) needs a value")
                }
            } else if known.contains(name) && inline == nil {
                flags.insert(name)
            } else {
                let all = (valued.union(known)).sorted().joined(separator: ", ")
                throw UsageError(message: "unknown option '\(name)'; this command takes: \(all)")
            }
        }
    }

    /// The value of an option restricted to a set of choices.
    func choice(_ name: String, _ choices: [String], default value: String) throws(UsageError) -> String {
        guard let v = options[name] else { return value }
        guard choices.contains(v) else {
            throw UsageError(message: "\(name) must be one of \(choices.joined(separator: ", ")), not '\(v)'")
        }
        return v
    }

    /// The per-document limits, with `--time-limit SECONDS` and `--max-text-size MB` when given.
    func checkLimits() throws(UsageError) -> CheckLimits {
        var limits = CheckLimits.standard
        if let given = options["--time-limit"] {
            guard let seconds = Double(given), seconds > 0, seconds.isFinite else {
                throw UsageError(
                    message: "--time-limit must be a positive number of seconds such as 60, not '\(given)'")
            }
            limits.timeLimit = seconds
        }
        if let given = options["--max-text-size"] {
            guard let megabytes = Double(given), megabytes > 0, megabytes <= 1024 else {
                throw UsageError(
                    message: "--max-text-size must be a number of megabytes above 0 and at most 1024, not '\(given)'")
            }
            limits.maxTextBytes = Int(megabytes * 1_048_576)
        }
        return limits
    }
}
