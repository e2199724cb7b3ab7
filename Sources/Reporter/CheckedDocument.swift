import RubricEngine
import TextAnalyser

/// One input file's outcome: its assessment, or why it could not be checked.
public struct CheckedDocument: Sendable {
    /// The path as the user gave it ("-" for standard input).
    public var path: String
    /// The assessment, when the file could be read.
    public var assessment: Assessment?
    /// Why the file could not be checked.
    public var error: String?
    /// Notes from reading the file (e.g. the encoding assumed).
    public var notes: [String]
    /// For Word and OpenDocument files: where each source paragraph starts, so positions can be given as
    /// paragraph numbers the learner can find.
    public var paragraphStarts: [Int]?

    /// A checked file.
    public init(path: String, assessment: Assessment, notes: [String] = [], paragraphStarts: [Int]? = nil) {
        self.path = path
        self.assessment = assessment
        self.notes = notes
        self.paragraphStarts = paragraphStarts
    }

    /// A file that could not be checked.
    public init(path: String, error: String) {
        self.path = path
        self.error = error
        self.notes = []
    }

    /// Where a byte offset is, in words the learner can follow: "line 12" or "paragraph 4".
    public func place(ofOffset offset: Int) -> String {
        if let starts = paragraphStarts, !starts.isEmpty {
            var n = 0
            for (i, s) in starts.enumerated() where s <= offset { n = i + 1 }
            return "paragraph \(max(n, 1))"
        }
        guard let a = assessment else { return "" }
        return "line \(a.analysis.source.line(ofOffset: offset))"
    }
}
