import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads OpenDocument text (.odt) files: headings, paragraphs, lists, tables, footnotes and endnotes, with
/// tracked deletions and annotations (comments) left out.
enum OdtReader {
    static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let tableNS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let styleNS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let svgNS = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"

    /// Extracts the text of the OpenDocument file in `archive`.
    static func read(_ archive: inout ZipArchive) throws(DocumentReadError) -> ExtractedDocument {
        if let manifest = try archive.data(named: "META-INF/manifest.xml"),
            XMLSupport.containsDoctype(manifest) == false,
            String(decoding: manifest, as: UTF8.self).contains("encryption-data")
        {
            throw DocumentReadError(
                "this OpenDocument file is password-protected; save an unprotected copy and check that")
        }
        guard let content = try archive.data(named: "content.xml") else {
            throw DocumentReadError("this OpenDocument file has no content part; save a new copy and check that")
        }
        let styles = StylesDelegate()
        if let stylesXML = try archive.data(named: "styles.xml") {
            try XMLSupport.parse(stylesXML, delegate: styles, part: "the styles")
        }
        let body = ContentDelegate(styles: styles)
        try XMLSupport.parse(content, delegate: body, part: "the main text")
        var builder = TextBuilder(expectedSize: content.count / 4)
        for (text, kind) in body.paragraphs { builder.add(text, kind: kind) }
        for note in body.footnotes + body.endnotes { builder.addNote(note) }
        return try builder.finish(format: .odt)
    }

    /// Paragraph styles: parent and display name, to find "Title" and "Heading N" styles used on text:p.
    private final class StylesDelegate: NSObject, XMLParserDelegate {
        var parents: [String: String] = [:]
        var displayNames: [String: String] = [:]

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes: [String: String] = [:]
        ) {
            guard namespaceURI == OdtReader.styleNS, elementName == "style",
                let name = XMLSupport.attribute(attributes, "name")
            else { return }
            if let parent = XMLSupport.attribute(attributes, "parent-style-name") { parents[name] = parent }
            if let display = XMLSupport.attribute(attributes, "display-name") { displayNames[name] = display }
        }

        /// The heading level a paragraph style implies ("Title" → 1, "Heading 2" → 2), following parents.
        func headingLevel(_ style: String) -> Int? {
            var current: String? = style
            var steps = 0
            while let name = current, steps < 10 {
                let shown = (displayNames[name] ?? name.replacingOccurrences(of: "_20_", with: " ")).lowercased()
                if shown == "title" { return 1 }
                if shown.hasPrefix("heading "), let digit = Int(shown.dropFirst(8)), (1...9).contains(digit) {
                    return digit
                }
                current = parents[name]
                steps += 1
            }
            return nil
        }
    }

    private final class ContentDelegate: NSObject, XMLParserDelegate {
        private let styles: StylesDelegate
        var paragraphs: [([UInt8], ParagraphKind)] = []
        var footnotes: [[UInt8]] = []
        var endnotes: [[UInt8]] = []

        private var inBody = false
        private var skipDepth = 0
        private var paragraphDepth = 0
        private var paragraph: [UInt8] = []
        private var kind = ParagraphKind.plain
        private var listItemDepth = 0

        private var tableDepth = 0
        private var cells: [[UInt8]] = []
        private var cell: [UInt8] = []

        /// Text styles that raise or lower their text, from the automatic styles before the body.
        private var shifts: [String: ScriptShift] = [:]
        private var styleName: String?
        /// Open spans: where each began in the buffer collecting text, and how it shifts its text.
        private var spans: [(start: Int, shift: ScriptShift)] = []

        private var noteDepth = 0
        private var noteIsEndnote = false
        private var noteParagraphDepth = 0
        private var note: [UInt8] = []

        init(styles: StylesDelegate) {
            self.styles = styles
        }

        private func isSkipped(_ name: String, _ ns: String) -> Bool {
            switch ns {
            case OdtReader.textNS:
                return name == "tracked-changes" || name == "note-citation" || name == "sequence-decls"
                    || name == "table-of-content" || name == "variable-decls" || name == "user-field-decls"
            case OdtReader.officeNS:
                return name == "annotation" || name == "forms"
            case OdtReader.svgNS:
                return name == "title" || name == "desc"
            default:
                return false
            }
        }

        /// Appends to whichever buffer is collecting text now.
        private func append(_ byte: UInt8) {
            if noteDepth > 0 {
                if noteParagraphDepth > 0 { note.append(byte) }
            } else if paragraphDepth > 0 {
                paragraph.append(byte)
            }
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes: [String: String] = [:]
        ) {
            if skipDepth > 0 {
                skipDepth += 1
                return
            }
            guard let ns = namespaceURI else { return }
            if ns == OdtReader.officeNS && elementName == "text" {
                inBody = true
                return
            }
            guard inBody else {
                if ns == OdtReader.styleNS { readStyle(elementName, attributes) }
                return
            }
            if isSkipped(elementName, ns) {
                skipDepth = 1
                return
            }
            if ns == OdtReader.tableNS {
                switch elementName {
                case "table":
                    tableDepth += 1
                case "table-row" where tableDepth == 1:
                    cells.removeAll()
                case "table-cell" where tableDepth == 1:
                    cell.removeAll(keepingCapacity: true)
                case "covered-table-cell":
                    skipDepth = 1
                default:
                    break
                }
                return
            }
            guard ns == OdtReader.textNS else { return }
            switch elementName {
            case "p", "h":
                if noteDepth > 0 {
                    noteParagraphDepth += 1
                    if !note.isEmpty { note.append(0x20) }
                    return
                }
                paragraphDepth += 1
                guard paragraphDepth == 1 else {
                    paragraph.append(0x20)  // a text-box paragraph inside this one
                    return
                }
                paragraph.removeAll(keepingCapacity: true)
                if elementName == "h" {
                    let level = XMLSupport.attribute(attributes, "outline-level").flatMap { Int($0) } ?? 1
                    kind = .heading(min(max(level, 1), 9))
                } else if let style = XMLSupport.attribute(attributes, "style-name"),
                    let level = styles.headingLevel(style)
                {
                    kind = .heading(level)
                } else {
                    kind = listItemDepth > 0 ? .listItem : .plain
                }
            case "list-item":
                listItemDepth += 1
            case "note":
                noteDepth += 1
                if noteDepth == 1 {
                    note.removeAll(keepingCapacity: true)
                    noteIsEndnote = XMLSupport.attribute(attributes, "note-class") == "endnote"
                    noteParagraphDepth = 0
                }
            case "s", "tab", "line-break":
                append(0x20)
            case "span":
                let shift = XMLSupport.attribute(attributes, "style-name").flatMap { shifts[$0] } ?? .none
                spans.append((noteDepth > 0 ? note.count : paragraph.count, shift))
            default:
                break
            }
        }

        /// Notes which automatic text styles raise or lower their text (style:text-position="super 58%").
        private func readStyle(_ name: String, _ attributes: [String: String]) {
            if name == "style" {
                styleName = XMLSupport.attribute(attributes, "name")
            } else if name == "text-properties", let style = styleName,
                let position = XMLSupport.attribute(attributes, "text-position")
            {
                let first = position.split(separator: " ").first.map(String.init) ?? ""
                if first == "super" {
                    shifts[style] = .raised
                } else if first == "sub" {
                    shifts[style] = .lowered
                } else if first.hasSuffix("%"), let percent = Double(first.dropLast()), percent != 0 {
                    shifts[style] = percent > 0 ? .raised : .lowered
                }
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            guard let ns = namespaceURI else { return }
            if ns == OdtReader.officeNS && elementName == "text" {
                inBody = false
                return
            }
            guard inBody else { return }
            if ns == OdtReader.tableNS {
                switch elementName {
                case "table":
                    tableDepth = max(0, tableDepth - 1)
                case "table-cell" where tableDepth == 1:
                    cells.append(cell)
                case "table-row" where tableDepth == 1:
                    paragraphs.append((TextBuilder.tableRow(cells), .tableRow))
                    cells.removeAll()
                default:
                    break
                }
                return
            }
            guard ns == OdtReader.textNS else { return }
            switch elementName {
            case "p", "h":
                if noteDepth > 0 {
                    noteParagraphDepth = max(0, noteParagraphDepth - 1)
                    return
                }
                paragraphDepth = max(0, paragraphDepth - 1)
                guard paragraphDepth == 0 else { return }
                if tableDepth > 0 {
                    if !cell.isEmpty { cell.append(0x20) }
                    cell.append(contentsOf: paragraph)
                } else {
                    paragraphs.append((paragraph, kind))
                }
            case "span":
                guard let span = spans.popLast(), span.shift != .none else { return }
                if noteDepth > 0 {
                    if span.start <= note.count { ScriptShift.apply(span.shift, to: &note, from: span.start) }
                } else if span.start <= paragraph.count {
                    ScriptShift.apply(span.shift, to: &paragraph, from: span.start)
                }
            case "list-item":
                listItemDepth = max(0, listItemDepth - 1)
            case "note":
                noteDepth = max(0, noteDepth - 1)
                if noteDepth == 0 {
                    if noteIsEndnote { endnotes.append(note) } else { footnotes.append(note) }
                }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard skipDepth == 0, inBody else { return }
            if noteDepth > 0 {
                if noteParagraphDepth > 0 { note.append(contentsOf: string.utf8) }
            } else if paragraphDepth > 0 {
                paragraph.append(contentsOf: string.utf8)
            }
        }
    }
}
