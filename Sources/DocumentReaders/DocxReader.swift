import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads Word (.docx, Office Open XML) documents: body paragraphs, headings, lists, tables, footnotes and
/// endnotes, with tracked changes read as accepted and comments left out.
enum DocxReader {
    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    /// Extracts the text of the Word document in `archive`, whose parts are `parts`.
    static func read(_ archive: inout ZipArchive, parts: OfficeRelationships.WordParts) throws(DocumentReadError)
        -> ExtractedDocument
    {
        guard let document = try archive.data(named: parts.document) else {
            throw DocumentReadError("this Word document has no main text part; save a new copy and check that")
        }
        var styles = StyleSheet()
        if let stylesPart = parts.styles, let stylesXML = try archive.data(named: stylesPart) {
            let delegate = StylesDelegate()
            try XMLSupport.parse(stylesXML, delegate: delegate, part: "the styles")
            styles = delegate.sheet
        }
        var builder = TextBuilder(expectedSize: document.count / 3)
        let body = BodyDelegate(styles: styles, notesKind: nil)
        try XMLSupport.parse(document, delegate: body, part: "the main text")
        body.flush(into: &builder)
        for (part, kind) in [(parts.footnotes, "footnote"), (parts.endnotes, "endnote")] {
            guard let part, let xml = try archive.data(named: part) else { continue }
            let notes = BodyDelegate(styles: styles, notesKind: kind)
            try XMLSupport.parse(xml, delegate: notes, part: "the \(kind)s")
            notes.flush(into: &builder)
        }
        return try builder.finish(format: .docx)
    }

    /// Paragraph styles by id, from word/styles.xml.
    struct StyleSheet {
        struct Style {
            var name = ""
            var basedOn: String?
            var outlineLevel: Int?
            var hasNumbering = false
        }
        var styles: [String: Style] = [:]

        /// The heading level a paragraph style gives, following `basedOn` a few steps.
        func headingLevel(_ id: String) -> Int? {
            var current: String? = id
            var steps = 0
            while let styleId = current, steps < 10 {
                if let level = Self.level(fromName: styleId, spaced: false) { return level }
                guard let style = styles[styleId] else { return nil }
                if let level = Self.level(fromName: style.name, spaced: true) { return level }
                if let outline = style.outlineLevel { return outline < 9 ? outline + 1 : nil }
                current = style.basedOn
                steps += 1
            }
            return nil
        }

        /// Whether a paragraph style makes its paragraphs list items.
        func isList(_ id: String) -> Bool {
            var current: String? = id
            var steps = 0
            while let styleId = current, steps < 10 {
                guard let style = styles[styleId] else {
                    return styleId.lowercased().hasPrefix("list")
                }
                if style.hasNumbering || style.name.lowercased().hasPrefix("list") { return true }
                current = style.basedOn
                steps += 1
            }
            return false
        }

        /// "Heading3" / "heading 3" → 3, "Title" → 1.
        private static func level(fromName name: String, spaced: Bool) -> Int? {
            let lower = name.lowercased()
            if lower == "title" { return 1 }
            let prefix = spaced ? "heading " : "heading"
            guard lower.hasPrefix(prefix) else { return nil }
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let digit = rest.first?.wholeNumberValue, (1...9).contains(digit) else { return nil }
            return digit
        }
    }

    private final class StylesDelegate: NSObject, XMLParserDelegate {
        var sheet = StyleSheet()
        private var currentId: String?
        private var current = StyleSheet.Style()
        private var inParagraphProperties = false

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes: [String: String] = [:]
        ) {
            guard let ns = namespaceURI, DocxReader.wordNamespaces.contains(ns) else { return }
            switch elementName {
            case "style":
                let type = XMLSupport.attribute(attributes, "type") ?? "paragraph"
                currentId = type == "paragraph" ? XMLSupport.attribute(attributes, "styleId") : nil
                current = StyleSheet.Style()
            case "name" where currentId != nil:
                current.name = XMLSupport.attribute(attributes, "val") ?? ""
            case "basedOn" where currentId != nil:
                current.basedOn = XMLSupport.attribute(attributes, "val")
            case "pPr":
                inParagraphProperties = true
            case "outlineLvl" where currentId != nil && inParagraphProperties:
                current.outlineLevel = XMLSupport.attribute(attributes, "val").flatMap { Int($0) }
            case "numId" where currentId != nil && inParagraphProperties:
                current.hasNumbering = XMLSupport.attribute(attributes, "val") != "0"
            default:
                break
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            guard let ns = namespaceURI, DocxReader.wordNamespaces.contains(ns) else { return }
            if elementName == "pPr" {
                inParagraphProperties = false
            } else if elementName == "style" {
                if let id = currentId { sheet.styles[id] = current }
                currentId = nil
            }
        }
    }

    /// Walks document.xml (or footnotes.xml / endnotes.xml when `notesKind` is set) and collects paragraphs.
    private final class BodyDelegate: NSObject, XMLParserDelegate {
        private let styles: StyleSheet
        private let notesKind: String?

        private var paragraphs: [([UInt8], ParagraphKind)] = []
        private var notes: [[UInt8]] = []

        /// Depth inside an element whose content is left out (deletions, field codes, fallbacks).
        private var skipDepth = 0
        private var paragraphDepth = 0
        private var runDepth = 0
        private var textDepth = 0
        private var inParagraphProperties = false
        private var paragraph: [UInt8] = []
        private var styleId: String?
        private var hasNumbering = false
        private var outlineLevel: Int?

        private var tableDepth = 0
        private var cells: [[UInt8]] = []
        private var cell: [UInt8] = []

        private var inNote = false
        private var note: [UInt8] = []

        /// Where the current run's text starts in `paragraph`, and whether the run is raised or lowered.
        private var runStart = 0
        private var runShift = ScriptShift.none
        /// A drop cap (a paragraph framed as one large first letter) waiting for the paragraph it begins.
        private var isDropCap = false
        private var pendingDropCap: [UInt8] = []

        init(styles: StyleSheet, notesKind: String?) {
            self.styles = styles
            self.notesKind = notesKind
        }

        func flush(into builder: inout TextBuilder) {
            if !pendingDropCap.isEmpty { paragraphs.append((pendingDropCap, .plain)) }  // nothing followed it
            pendingDropCap.removeAll()
            for (text, kind) in paragraphs { builder.add(text, kind: kind) }
            for text in notes { builder.addNote(text) }
        }

        private static let skipped: Set<String> = [
            "del", "moveFrom", "delText", "instrText", "delInstrText", "rPrChange", "pPrChange", "sectPrChange",
            "tblPrChange", "trPrChange", "tcPrChange", "numberingChange", "footnoteReference", "endnoteReference",
            "commentReference", "annotationRef", "footnoteRef", "endnoteRef",
        ]

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes: [String: String] = [:]
        ) {
            if skipDepth > 0 {
                skipDepth += 1
                return
            }
            guard let ns = namespaceURI else { return }
            if ns == DocxReader.markupCompatibility {
                if elementName == "Fallback" { skipDepth = 1 }
                return
            }
            guard DocxReader.wordNamespaces.contains(ns) else { return }
            if Self.skipped.contains(elementName) {
                skipDepth = 1
                return
            }
            switch elementName {
            case "t":
                textDepth += 1
            case "r":
                runDepth += 1
                if runDepth == 1 {
                    runStart = paragraph.count
                    runShift = .none
                }
            case "vertAlign" where runDepth == 1:
                switch XMLSupport.attribute(attributes, "val") {
                case "superscript": runShift = .raised
                case "subscript": runShift = .lowered
                default: runShift = .none
                }
            case "framePr" where inParagraphProperties:
                let dropCap = XMLSupport.attribute(attributes, "dropCap")
                isDropCap = dropCap == "drop" || dropCap == "margin"
            case "tab" where runDepth > 0, "br" where runDepth > 0, "cr" where runDepth > 0:
                paragraph.append(0x20)
            case "noBreakHyphen" where runDepth > 0:
                paragraph.append(0x2D)
            case "p":
                paragraphDepth += 1
                if paragraphDepth == 1 {
                    paragraph.removeAll(keepingCapacity: true)
                    if tableDepth == 0 && !inNote {
                        paragraph.append(contentsOf: pendingDropCap)
                        pendingDropCap.removeAll()
                    }
                    isDropCap = false
                    styleId = nil
                    hasNumbering = false
                    outlineLevel = nil
                } else {
                    paragraph.append(0x20)  // a text box paragraph inside this one
                }
            case "pPr" where paragraphDepth == 1:
                inParagraphProperties = true
            case "pStyle" where inParagraphProperties:
                styleId = XMLSupport.attribute(attributes, "val")
            case "numId" where inParagraphProperties:
                hasNumbering = XMLSupport.attribute(attributes, "val") != "0"
            case "outlineLvl" where inParagraphProperties:
                outlineLevel = XMLSupport.attribute(attributes, "val").flatMap { Int($0) }
            case "tbl":
                tableDepth += 1
                if tableDepth == 1 { cells.removeAll() }
            case "tr" where tableDepth == 1:
                cells.removeAll()
            case "tc" where tableDepth == 1:
                cell.removeAll(keepingCapacity: true)
            case "footnote" where notesKind != nil, "endnote" where notesKind != nil:
                let type = XMLSupport.attribute(attributes, "type") ?? "normal"
                if type == "normal" {
                    inNote = true
                    note.removeAll(keepingCapacity: true)
                } else {
                    skipDepth = 1  // separators and continuation notices
                }
            default:
                break
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            guard let ns = namespaceURI, DocxReader.wordNamespaces.contains(ns) else { return }
            switch elementName {
            case "t":
                textDepth = max(0, textDepth - 1)
            case "r":
                runDepth = max(0, runDepth - 1)
                if runDepth == 0 && runShift != .none && runStart <= paragraph.count {
                    ScriptShift.apply(runShift, to: &paragraph, from: runStart)
                }
            case "pPr":
                inParagraphProperties = false
            case "p":
                paragraphDepth = max(0, paragraphDepth - 1)
                if paragraphDepth == 0 { endParagraph() }
            case "tc" where tableDepth == 1:
                cells.append(cell)
            case "tr" where tableDepth == 1:
                emit(TextBuilder.tableRow(cells), .tableRow)
                cells.removeAll()
            case "tbl":
                tableDepth = max(0, tableDepth - 1)
            case "footnote" where notesKind != nil, "endnote" where notesKind != nil:
                if inNote { notes.append(note) }
                inNote = false
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard skipDepth == 0, textDepth > 0, paragraphDepth > 0 else { return }
            paragraph.append(contentsOf: string.utf8)
        }

        private func endParagraph() {
            inParagraphProperties = false
            // The letter of a drop cap begins the next paragraph's first word ("T" + "he market" is "The market").
            if isDropCap && tableDepth == 0 && !inNote && paragraph.count <= 16 {
                pendingDropCap = paragraph
                isDropCap = false
                return
            }
            if tableDepth > 0 {
                if !cell.isEmpty { cell.append(0x20) }
                cell.append(contentsOf: paragraph)
                return
            }
            var kind = ParagraphKind.plain
            if let id = styleId, let level = styles.headingLevel(id) {
                kind = .heading(level)
            } else if let outline = outlineLevel, outline < 9 {
                kind = .heading(outline + 1)
            } else if hasNumbering || (styleId.map { styles.isList($0) } ?? false) {
                kind = .listItem
            }
            emit(paragraph, kind)
        }

        private func emit(_ text: [UInt8], _ kind: ParagraphKind) {
            if inNote {
                if !note.isEmpty { note.append(0x20) }
                note.append(contentsOf: text)
            } else if notesKind == nil {
                paragraphs.append((text, kind))
            }
        }
    }
}
