/// The text of an open document as UTF-8 bytes, with the line index needed to turn protocol positions
/// (UTF-16 or UTF-8 code units) into byte offsets and back, and to apply incremental edits.
/// Lines end at "\n", "\r\n" or "\r", as the protocol says.
public struct DocumentText: Sendable {
    /// The text as UTF-8.
    public private(set) var bytes: [UInt8]
    /// Byte offset at which each line starts.
    private var lineStarts: [Int] = [0]

    /// Wraps a string.
    public init(_ text: String) {
        bytes = Array(text.utf8)
        reindex()
    }

    /// The text as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// How many lines there are (an empty text has one).
    public var lineCount: Int { lineStarts.count }

    private mutating func reindex() {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                let b = buf[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < buf.count && buf[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
    }

    /// Where line `line`'s content ends (before its line break).
    private func contentEnd(ofLine line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return bytes.count }
        var end = lineStarts[line + 1]
        if end > lineStarts[line] && bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[line] && bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// Bytes in the UTF-8 sequence led by `lead`.
    @inline(__always)
    private static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The byte offset of a position. A line past the end means the end of the text; a character past
    /// the end of its line means the end of that line (as the protocol says); a position inside a
    /// surrogate pair rounds down to the character's start.
    public func offset(of position: Position, encoding: PositionEncoding) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let start = lineStarts[position.line]
        let end = contentEnd(ofLine: position.line)
        if encoding == .utf8 {
            var i = min(start + position.character, end)
            while i > start && i < bytes.count && bytes[i] & 0xC0 == 0x80 { i -= 1 }
            return i
        }
        var i = start
        var units = 0
        while i < end && units < position.character {
            let length = Self.sequenceLength(bytes[i])
            let width = length == 4 ? 2 : 1
            if units + width > position.character { break }
            units += width
            i += length
        }
        return min(i, end)
    }

    /// The position of a byte offset.
    public func position(ofOffset offset: Int, encoding: PositionEncoding) -> Position {
        let clamped = max(0, min(offset, bytes.count))
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        if encoding == .utf8 { return Position(line: lo, character: clamped - start) }
        var units = 0
        var i = start
        while i < clamped {
            let length = Self.sequenceLength(bytes[i])
            units += length == 4 ? 2 : 1
            i += length
        }
        return Position(line: lo, character: units)
    }

    /// The protocol range of a byte range.
    public func range(of bytesRange: Range<Int>, encoding: PositionEncoding) -> PositionRange {
        PositionRange(
            start: position(ofOffset: bytesRange.lowerBound, encoding: encoding),
            end: position(ofOffset: bytesRange.upperBound, encoding: encoding))
    }

    /// Applies one change (a range replaced, or the whole text).
    public mutating func apply(_ change: TextChange, encoding: PositionEncoding) {
        guard let range = change.range else {
            bytes = Array(change.text.utf8)
            reindex()
            return
        }
        let lower = offset(of: range.start, encoding: encoding)
        let upper = max(lower, offset(of: range.end, encoding: encoding))
        bytes.replaceSubrange(lower..<upper, with: change.text.utf8)
        reindex()
    }
}
