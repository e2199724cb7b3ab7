import Foundation

/// One structural unit of an answer: a heading, a paragraph or a list item.
public struct Block: Sendable, Equatable {
    /// What kind of unit this is.
    public enum Kind: Sendable, Equatable {
        /// A heading; level 1-6 from Markdown, 0 for a short title-like line in plain text.
        case heading(level: Int)
        /// A paragraph of running text (also a table row).
        case paragraph
        /// A bulleted or numbered list item (the marker is not part of its range).
        case listItem
    }

    /// What kind of unit this is.
    public var kind: Kind
    /// Byte range of the content, markers and surrounding whitespace excluded.
    public var range: Range<Int>
    /// Index of the heading block this block sits under, or nil before the first heading.
    public var heading: Int?
    /// True inside a "References" / "Bibliography" section.
    public var isReferenceList: Bool

    /// True for headings.
    public var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }
}

/// Splits Markdown or plain text into headings, paragraphs and list items.
enum StructureParser {
    private struct Line {
        var start: Int
        var end: Int  // exclusive, without the newline
    }

    static func parse(_ bytes: [UInt8]) -> [Block] {
        var blocks: [Block] = []
        bytes.withUnsafeBufferPointer { buf in
            var builder = Builder(buf: buf)
            var lineStart = 0
            let n = buf.count
            while lineStart <= n {
                var lineEnd = lineStart
                while lineEnd < n && buf[lineEnd] != 0x0A { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart && buf[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                builder.consume(Line(start: lineStart, end: contentEnd))
                if lineEnd >= n { break }
                lineStart = lineEnd + 1
            }
            builder.flush()
            blocks = builder.blocks
        }
        markSections(&blocks, bytes)
        return blocks
    }

    private struct Builder {
        let buf: UnsafeBufferPointer<UInt8>
        var blocks: [Block] = []
        var pending: (kind: Block.Kind, start: Int, end: Int, lines: Int)?
        /// The lines of a pending paragraph, and whether all but its first are short and unpunctuated.
        var pendingLines: [(start: Int, end: Int)] = []
        var pendingLinesShort = true

        init(buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

        mutating func consume(_ line: Line) {
            let (s, e) = trimmed(line.start, line.end)
            if s >= e {
                flush()
                return
            }
            if let level = atxHeadingLevel(s, e) {
                flush()
                var cs = s + level
                while cs < e && isSpace(buf[cs]) { cs += 1 }
                var ce = e
                while ce > cs && (buf[ce - 1] == UInt8(ascii: "#") || isSpace(buf[ce - 1])) { ce -= 1 }
                if cs < ce { emit(.heading(level: level), cs, ce) }
                return
            }
            if isRule(s, e) {
                if let p = pending, p.kind == .paragraph, p.lines == 1 {
                    // Setext heading underline.
                    let level = buf[s] == UInt8(ascii: "=") ? 1 : 2
                    pending = nil
                    emit(.heading(level: level), p.start, p.end)
                } else {
                    flush()
                }
                return
            }
            if isTableSeparator(s, e) { return }
            if let contentStart = listMarkerEnd(s, e) {
                flush()
                pending = (.listItem, contentStart, e, 1)
                return
            }
            if buf[s] == UInt8(ascii: "|") {
                flush()
                emit(.paragraph, s, e)
                return
            }
            var cs = s
            if buf[cs] == UInt8(ascii: ">") {
                cs += 1
                while cs < e && isSpace(buf[cs]) { cs += 1 }
                if cs >= e { return }
            }
            if var p = pending {
                p.end = e
                p.lines += 1
                pending = p
                if p.kind == .paragraph {
                    pendingLines.append((cs, e))
                    pendingLinesShort = pendingLinesShort && isShortUnpunctuated(cs, e)
                }
            } else {
                pending = (.paragraph, cs, e, 1)
                pendingLines.removeAll(keepingCapacity: true)
                pendingLines.append((cs, e))
                pendingLinesShort = true
            }
        }

        mutating func flush() {
            guard let p = pending else { return }
            pending = nil
            var kind = p.kind
            if kind == .paragraph && p.lines == 1 && looksLikeTitle(p.start, p.end) {
                kind = .heading(level: 0)
            }
            if kind == .paragraph && p.lines >= 2 && pendingLines.count == p.lines && pendingLinesShort
                && isShortUnpunctuated(pendingLines[0].start, pendingLines[0].end, introduction: true)
            {
                // Short lines without bullets or closing punctuation are a list, not one long sentence.
                for (n, line) in pendingLines.enumerated() {
                    let isIntroduction = n == 0 && buf[line.end - 1] == UInt8(ascii: ":")
                    emit(isIntroduction ? .paragraph : .listItem, line.start, line.end)
                }
                return
            }
            emit(kind, p.start, p.end)
        }

        /// A line of at most six words with no closing punctuation ("Customer retention"); the first line of a
        /// list may instead introduce it ("Key terms:").
        private func isShortUnpunctuated(_ s: Int, _ e: Int, introduction: Bool = false) -> Bool {
            var words = 1
            for j in s..<e where buf[j] == 0x20 { words += 1 }
            guard words <= 6 else { return false }
            let last = buf[e - 1]
            if introduction && last == UInt8(ascii: ":") { return true }
            return ![
                UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ","), UInt8(ascii: ";"),
                UInt8(ascii: ":"),
            ].contains(last)
        }

        private mutating func emit(_ kind: Block.Kind, _ s: Int, _ e: Int) {
            blocks.append(Block(kind: kind, range: s..<e, heading: nil, isReferenceList: false))
        }

        private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

        private func trimmed(_ s0: Int, _ e0: Int) -> (Int, Int) {
            var s = s0
            var e = e0
            while s < e && (isSpace(buf[s]) || isNBSP(s, e)) { s += buf[s] == 0xC2 ? 2 : 1 }
            while e > s && isSpace(buf[e - 1]) { e -= 1 }
            return (s, e)
        }

        private func isNBSP(_ i: Int, _ e: Int) -> Bool {
            buf[i] == 0xC2 && i + 1 < e && buf[i + 1] == 0xA0
        }

        private func atxHeadingLevel(_ s: Int, _ e: Int) -> Int? {
            var i = s
            while i < e && buf[i] == UInt8(ascii: "#") && i - s < 7 { i += 1 }
            let level = i - s
            guard level >= 1 && level <= 6 else { return nil }
            if i == e || isSpace(buf[i]) { return level }
            return nil
        }

        private func isRule(_ s: Int, _ e: Int) -> Bool {
            let c = buf[s]
            guard c == UInt8(ascii: "-") || c == UInt8(ascii: "=") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_")
            else { return false }
            var count = 0
            for i in s..<e {
                if buf[i] == c { count += 1 } else if !isSpace(buf[i]) { return false }
            }
            return count >= 3
        }

        private func isTableSeparator(_ s: Int, _ e: Int) -> Bool {
            guard buf[s] == UInt8(ascii: "|") || buf[s] == UInt8(ascii: ":") else { return false }
            var dashes = 0
            for i in s..<e {
                switch buf[i] {
                case UInt8(ascii: "-"): dashes += 1
                case UInt8(ascii: "|"), UInt8(ascii: ":"), 0x20, 0x09: break
                default: return false
                }
            }
            return dashes >= 3
        }

        /// If the line starts with a list marker, the offset where the item's content starts.
        private func listMarkerEnd(_ s: Int, _ e: Int) -> Int? {
            var i = s
            let c = buf[i]
            if c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+") {
                i += 1
            } else if c == 0xE2 && i + 2 < e && buf[i + 1] == 0x80 && buf[i + 2] == 0xA2 {
                i += 3  // •
            } else if c >= 0x30 && c <= 0x39 {
                while i < e && i - s < 3 && buf[i] >= 0x30 && buf[i] <= 0x39 { i += 1 }
                guard i < e && (buf[i] == UInt8(ascii: ".") || buf[i] == UInt8(ascii: ")")) else { return nil }
                i += 1
            } else if (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") && i + 1 < e
                && buf[i + 1] == UInt8(ascii: ")")
            {
                i += 2  // a) b) c)
            } else {
                return nil
            }
            guard i < e && isSpace(buf[i]) else { return nil }
            while i < e && isSpace(buf[i]) { i += 1 }
            return i < e ? i : nil
        }

        /// A single short line with no closing punctuation that starts with a capital or digit:
        /// how plain-text answers write "Introduction" or "Task 1: Customer needs".
        private func looksLikeTitle(_ s: Int, _ e: Int) -> Bool {
            let last = buf[e - 1]
            if [
                UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ","), UInt8(ascii: ";"),
                UInt8(ascii: ":"), UInt8(ascii: ")"),
            ].contains(last) {
                return false
            }
            var first = buf[s]
            var i = s
            while (first == UInt8(ascii: "*") || first == UInt8(ascii: "_")) && i + 1 < e {
                i += 1
                first = buf[i]
            }
            let startsUpper = (first >= 0x41 && first <= 0x5A) || (first >= 0x30 && first <= 0x39)
            guard startsUpper else { return false }
            var words = 1
            for j in s..<e where buf[j] == 0x20 { words += 1 }
            return words <= 10
        }
    }

    private static let referenceTitles: Set<String> = [
        "references", "reference list", "bibliography", "sources", "works cited", "reference",
    ]

    /// "References", "Reference list:", "**Bibliography**" and the like.
    private static func isReferenceTitle(_ raw: ArraySlice<UInt8>) -> Bool {
        guard raw.count <= 40 else { return false }
        var letters: [UInt8] = []
        for b in raw {
            if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                letters.append(b | 0x20)
            } else if b == 0x20 && !letters.isEmpty && letters.last != 0x20 {
                letters.append(0x20)
            }
        }
        while letters.last == 0x20 { letters.removeLast() }
        return referenceTitles.contains(String(decoding: letters, as: UTF8.self))
    }

    private static func markSections(_ blocks: inout [Block], _ bytes: [UInt8]) {
        var currentHeading: Int?
        var inReferences = false
        for i in blocks.indices {
            if blocks[i].isHeading {
                currentHeading = i
                inReferences = isReferenceTitle(bytes[blocks[i].range])
                blocks[i].isReferenceList = inReferences
            } else {
                blocks[i].heading = currentHeading
                blocks[i].isReferenceList = inReferences
            }
        }
    }
}
