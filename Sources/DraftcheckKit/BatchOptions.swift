import Foundation

/// What a batch run needs: where the submissions are, where to write, which rubric, how many workers.
public struct BatchOptions: Sendable {
    /// The submissions folder, resolved.
    public var input: URL
    /// The folder as the user named it (shown in reports).
    public var inputArgument: String
    /// The output folder, resolved.
    public var out: URL
    /// A rubric id or path.
    public var rubric: String
    /// Files checked at once.
    public var jobs: Int
    /// No closing summary message.
    public var quiet: Bool
    /// Whether to write an HTML report beside each learner's Markdown feedback.
    public var html = false
    /// The assignment brief, whose wording is not evidence of copying.
    public var task: URL?
    /// Bounds on the text and time one file may take.
    public var limits = CheckLimits.standard
    /// The learning platforms' files to fill.
    public var platform = PlatformExport.Inputs()

    /// Options as given; the caller has validated the folders.
    public init(input: URL, inputArgument: String, out: URL, rubric: String, jobs: Int, quiet: Bool) {
        self.input = input
        self.inputArgument = inputArgument
        self.out = out
        self.rubric = rubric
        self.jobs = jobs
        self.quiet = quiet
    }
}
