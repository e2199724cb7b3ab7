import Foundation

/// The kinds of file a ``DocumentReader`` understands.
public enum DocumentFormat: String, Sendable {
    case text, markdown, html, docx, odt, pdf
}

/// What a reader extracted from one file.
public struct ExtractedDocument: Sendable, Equatable {
    /// Markdown-flavoured UTF-8 text.
    ///
    /// Headings are "# " / "## " lines (level from the heading style), list items "- " lines, paragraphs are
    /// separated by exactly one blank line, each table row is its own paragraph with cells joined by " | ", and
    /// footnotes and endnotes are appended at the end under a "## Notes" heading, one paragraph each.
    /// For .txt and .md files this is the decoded text unchanged (byte-order mark removed).
    public var text: String
    /// The format the text was read as.
    public var format: DocumentFormat
    /// Human-readable notes for the report, e.g. "no byte-order mark and not valid UTF-8; read as Windows-1252".
    public var notes: [String]
    /// For paragraph-based formats (docx, odt, html): the UTF-8 byte offset in ``text`` at which source paragraph n
    /// (index n-1) begins, so that a report can say "paragraph 12".
    ///
    /// Only paragraphs that have text are counted (empty paragraphs are dropped from ``text``); headings, list
    /// items, table rows and notes each count as one paragraph; the synthetic "## Notes" heading does not.
    /// `nil` for line-based formats (txt, md, pdf).
    public var paragraphStarts: [Int]?

    /// Creates an extracted document.
    public init(text: String, format: DocumentFormat, notes: [String] = [], paragraphStarts: [Int]? = nil) {
        self.text = text
        self.format = format
        self.notes = notes
        self.paragraphStarts = paragraphStarts
    }
}

/// Size limits that protect the reader against hostile or broken files.
public struct ReadLimits: Sendable {
    /// The largest file accepted, in bytes.
    public var maxInputBytes: Int
    /// The most bytes that may be decompressed from one archive in total (enforced while inflating).
    public var maxDecompressedBytes: Int
    /// The most entries an archive's central directory may list.
    public var maxEntryCount: Int

    /// Creates limits; the defaults are those of ``default``.
    public init(maxInputBytes: Int = 50 << 20, maxDecompressedBytes: Int = 200 << 20, maxEntryCount: Int = 5_000) {
        self.maxInputBytes = maxInputBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxEntryCount = maxEntryCount
    }

    /// 50 MB of input, 200 MB decompressed in total, 5,000 archive entries.
    public static let `default` = ReadLimits()
}

/// Why a file could not be read, in plain words for a learner or tutor.
///
/// The caller prefixes the file's path, so the message never repeats it.
public struct DocumentReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A plain-words explanation, e.g. "this Word document is password-protected; save an unprotected copy and check that".
    public var message: String

    /// Creates an error with the given message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }

    static let noText = DocumentReadError("the document has no text")
}

/// Reads learner answers from .txt, .md, .html, .docx, .odt and .pdf files.
///
/// The format is chosen by the file's extension and verified against the content's magic bytes, so a renamed
/// file is reported rather than mis-read. Every failure is one ``DocumentReadError``; hostile input never traps.
public struct DocumentReader: Sendable {
    /// The limits this reader enforces.
    public var limits: ReadLimits

    /// Creates a reader with the given limits.
    public init(limits: ReadLimits = .default) {
        self.limits = limits
    }

    /// Reads the file at `url`; the format is chosen by its extension and checked against its content.
    public func read(contentsOf url: URL) throws(DocumentReadError) -> ExtractedDocument {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            // Read one byte past the limit so that an oversized file is detected without loading all of it.
            data = try handle.read(upToCount: limits.maxInputBytes + 1) ?? Data()
        } catch {
            throw Self.openError(error, url: url)
        }
        return try read(data: data, fileName: url.lastPathComponent)
    }

    /// Reads a file's bytes; `fileName` (only its extension matters) chooses the format.
    public func read(data: Data, fileName: String) throws(DocumentReadError) -> ExtractedDocument {
        guard data.count <= limits.maxInputBytes else {
            throw DocumentReadError(
                "the file is too large to check (more than \(Self.megabytes(limits.maxInputBytes))); "
                    + "save the answer on its own in a smaller file")
        }
        guard !data.isEmpty else { throw DocumentReadError("the file is empty") }
        let bytes = [UInt8](data)
        let ext = (fileName as NSString).pathExtension.lowercased()
        let sniffed = Sniffed(bytes)

        switch ext {
        case "docx", "docm", "dotx":
            return try readOfficeArchive(bytes, named: .docx, sniffed: sniffed)
        case "odt", "ott":
            return try readOfficeArchive(bytes, named: .odt, sniffed: sniffed)
        case "pdf":
            guard sniffed == .pdf else {
                throw DocumentReadError(
                    "this file is named .pdf but is \(sniffed.description); save the answer again as a PDF, .docx or .txt"
                )
            }
            return try PDFReader.read(bytes: data)
        case "txt", "text", "md", "markdown", "mdown", "html", "htm", "xhtml":
            if let kind = sniffed.binaryKind {
                throw DocumentReadError(
                    "this file is named .\(ext) but is really \(kind); rename it with the right extension or save the answer again as plain text"
                )
            }
            let isHTML = ext == "html" || ext == "htm" || ext == "xhtml"
            let decoded =
                isHTML
                ? try TextDecoding.decode(bytes, declaredCharset: HTMLReader.declaredCharset(bytes))
                : try TextDecoding.decode(bytes)
            switch ext {
            case "html", "htm", "xhtml":
                return try HTMLReader.read(decoded)
            default:
                let format: DocumentFormat = (ext == "txt" || ext == "text") ? .text : .markdown
                guard decoded.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                    throw DocumentReadError.noText
                }
                return ExtractedDocument(text: decoded.text, format: format, notes: decoded.notes)
            }
        case "doc":
            throw DocumentReadError(
                "this is an old-style .doc Word file, which draftcheck cannot read; open it in Word or LibreOffice, save it as .docx and check that"
            )
        case "rtf":
            throw DocumentReadError(
                "draftcheck cannot read .rtf files; save the answer as .docx or .txt and check that")
        case "pages":
            throw DocumentReadError(
                "draftcheck cannot read Pages files; export the answer as .docx or .pdf from Pages and check that")
        default:
            let shown = ext.isEmpty ? "files without an extension" : ".\(ext) files"
            throw DocumentReadError(
                "draftcheck cannot read \(shown); it reads .txt, .md, .html, .docx, .odt and .pdf")
        }
    }

    /// Reads a ZIP-based office file (docx or odt), after checking that it really is one.
    private func readOfficeArchive(
        _ bytes: [UInt8], named: DocumentFormat, sniffed: Sniffed
    ) throws(DocumentReadError) -> ExtractedDocument {
        let kindName = named == .docx ? "Word document" : "OpenDocument text file"
        switch sniffed {
        case .zip:
            break
        case .ole:
            throw DocumentReadError(
                "this \(kindName) is password-protected or in the old .doc format; save an unprotected copy as .\(named.rawValue) and check that"
            )
        default:
            throw DocumentReadError(
                "this file is named .\(named.rawValue) but is really \(sniffed.description); rename it with the right extension or save the answer again as a \(kindName)"
            )
        }
        var archive = try ZipArchive(bytes: bytes, limits: limits)
        if let parts = try OfficeRelationships.wordParts(in: &archive) {
            var document = try DocxReader.read(&archive, parts: parts)
            if named != .docx {
                document.notes.insert(
                    "the file is named .\(named.rawValue) but is a Word document; read as Word", at: 0)
            }
            return document
        }
        if archive.entry(named: "content.xml") != nil {
            var document = try OdtReader.read(&archive)
            if named != .odt {
                document.notes.insert(
                    "the file is named .\(named.rawValue) but is an OpenDocument text file; read as OpenDocument", at: 0
                )
            }
            return document
        }
        if archive.entry(named: "EncryptedPackage") != nil {
            throw DocumentReadError(
                "this \(kindName) is password-protected; save an unprotected copy and check that")
        }
        throw DocumentReadError(
            "this file is a ZIP archive but not a \(kindName) (it has no \(named == .docx ? "word/document.xml" : "content.xml")); save the answer again as a \(kindName)"
        )
    }

    private static func openError(_ error: any Error, url: URL) -> DocumentReadError {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError:
                return DocumentReadError("the file does not exist")
            case NSFileReadNoPermissionError:
                return DocumentReadError("the file cannot be opened: permission denied")
            default:
                break
            }
        }
        if nsError.domain == NSPOSIXErrorDomain {
            if nsError.code == Int(ENOENT) { return DocumentReadError("the file does not exist") }
            if nsError.code == Int(EACCES) { return DocumentReadError("the file cannot be opened: permission denied") }
            if nsError.code == Int(EISDIR) { return DocumentReadError("this is a folder, not a file") }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return DocumentReadError("this is a folder, not a file") }
        } else {
            return DocumentReadError("the file does not exist")
        }
        return DocumentReadError("the file cannot be opened (\(nsError.localizedDescription))")
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(max(1, bytes >> 10)) KB"
    }
}

/// What a file's first bytes say it is.
private enum Sniffed: Equatable {
    case zip, pdf, ole, rtf, image, other

    init(_ bytes: [UInt8]) {
        func starts(_ magic: [UInt8]) -> Bool {
            bytes.count >= magic.count && bytes[0..<magic.count].elementsEqual(magic)
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            self = .zip
        } else if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            self = .ole
        } else if starts(Array("{\\rtf".utf8)) {
            self = .rtf
        } else if starts([0x89, 0x50, 0x4E, 0x47]) || starts([0xFF, 0xD8, 0xFF]) || starts(Array("GIF8".utf8)) {
            self = .image
        } else {
            // PDF readers accept "%PDF-" anywhere in the first kilobyte.
            let head = bytes.prefix(1024)
            let magic = Array("%PDF-".utf8)
            var found = false
            if head.count >= magic.count {
                for start in head.startIndex...(head.endIndex - magic.count)
                where head[start] == 0x25 && head[start..<start + magic.count].elementsEqual(magic) {
                    found = true
                    break
                }
            }
            self = found ? .pdf : .other
        }
    }

    /// For content that is certainly not text, what it is in words.
    var binaryKind: String? {
        self == .other ? nil : description
    }

    var description: String {
        switch self {
        case .zip: return "a ZIP archive (perhaps a Word or OpenDocument file)"
        case .pdf: return "a PDF"
        case .ole: return "an old-format Office file or a password-protected document"
        case .rtf: return "a Rich Text (.rtf) file"
        case .image: return "an image"
        case .other: return "not a file of that kind"
        }
    }
}
