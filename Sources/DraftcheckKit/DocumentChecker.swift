import DocumentReaders
import Foundation
import Reporter
import RubricEngine
import TextAnalyser

/// Bounds on the work one document may cause, so that a batch run over hundreds of files keeps going
/// whatever a file holds. The readers bound what they read and unpack (`ReadLimits`); these bound the text
/// analysed (and with it the memory the analysis takes, which grows in step with the text) and the time.
public struct CheckLimits: Sendable, Equatable {
    /// The most text, in UTF-8 bytes after extraction, that is analysed; a longer document is reported as too
    /// long, not checked. The default, 2 MB, is about 330,000 words: far beyond any assignment (a 20,000-word
    /// dissertation is about 130 KB). Analysis takes memory in step with the text: about 170 bytes a byte.
    public var maxTextBytes: Int
    /// Seconds a document may take to be read and checked; a slower one is reported as such and skipped.
    public var timeLimit: Double

    /// The defaults: 2 MB of text and 60 seconds.
    public static let standard = CheckLimits(maxTextBytes: 2 << 20, timeLimit: 60)

    /// Limits as given.
    public init(maxTextBytes: Int, timeLimit: Double) {
        self.maxTextBytes = maxTextBytes
        self.timeLimit = timeLimit
    }
}

/// Reads one file (any supported format, or "-" for standard input) and assesses it. Never throws:
/// a file that cannot be read, is too long or takes too long becomes a `CheckedDocument` with an error
/// naming what is wrong.
public struct DocumentChecker: Sendable {
    /// The compiled rubric that scores each document.
    public let assessor: Assessor
    let reader = DocumentReader()
    /// The file name standard input is read as (its extension chooses the reader).
    public var standardInputName = "standard-input.txt"
    /// Bounds on the text and time one document may take.
    public var limits: CheckLimits

    /// A checker that scores with `assessor`.
    public init(assessor: Assessor, limits: CheckLimits = .standard) {
        self.assessor = assessor
        self.limits = limits
    }

    /// Reads and assesses one file; "-" is `standardInput`. The work runs on a worker thread watched by a
    /// timer: past `limits.timeLimit` the document is reported as taking too long and the caller goes on
    /// (the abandoned work is bounded by `limits.maxTextBytes`, and its result is dropped).
    public func check(path: String, standardInput: Data? = nil) -> CheckedDocument {
        let slot = ResultSlots<CheckedDocument>(count: 1)
        let done = DispatchSemaphore(value: 0)
        // A queue of its own gets a thread of its own even when every pool thread is busy (the callers run
        // on pool threads and wait here), so the wait can never starve the work it waits for.
        DispatchQueue(label: "draftcheck.check").async {
            slot.set(0, checkNow(path: path, standardInput: standardInput))
            done.signal()
        }
        let seconds = limits.timeLimit.isFinite ? max(0, min(limits.timeLimit, 1e6)) : 1e6
        guard done.wait(timeout: .now() + seconds) == .success else {
            return CheckedDocument(
                path: path,
                error:
                    "took longer than \(Self.seconds(limits.timeLimit)) to check and was skipped; if it is an answer "
                    + "of ordinary length, please report it (--time-limit sets the limit)")
        }
        return slot.values[0]
    }

    /// "60 seconds", "1 second", "0.5 seconds", "0.000001 seconds".
    static func seconds(_ value: Double) -> String {
        var shown = String(format: "%.6f", value)
        while shown.hasSuffix("0") { shown.removeLast() }
        if shown.hasSuffix(".") { shown.removeLast() }
        if shown == "0" { shown = String(format: "%g", value) }
        return shown + (value == 1 ? " second" : " seconds")
    }

    /// Reads and assesses one file on the calling thread, with the text limit but no timer.
    func checkNow(path: String, standardInput: Data? = nil) -> CheckedDocument {
        let extracted: ExtractedDocument
        do {
            if path == "-" {
                extracted = try reader.read(data: standardInput ?? Data(), fileName: standardInputName)
            } else {
                extracted = try reader.read(contentsOf: URL(fileURLWithPath: path))
            }
        } catch {
            return CheckedDocument(path: path, error: error.message)
        }
        let size = extracted.text.utf8.count
        guard size <= limits.maxTextBytes else {
            return CheckedDocument(
                path: path,
                error:
                    "its text is \(Self.size(size, beside: limits.maxTextBytes)), more than the "
                    + "\(Self.size(limits.maxTextBytes, beside: size)) "
                    + "draftcheck checks in one document; check the answer on its own, without appendices or data")
        }
        let assessment = assessor.assess(SourceText(extracted.text))
        return CheckedDocument(
            path: path, assessment: assessment, notes: extracted.notes, paragraphStarts: extracted.paragraphStarts)
    }

    /// A byte count in kilobytes or megabytes, one decimal; in bytes when `other` would read the same.
    static func size(_ bytes: Int, beside other: Int) -> String {
        func rounded(_ n: Int) -> String {
            n < 1 << 20 ? String(format: "%.1f KB", Double(n) / 1024) : String(format: "%.1f MB", Double(n) / 1_048_576)
        }
        return rounded(bytes) == rounded(other) ? "\(bytes) bytes" : rounded(bytes)
    }

    /// Checks several files on all cores; results come back in the order given.
    public func check(paths: [String], standardInput: Data?) -> [CheckedDocument] {
        if paths.count == 1 { return [check(path: paths[0], standardInput: standardInput)] }
        let results = ResultSlots<CheckedDocument>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            results.set(i, check(path: paths[i], standardInput: standardInput))
        }
        return results.values
    }
}

/// Fixed slots that concurrent workers fill by index.
public final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    /// `count` empty slots.
    public init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// Fills slot `i`.
    public func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    /// Every slot's value, once all are filled.
    public var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
