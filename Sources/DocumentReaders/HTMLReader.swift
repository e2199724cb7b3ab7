/// Reads the visible text of an HTML page with a small, tolerant tokenizer (HTML is not XML).
///
/// Headings h1–h6 stay headings, li items become list items, table rows become " | "-joined paragraphs, and p,
/// div, br and other block boundaries separate paragraphs. script, style, noscript, template, head and hidden
/// elements (hidden, aria-hidden="true", display:none) are dropped. Footnote sections (role="doc-endnotes" or
/// class "footnotes") go under "## Notes", and footnote reference and back-link anchors are left out.
enum HTMLReader {
    /// Extracts the visible text of decoded HTML.
    static func read(_ decoded: TextDecoding.Decoded) throws(DocumentReadError) -> ExtractedDocument {
        var parser = Parser(Array(decoded.text.utf8))
        parser.run()
        return try parser.builder.finish(format: .html, notes: decoded.notes)
    }

    /// The character set a `<meta charset="...">` or `<meta http-equiv="Content-Type" content="...; charset=...">`
    /// in the first 1,024 bytes declares, as browsers look for it before decoding.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(1024))
        var k = 0
        while let open = find(Array("<meta".utf8), in: head, from: k, caseInsensitive: true) {
            let close = find([0x3E], in: head, from: open) ?? head.count
            if let at = find(Array("charset".utf8), in: Array(head[open..<close]), from: 0, caseInsensitive: true) {
                var j = open + at + 7
                while j < close && isSpace(head[j]) { j += 1 }
                if j < close && head[j] == 0x3D {  // =
                    j += 1
                    while j < close && (isSpace(head[j]) || head[j] == 0x22 || head[j] == 0x27) { j += 1 }
                    let start = j
                    while j < close
                        && (isAlphanumeric(head[j]) || head[j] == 0x2D || head[j] == 0x5F || head[j] == 0x2E
                            || head[j] == 0x3A)
                    {
                        j += 1
                    }
                    if j > start { return String(decoding: head[start..<j], as: UTF8.self) }
                }
            }
            k = close
        }
        return nil
    }

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    /// Elements whose content is raw text up to their end tag, and is never shown.
    private static let rawTextElements: Set<String> = [
        "script", "style", "noscript", "template", "title", "textarea", "xmp", "iframe", "noembed", "noframes",
    ]
    /// Elements whose whole subtree is not part of the visible text.
    private static let invisibleElements: Set<String> = ["head", "select", "svg", "object", "datalist", "map"]
    /// Elements that start and end a paragraph.
    private static let blockElements: Set<String> = [
        "p", "div", "section", "article", "aside", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "figure",
        "figcaption", "header", "footer", "main", "nav", "address", "hr", "table", "caption", "form", "fieldset",
        "legend", "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "body", "html", "center",
        "hgroup", "thead", "tbody", "tfoot",
    ]
    /// Start tags that close an open p element.
    private static let closesParagraph: Set<String> = [
        "p", "div", "section", "article", "aside", "blockquote", "pre", "ul", "ol", "dl", "figure", "header",
        "footer", "main", "nav", "address", "hr", "table", "form", "fieldset", "details", "h1", "h2", "h3", "h4",
        "h5", "h6", "center", "hgroup",
    ]

    private struct Element {
        var name: String
        var invisible: Bool
        var notes: Bool
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0
        var builder: TextBuilder
        var stack: [Element] = []
        var invisibleCount = 0
        var notesCount = 0
        var current: [UInt8] = []
        var inRow = 0
        var cells: [[UInt8]] = []
        var cell: [UInt8] = []

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            builder = TextBuilder(expectedSize: bytes.count / 2)
        }

        mutating func run() {
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                if byte == 0x3C {  // <
                    tag()
                } else if byte == 0x26 {  // &
                    var decoded: [UInt8] = []
                    i = HTMLReader.decodeEntity(bytes, at: i, into: &decoded)
                    appendText(decoded[...])
                } else {
                    var end = i + 1
                    while end < n && bytes[end] != 0x3C && bytes[end] != 0x26 { end += 1 }
                    appendText(bytes[i..<end])
                    i = end
                }
            }
            while !stack.isEmpty { pop() }
            flush()
        }

        mutating func appendText(_ text: ArraySlice<UInt8>) {
            guard invisibleCount == 0 else { return }
            if inRow > 0 { cell.append(contentsOf: text) } else { current.append(contentsOf: text) }
        }

        /// Ends the paragraph being collected (inside a table cell, just separates with a space).
        mutating func flush() {
            if inRow > 0 {
                cell.append(0x20)
                return
            }
            guard !current.isEmpty else { return }
            if notesCount > 0 {
                builder.addNote(current)
            } else {
                var kind = ParagraphKind.plain
                for element in stack.reversed() {
                    if element.name.utf8.count == 2, element.name.utf8.first == UInt8(ascii: "h"),
                        let level = Int(element.name.dropFirst()), (1...6).contains(level)
                    {
                        kind = .heading(level)
                        break
                    }
                    if element.name == "li" {
                        kind = .listItem
                        break
                    }
                }
                builder.add(current, kind: kind)
            }
            current.removeAll(keepingCapacity: true)
        }

        mutating func tag() {
            let n = bytes.count
            // Comments, doctypes and processing instructions.
            if i + 3 < n && bytes[i + 1] == 0x21 && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D {
                i = HTMLReader.find(Array("-->".utf8), in: bytes, from: i + 4).map { $0 + 3 } ?? n
                return
            }
            if i + 1 < n && (bytes[i + 1] == 0x21 || bytes[i + 1] == 0x3F) {
                i = HTMLReader.find([0x3E], in: bytes, from: i + 2).map { $0 + 1 } ?? n
                return
            }
            let isEnd = i + 1 < n && bytes[i + 1] == 0x2F
            let nameStart = i + (isEnd ? 2 : 1)
            guard nameStart < n, HTMLReader.isLetter(bytes[nameStart]) else {
                appendText([0x3C][...])  // a literal "<"
                i += 1
                return
            }
            var j = nameStart
            while j < n && !HTMLReader.isSpace(bytes[j]) && bytes[j] != 0x3E && bytes[j] != 0x2F { j += 1 }
            let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
            var attributes: [String: String] = [:]
            var selfClosing = false
            // Attributes, up to the closing ">".
            while j < n {
                let byte = bytes[j]
                if byte == 0x3E {
                    j += 1
                    break
                }
                if HTMLReader.isSpace(byte) {
                    j += 1
                    continue
                }
                if byte == 0x2F {
                    selfClosing = j + 1 < n && bytes[j + 1] == 0x3E
                    j += 1
                    continue
                }
                let attrStart = j
                while j < n && !HTMLReader.isSpace(bytes[j]) && bytes[j] != 0x3E && bytes[j] != 0x3D
                    && !(bytes[j] == 0x2F && attrStart != j)
                {
                    j += 1
                }
                let attrName = String(decoding: bytes[attrStart..<j], as: UTF8.self).lowercased()
                while j < n && HTMLReader.isSpace(bytes[j]) { j += 1 }
                var value = ""
                if j < n && bytes[j] == 0x3D {
                    j += 1
                    while j < n && HTMLReader.isSpace(bytes[j]) { j += 1 }
                    if j < n && (bytes[j] == 0x22 || bytes[j] == 0x27) {
                        let quote = bytes[j]
                        let valueStart = j + 1
                        j = valueStart
                        while j < n && bytes[j] != quote { j += 1 }
                        value = String(decoding: bytes[valueStart..<min(j, n)], as: UTF8.self)
                        if j < n { j += 1 }
                    } else {
                        let valueStart = j
                        while j < n && !HTMLReader.isSpace(bytes[j]) && bytes[j] != 0x3E { j += 1 }
                        value = String(decoding: bytes[valueStart..<j], as: UTF8.self)
                    }
                }
                if !attrName.isEmpty && attributes[attrName] == nil { attributes[attrName] = value }
            }
            i = j
            if isEnd { endTag(name) } else { startTag(name, attributes, selfClosing: selfClosing) }
        }

        mutating func startTag(_ name: String, _ attributes: [String: String], selfClosing: Bool) {
            if HTMLReader.rawTextElements.contains(name) {
                // Skip the raw content up to the matching end tag; it is never visible.
                if !selfClosing { i = HTMLReader.findEndTag(name, in: bytes, from: i) }
                return
            }
            if name == "br" {
                flush()
                return
            }
            // Implied end tags.
            if HTMLReader.closesParagraph.contains(name), stack.last?.name == "p" { pop() }
            switch name {
            case "li":
                popUntil("li", stoppingAt: ["ul", "ol", "menu", "table"])
            case "dt", "dd":
                popUntil("dt", stoppingAt: ["dl"])
                popUntil("dd", stoppingAt: ["dl"])
            case "tr":
                popUntil("td", stoppingAt: ["table", "tr"])
                popUntil("th", stoppingAt: ["table", "tr"])
                popUntil("tr", stoppingAt: ["table"])
            case "td", "th":
                popUntil("td", stoppingAt: ["table", "tr"])
                popUntil("th", stoppingAt: ["table", "tr"])
            case "body":
                popUntil("head", stoppingAt: [])
            default:
                break
            }
            if HTMLReader.blockElements.contains(name) { flush() }
            // A self-closed "<tr/>" is an empty row: it opens no element, so it must not enter the row state that
            // only popping a "tr" element leaves (left set, every later paragraph would be swallowed as a cell).
            if name == "tr" && !selfClosing && invisibleCount == 0 && notesCount == 0 {
                if inRow == 0 { cells.removeAll() }
                inRow += 1
            } else if (name == "td" || name == "th") && inRow > 0 {
                cell.removeAll(keepingCapacity: true)
            }
            if HTMLReader.voidElements.contains(name) || selfClosing { return }
            let invisible = HTMLReader.invisibleElements.contains(name) || HTMLReader.isHidden(attributes)
            let role = attributes["role"]?.lowercased() ?? ""
            let classes = attributes["class"]?.lowercased().split(separator: " ") ?? []
            let notes = role == "doc-endnotes" || role == "doc-footnotes" || classes.contains("footnotes")
            stack.append(Element(name: name, invisible: invisible, notes: notes))
            if invisible { invisibleCount += 1 }
            if notes {
                flush()
                notesCount += 1
            }
        }

        mutating func endTag(_ name: String) {
            if name == "br" {
                flush()
                return
            }
            guard stack.contains(where: { $0.name == name }) else {
                if name == "p" { flush() }
                return
            }
            while let top = stack.last {
                pop()
                if top.name == name { break }
            }
        }

        /// Pops elements down to and including `name` unless one of `boundaries` is met first.
        mutating func popUntil(_ name: String, stoppingAt boundaries: Set<String>) {
            guard let index = stack.lastIndex(where: { $0.name == name || boundaries.contains($0.name) }),
                stack[index].name == name
            else { return }
            while stack.count > index { pop() }
        }

        mutating func pop() {
            guard let element = stack.last else { return }
            if element.name == "td" || element.name == "th" {
                if inRow > 0 && invisibleCount == 0 { cells.append(cell) }
                cell.removeAll(keepingCapacity: true)
            } else if element.name == "tr" && inRow > 0 && invisibleCount == 0 && notesCount == 0 {
                inRow -= 1
                if inRow == 0 {
                    current = TextBuilder.tableRow(cells)
                    flush()
                    cells.removeAll()
                }
            } else if HTMLReader.blockElements.contains(element.name) {
                flush()
            }
            stack.removeLast()
            if element.invisible { invisibleCount -= 1 }
            if element.notes {
                flush()
                notesCount -= 1
            }
        }
    }

    /// Whether attributes hide an element: hidden, aria-hidden="true", display:none, visibility:hidden, or a
    /// footnote reference / back-link anchor.
    private static func isHidden(_ attributes: [String: String]) -> Bool {
        if attributes["hidden"] != nil { return true }
        if attributes["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = attributes["style"] {
            let compact = String(style.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        let role = attributes["role"]?.lowercased() ?? ""
        if role == "doc-noteref" || role == "doc-backlink" { return true }
        let classes = attributes["class"]?.lowercased().split(separator: " ") ?? []
        return classes.contains("footnote-ref") || classes.contains("footnote-back")
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 0x30 && b <= 0x39)
    }

    /// The index of the first occurrence of `needle` at or after `from` (ASCII letters matched either case when
    /// `caseInsensitive`; the needle is then given in lower case).
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, caseInsensitive: Bool = false) -> Int? {
        guard !needle.isEmpty, from >= 0 else { return nil }
        var k = from
        while k + needle.count <= bytes.count {
            if caseInsensitive {
                var matches = true
                for (offset, expected) in needle.enumerated() {
                    let byte = bytes[k + offset]
                    if (isLetter(byte) ? byte | 0x20 : byte) != expected {
                        matches = false
                        break
                    }
                }
                if matches { return k }
            } else if bytes[k] == needle[0] && bytes[k..<k + needle.count].elementsEqual(needle) {
                return k
            }
            k += 1
        }
        return nil
    }

    /// The index just past "</name ...>" (case-insensitive) at or after `from`, or the end of the input.
    static func findEndTag(_ name: String, in bytes: [UInt8], from: Int) -> Int {
        let target = Array(name.utf8)
        var k = from
        let n = bytes.count
        while k + 2 + target.count <= n {
            if bytes[k] == 0x3C && bytes[k + 1] == 0x2F {
                var matches = true
                for (offset, expected) in target.enumerated() where bytes[k + 2 + offset] | 0x20 != expected {
                    matches = false
                    break
                }
                let after = k + 2 + target.count
                if matches && (after == n || bytes[after] == 0x3E || isSpace(bytes[after]) || bytes[after] == 0x2F) {
                    return find([0x3E], in: bytes, from: after).map { $0 + 1 } ?? n
                }
            }
            k += 1
        }
        return n
    }

    /// Decodes the character reference starting with "&" at `start`, appends its UTF-8 bytes (or a literal
    /// "&" when it is not a reference) and returns the index after it.
    static func decodeEntity(_ bytes: [UInt8], at start: Int, into out: inout [UInt8]) -> Int {
        let n = bytes.count
        var j = start + 1
        if j < n && bytes[j] == 0x23 {  // &#
            j += 1
            let hex = j < n && (bytes[j] | 0x20) == 0x78
            if hex { j += 1 }
            var value: UInt32 = 0
            var digits = 0
            while j < n {
                let b = bytes[j]
                var digit: UInt32
                if b >= 0x30 && b <= 0x39 {
                    digit = UInt32(b - 0x30)
                } else if hex && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 {
                    digit = UInt32((b | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + digit }
                digits += 1
                j += 1
            }
            guard digits > 0 else {
                out.append(0x26)
                return start + 1
            }
            if j < n && bytes[j] == 0x3B { j += 1 }
            if value == 0 {
                value = 0xFFFD
            } else if value >= 0x80 && value <= 0x9F {
                value = UInt32(TextDecoding.windows1252High[Int(value - 0x80)])
            }
            TextDecoding.appendUTF8(value, to: &out)
            return j
        }
        while j < n && j - start <= 32 && isAlphanumeric(bytes[j]) { j += 1 }
        let nameEnd = j
        guard nameEnd > start + 1 else {
            out.append(0x26)
            return start + 1
        }
        let table = HTMLEntities.table
        if nameEnd < n && bytes[nameEnd] == 0x3B,
            let value = table[String(decoding: bytes[start + 1...nameEnd], as: UTF8.self)]
        {
            out.append(contentsOf: value)
            return nameEnd + 1
        }
        // Legacy references without ";" (e.g. "&copy 2024", "&amp").
        var length = min(nameEnd - start - 1, HTMLEntities.longestLegacyName)
        while length >= 2 {
            if let value = table[String(decoding: bytes[start + 1..<start + 1 + length], as: UTF8.self)] {
                out.append(contentsOf: value)
                return start + 1 + length
            }
            length -= 1
        }
        out.append(0x26)
        return start + 1
    }
}
