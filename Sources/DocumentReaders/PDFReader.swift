import Dispatch
import Foundation

/// Reads PDFs by running poppler's `pdftotext -layout -enc UTF-8 FILE -`, found on PATH, with a timeout.
enum PDFReader {
    /// How long pdftotext may run before it is stopped.
    static let timeout: DispatchTimeInterval = .seconds(20)

    static let notInstalled = DocumentReadError(
        "reading PDFs needs the pdftotext program, which is not installed; install poppler-utils (for example `apt-get install poppler-utils` or `brew install poppler`), or save/export the answer as .docx or .txt from the program that made it and check that"
    )

    /// The full path of `pdftotext` on PATH, if installed.
    static func pdftotextPath() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/pdftotext"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Extracts the text of a PDF's bytes.
    static func read(bytes: Data) throws(DocumentReadError) -> ExtractedDocument {
        guard let tool = pdftotextPath() else { throw notInstalled }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("draftcheck-\(UUID().uuidString).pdf")
        do {
            try bytes.write(to: file, options: .atomic)
        } catch {
            throw DocumentReadError(
                "the PDF could not be copied to a temporary file to read it (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", file.path, "-"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw notInstalled
        }
        // Drain both pipes while the process runs, so a large output cannot block it.
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isOutput) in [(output, true), (errors, false)] {
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async(group: group) {
                let data = handle.readDataToEndOfFile()
                collected.store(data, isOutput: isOutput)
            }
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + .seconds(2))
            _ = group.wait(timeout: .now() + .seconds(2))
            throw DocumentReadError(
                "reading the PDF took too long and was stopped; export the answer as .docx or .txt and check that")
        }
        _ = group.wait(timeout: .now() + .seconds(5))
        let (stdout, stderr) = collected.values
        let status = process.terminationStatus
        if status != 0 {
            let message = String(decoding: stderr, as: UTF8.self).lowercased()
            if message.contains("password") || status == 3 {
                throw DocumentReadError(
                    "this PDF is password-protected or does not allow copying its text; save an unprotected copy and check that"
                )
            }
            throw DocumentReadError(
                "the PDF is damaged or could not be read; export the answer again as PDF, .docx or .txt and check that")
        }
        // pdftotext separates pages with form feeds.
        var bytes = [UInt8](stdout)
        for k in bytes.indices where bytes[k] == 0x0C { bytes[k] = 0x0A }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw DocumentReadError(
                "the PDF has no text layer (it may be a scanned image); save or export the answer as .docx or .txt from the program that made it and check that"
            )
        }
        return ExtractedDocument(text: text, format: .pdf, notes: ["text taken from the PDF's layout by pdftotext"])
    }

    /// Output gathered from the reading threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var output = Data()
        private var errors = Data()

        func store(_ data: Data, isOutput: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isOutput { output = data } else { errors = data }
        }

        var values: (Data, Data) {
            lock.lock()
            defer { lock.unlock() }
            return (output, errors)
        }
    }
}
