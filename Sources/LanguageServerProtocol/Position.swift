import JSONSupport

/// How `Position.character` counts: the code units of the encoding negotiated at `initialize`.
public enum PositionEncoding: String, Sendable {
    /// UTF-16 code units: the protocol's default.
    case utf16 = "utf-16"
    /// UTF-8 bytes, when the client offers it.
    case utf8 = "utf-8"

    /// The encoding to use given the client's `general.positionEncodings`: UTF-8 when offered, else UTF-16.
    public static func negotiate(offered: [String]) -> PositionEncoding {
        offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    }
}

/// A zero-based line and character (in the negotiated encoding's code units).
public struct Position: Sendable, Hashable, Comparable {
    /// Zero-based line.
    public var line: Int
    /// Zero-based offset in the line, in code units.
    public var character: Int

    /// Creates a position.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// Reads `{line, character}`; nil when either is missing or negative.
    public init?(json: JSONNode?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue,
            line >= 0, character >= 0
        else { return nil }
        self.init(line: line, character: character)
    }

    /// `{line, character}`.
    public var json: JSONValue { .object([("line", .int(line)), ("character", .int(character))]) }

    /// Document order.
    public static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }
}

/// A span between two positions, end exclusive.
public struct PositionRange: Sendable, Hashable {
    /// Where it starts.
    public var start: Position
    /// Where it ends (exclusive).
    public var end: Position

    /// Creates a range.
    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    /// Reads `{start, end}`; nil when malformed.
    public init?(json: JSONNode?) {
        guard let start = Position(json: json?["start"]), let end = Position(json: json?["end"]) else { return nil }
        self.init(start: start, end: end)
    }

    /// `{start, end}`.
    public var json: JSONValue { .object([("start", start.json), ("end", end.json)]) }
}

/// One change of a `textDocument/didChange`: a range replaced by text, or (without a range) the whole text.
public struct TextChange: Sendable {
    /// The span replaced; nil for a full-text replacement.
    public var range: PositionRange?
    /// The new text.
    public var text: String

    /// Creates a change.
    public init(range: PositionRange?, text: String) {
        self.range = range
        self.text = text
    }

    /// Reads `{range?, text}`; nil when `text` is missing or the range is malformed.
    public init?(json: JSONNode) {
        guard let text = json["text"]?.stringValue else { return nil }
        if let r = json["range"], !r.isNull {
            guard let range = PositionRange(json: r) else { return nil }
            self.init(range: range, text: text)
        } else {
            self.init(range: nil, text: text)
        }
    }
}
