/// The documented exit codes.
enum ExitCode: Int32, Error {
    /// Every file was checked (whatever the marks: this is a self-check, not a pass/fail gate).
    case success = 0
    /// At least one input file could not be read or checked; the others were.
    case inputError = 1
    /// The command line was wrong: unknown option, missing argument, unknown rubric id.
    case usage = 2
    /// The rubric could not be loaded, or `rubric lint`/`rubric test` found problems.
    case rubricError = 3
}
