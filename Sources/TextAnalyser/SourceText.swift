/// A position in checked text: 1-based line and column (column in UTF-16 code units, as editors count).
public struct TextPosition: Sendable, Hashable, Comparable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in UTF-16 code units.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A span of the checked text: byte offsets in its UTF-8 form plus the line/column of both ends.
public struct TextRange: Sendable, Hashable {
    /// Where the span starts.
    public var start: TextPosition
    /// Where the span ends (exclusive).
    public var end: TextPosition
    /// UTF-8 byte offset of the start.
    public var offset: Int
    /// Length in UTF-8 bytes.
    public var length: Int
}

/// The checked text as UTF-8 bytes, with the line index needed to turn byte offsets into positions.
public struct SourceText: Sendable {
    /// The text as UTF-8 bytes.
    public let bytes: [UInt8]
    /// Byte offset at which each line starts.
    private let lineStarts: [Int]

    /// Wraps a string.
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Wraps UTF-8 bytes (assumed valid UTF-8).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buf in
            for i in 0..<buf.count where buf[i] == 0x0A {
                starts.append(i + 1)
            }
        }
        self.lineStarts = starts
    }

    /// The text between two byte offsets.
    public func text(_ range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, bytes.count))
        let hi = max(lo, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// The 1-based line containing a byte offset.
    public func line(ofOffset offset: Int) -> Int {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// The line/column of a byte offset.
    public func position(ofOffset offset: Int) -> TextPosition {
        let clamped = max(0, min(offset, bytes.count))
        let line = line(ofOffset: clamped)
        var column = 1
        for i in lineStarts[line - 1]..<clamped {
            let b = bytes[i]
            if b & 0xC0 != 0x80 { column += b >= 0xF0 ? 2 : 1 }
        }
        return TextPosition(line: line, column: column)
    }

    /// The full range (positions and offsets) of a byte span.
    public func range(_ bytesRange: Range<Int>) -> TextRange {
        TextRange(
            start: position(ofOffset: bytesRange.lowerBound),
            end: position(ofOffset: bytesRange.upperBound),
            offset: bytesRange.lowerBound,
            length: bytesRange.count)
    }
}
