import DocumentReaders
import Foundation
import Reporter
import RubricEngine
import TextAnalyser

/// Reads one file (any supported format, or "-" for standard input) and assesses it. Never throws:
/// a file that cannot be read becomes a `CheckedDocument` with an error naming what is wrong.
struct DocumentChecker: Sendable {
    let assessor: Assessor
    let reader = DocumentReader()

    func check(path: String, standardInput: Data? = nil) -> CheckedDocument {
        let extracted: ExtractedDocument
        do {
            if path == "-" {
                extracted = try reader.read(data: standardInput ?? Data(), fileName: "standard-input.txt")
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
    func check(paths: [String], standardInput: Data?) -> [CheckedDocument] {
        if paths.count == 1 { return [check(path: paths[0], standardInput: standardInput)] }
        let results = ResultSlots<CheckedDocument>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            results.set(i, check(path: paths[i], standardInput: standardInput))
        }
        return results.values
    }
}

/// Fixed slots that concurrent workers fill by index.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
