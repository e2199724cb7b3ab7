import DocumentReaders
import Foundation
import Reporter
import RubricEngine
import TextAnalyser

/// Reads one file (any supported format, or "-" for standard input) and assesses it. Never throws:
/// a file that cannot be read becomes a `CheckedDocument` with an error naming what is wrong.
public struct DocumentChecker: Sendable {
    /// The compiled rubric that scores each document.
    public let assessor: Assessor
    let reader = DocumentReader()
    /// The file name standard input is read as (its extension chooses the reader).
    public var standardInputName = "standard-input.txt"

    /// A checker that scores with `assessor`.
    public init(assessor: Assessor) {
        self.assessor = assessor
    }

    /// Reads and assesses one file; "-" is `standardInput`.
    public func check(path: String, standardInput: Data? = nil) -> CheckedDocument {
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
        let assessment = assessor.assess(SourceText(extracted.text))
        return CheckedDocument(
            path: path, assessment: assessment, notes: extracted.notes, paragraphStarts: extracted.paragraphStarts)
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
