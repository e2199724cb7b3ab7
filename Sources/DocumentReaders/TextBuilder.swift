/// The kind of paragraph a reader hands to ``TextBuilder``.
enum ParagraphKind: Equatable {
    case plain
    case heading(Int)
    case listItem
    case tableRow
}

/// Assembles the Markdown-flavoured text of a paragraph-based document into one UTF-8 buffer.
///
/// Readers collect the raw text of each paragraph as UTF-8 bytes and hand it over with ``add(_:kind:)``; the
/// builder collapses whitespace, drops empty paragraphs, writes the heading or list prefix, separates
/// paragraphs by one blank line and records where each paragraph begins.
struct TextBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var paragraphStarts: [Int] = []
    private var notes: [[UInt8]] = []

    init(expectedSize: Int = 0) {
        bytes.reserveCapacity(expectedSize)
    }

    /// Adds one paragraph; whitespace runs become one space and an empty paragraph is dropped.
    mutating func add(_ raw: [UInt8], kind: ParagraphKind) {
        guard let first = raw.firstIndex(where: { !Self.isSpace($0) }) else { return }
        if !bytes.isEmpty {
            bytes.append(0x0A)
            bytes.append(0x0A)
        }
        paragraphStarts.append(bytes.count)
        switch kind {
        case .plain, .tableRow:
            break
        case .heading(let level):
            for _ in 0..<min(max(level, 1), 9) { bytes.append(0x23) }
            bytes.append(0x20)
        case .listItem:
            bytes.append(0x2D)
            bytes.append(0x20)
        }
        Self.appendCollapsed(raw[first...], to: &bytes)
    }

    /// Keeps a footnote or endnote to be written at the end under "## Notes".
    mutating func addNote(_ raw: [UInt8]) {
        guard raw.contains(where: { !Self.isSpace($0) }) else { return }
        notes.append(raw)
    }

    /// Whether any paragraph or note with text was added.
    var isEmpty: Bool { paragraphStarts.isEmpty && notes.isEmpty }

    /// Writes the notes and returns the finished document, or throws when it has no text.
    consuming func finish(format: DocumentFormat, notes extraNotes: [String] = []) throws(DocumentReadError)
        -> ExtractedDocument
    {
        guard !isEmpty else { throw DocumentReadError.noText }
        if !notes.isEmpty {
            if !bytes.isEmpty {
                bytes.append(0x0A)
                bytes.append(0x0A)
            }
            bytes.append(contentsOf: "## Notes".utf8)
            for note in notes {
                bytes.append(0x0A)
                bytes.append(0x0A)
                paragraphStarts.append(bytes.count)
                let first = note.firstIndex(where: { !Self.isSpace($0) }) ?? note.startIndex
                Self.appendCollapsed(note[first...], to: &bytes)
            }
        }
        bytes.append(0x0A)
        let text = String(decoding: bytes, as: UTF8.self)
        return ExtractedDocument(text: text, format: format, notes: extraNotes, paragraphStarts: paragraphStarts)
    }

    /// One table row as a paragraph: the cells that have text, joined by " | ".
    static func tableRow(_ cells: [[UInt8]]) -> [UInt8] {
        var row: [UInt8] = []
        for text in cells where text.contains(where: { !isSpace($0) }) {
            if !row.isEmpty { row.append(contentsOf: " | ".utf8) }
            row.append(contentsOf: text)
        }
        return row
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Appends `raw` with every run of ASCII whitespace turned into one space and trailing whitespace removed.
    private static func appendCollapsed(_ raw: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var pendingSpace = false
        for byte in raw {
            if isSpace(byte) {
                pendingSpace = true
            } else {
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(byte)
            }
        }
    }
}
