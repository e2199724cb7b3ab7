/// A strict RFC 8259 JSON parser that records the source location of every
/// value and key, so rubric errors can be reported as `file:line:column`.
///
/// The parser is iterative (an explicit container stack, not recursion), so a
/// deeply nested document produces a "nesting too deep" error instead of a
/// stack overflow. It makes one pass over the bytes; runs of plain string
/// bytes are validated and decoded in one go.
public enum JSONParser {
    /// Default maximum nesting depth of arrays and objects.
    public static let defaultMaxDepth = 512

    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONNode {
        var parser = Parser(bytes: bytes, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONNode {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }
}

// MARK: - Implementation

private enum Byte {
    static let tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20
    static let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, slash: UInt8 = 0x2F
    static let comma: UInt8 = 0x2C, colon: UInt8 = 0x3A, minus: UInt8 = 0x2D, plus: UInt8 = 0x2B
    static let dot: UInt8 = 0x2E, zero: UInt8 = 0x30, nine: UInt8 = 0x39
    static let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D
    static let apostrophe: UInt8 = 0x27
}

private struct Frame {
    var isObject: Bool
    var start: SourceLocation
    var items: [JSONNode] = []
    var members: [JSONMember] = []
    /// First location of each key, for duplicate detection. Built lazily once
    /// the object is big enough that a linear scan would be slow.
    var keyIndex: [String: SourceLocation]? = nil
    var pendingKey: String = ""
    var pendingKeyLocation = SourceLocation(line: 0, column: 0, offset: 0)
}

private struct Parser {
    let bytes: [UInt8]
    let maxDepth: Int
    var pos = 0
    var line = 1
    var lineStart = 0
    /// Column bookkeeping: `checkpointColumn` is the column at byte `checkpointOffset`
    /// on the current line. Locations are requested in increasing order, so
    /// counting from the checkpoint keeps column computation linear overall.
    var checkpointOffset = 0
    var checkpointColumn = 1
    var scratch: [UInt8] = []

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    // MARK: Locations

    mutating func location(at offset: Int) -> SourceLocation {
        if offset >= checkpointOffset {
            checkpointColumn += utf16Count(from: checkpointOffset, to: offset)
            checkpointOffset = offset
            return SourceLocation(line: line, column: checkpointColumn, offset: offset)
        }
        // Only happens for error positions behind the checkpoint; still on this line.
        let base = max(lineStart, 0)
        return SourceLocation(line: line, column: 1 + utf16Count(from: base, to: offset), offset: offset)
    }

    /// UTF-16 code units encoded by the UTF-8 bytes in `from..<to`: every
    /// non-continuation byte starts one scalar, and 4-byte scalars need a
    /// surrogate pair.
    func utf16Count(from: Int, to: Int) -> Int {
        var count = 0
        var i = from
        let end = min(to, bytes.count)
        while i < end {
            let b = bytes[i]
            if b & 0xC0 != 0x80 { count += b >= 0xF0 ? 2 : 1 }
            i += 1
        }
        return count
    }

    mutating func newLine(startingAt offset: Int) {
        line += 1
        lineStart = offset
        checkpointOffset = offset
        checkpointColumn = 1
    }

    func error(_ message: String, at location: SourceLocation) -> JSONParseError {
        JSONParseError(message: message, location: location)
    }

    mutating func error(_ message: String, atOffset offset: Int) -> JSONParseError {
        JSONParseError(message: message, location: location(at: offset))
    }

    // MARK: Whitespace

    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case Byte.space, Byte.tab:
                pos += 1
            case Byte.lf:
                pos += 1
                newLine(startingAt: pos)
            case Byte.cr:
                pos += 1
                if pos < bytes.count, bytes[pos] == Byte.lf { pos += 1 }
                newLine(startingAt: pos)
            default:
                return
            }
        }
    }

    // MARK: Document

    mutating func parseDocument() throws(JSONParseError) -> JSONNode {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            pos = 3
            lineStart = 3
            checkpointOffset = 3
        }
        skipWhitespace()
        if pos >= bytes.count {
            throw error("empty input; expected a JSON value", atOffset: pos)
        }

        var stack: [Frame] = []
        while true {
            // State: expecting a value at `pos` (whitespace already skipped).
            var completed: JSONNode
            let start = location(at: pos)
            guard pos < bytes.count else {
                throw unexpectedEnd(innermost: stack.last)
            }
            switch bytes[pos] {
            case Byte.openBrace, Byte.openBracket:
                let isObject = bytes[pos] == Byte.openBrace
                if stack.count >= maxDepth {
                    throw error("nesting too deep: more than \(maxDepth) nested arrays/objects", at: start)
                }
                pos += 1
                skipWhitespace()
                let close = isObject ? Byte.closeBrace : Byte.closeBracket
                if pos < bytes.count, bytes[pos] == close {
                    pos += 1
                    completed = JSONNode(value: isObject ? .object([]) : .array([]), location: start)
                    break
                }
                stack.append(Frame(isObject: isObject, start: start))
                if isObject {
                    try parseKey(into: &stack[stack.count - 1])
                }
                continue
            case Byte.quote:
                completed = JSONNode(value: .string(try parseString()), location: start)
            case Byte.minus, Byte.zero...Byte.nine:
                completed = JSONNode(value: .number(try parseNumber()), location: start)
            case 0x61...0x7A:  // a-z: true, false, null
                completed = JSONNode(value: try parseLiteral(), location: start)
            default:
                throw unexpectedValueStart()
            }

            // State: a value has just been completed; attach it and look for
            // what follows (`,`, a closing bracket, or the end of input).
            while true {
                guard !stack.isEmpty else {
                    skipWhitespace()
                    if pos < bytes.count {
                        throw error(
                            "unexpected \(describeByte(at: pos)) after the end of the JSON value", atOffset: pos)
                    }
                    return completed
                }
                let top = stack.count - 1
                if stack[top].isObject {
                    stack[top].members.append(
                        JSONMember(
                            key: stack[top].pendingKey,
                            keyLocation: stack[top].pendingKeyLocation,
                            value: completed))
                } else {
                    stack[top].items.append(completed)
                }
                skipWhitespace()
                guard pos < bytes.count else { throw unexpectedEnd(innermost: stack.last) }
                let isObject = stack[top].isObject
                let close = isObject ? Byte.closeBrace : Byte.closeBracket
                let b = bytes[pos]
                if b == Byte.comma {
                    // Take the comma's location now: whitespace after it may cross lines.
                    let commaLocation = location(at: pos)
                    pos += 1
                    skipWhitespace()
                    if pos < bytes.count, bytes[pos] == close {
                        throw error("trailing comma before '\(isObject ? "}" : "]")'", at: commaLocation)
                    }
                    if isObject {
                        try parseKey(into: &stack[top])
                    } else {
                        skipWhitespace()
                    }
                    break  // expect the next value
                } else if b == close {
                    pos += 1
                    let frame = stack.removeLast()
                    completed = JSONNode(
                        value: frame.isObject ? .object(frame.members) : .array(frame.items),
                        location: frame.start)
                    continue
                } else if isObject {
                    if b == Byte.quote {
                        throw error("missing ',' between object members", atOffset: pos)
                    }
                    throw error(
                        "expected ',' or '}' after object member, found \(describeByte(at: pos))", atOffset: pos)
                } else {
                    if canStartValue(b) {
                        throw error("missing ',' between array elements", atOffset: pos)
                    }
                    throw error(
                        "expected ',' or ']' after array element, found \(describeByte(at: pos))", atOffset: pos)
                }
            }
        }
    }

    func canStartValue(_ b: UInt8) -> Bool {
        switch b {
        case Byte.openBrace, Byte.openBracket, Byte.quote, Byte.minus, Byte.zero...Byte.nine,
            UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return true
        default:
            return false
        }
    }

    /// Parses `"key" :` for the object on top of the stack (whitespace before the
    /// key already skipped) and leaves `pos` at the start of the value.
    mutating func parseKey(into frame: inout Frame) throws(JSONParseError) {
        guard pos < bytes.count else { throw unexpectedEnd(innermost: frame) }
        let b = bytes[pos]
        guard b == Byte.quote else {
            if b == Byte.apostrophe {
                throw error("object keys must use double quotes, not single quotes", atOffset: pos)
            }
            if b == Byte.closeBrace || b == Byte.closeBracket || b == Byte.comma || b == Byte.colon {
                throw error("expected a string key, found \(describeByte(at: pos))", atOffset: pos)
            }
            throw error("object keys must be strings in double quotes, found \(describeByte(at: pos))", atOffset: pos)
        }
        let keyLocation = location(at: pos)
        let key = try parseString()

        // Duplicate detection: linear scan for small objects, a dictionary beyond that.
        if frame.keyIndex == nil, frame.members.count >= 12 {
            var index: [String: SourceLocation] = [:]
            for m in frame.members where index[m.key] == nil { index[m.key] = m.keyLocation }
            frame.keyIndex = index
        }
        let first: SourceLocation?
        if frame.keyIndex != nil {
            first = frame.keyIndex![key]
            if first == nil { frame.keyIndex![key] = keyLocation }
        } else {
            first = frame.members.first(where: { $0.key == key })?.keyLocation
        }
        if let first {
            throw error("duplicate key '\(key)' (first at line \(first.line), column \(first.column))", at: keyLocation)
        }

        skipWhitespace()
        guard pos < bytes.count else { throw unexpectedEnd(innermost: frame) }
        guard bytes[pos] == Byte.colon else {
            throw error("expected ':' after key '\(key)', found \(describeByte(at: pos))", atOffset: pos)
        }
        pos += 1
        skipWhitespace()
        frame.pendingKey = key
        frame.pendingKeyLocation = keyLocation
    }

    mutating func unexpectedEnd(innermost: Frame?) -> JSONParseError {
        if let open = innermost {
            let bracket = open.isObject ? "{" : "["
            return error(
                "unexpected end of input; '\(bracket)' at line \(open.start.line), column \(open.start.column) is never closed",
                atOffset: pos)
        }
        return error("unexpected end of input; expected a JSON value", atOffset: pos)
    }

    mutating func unexpectedValueStart() -> JSONParseError {
        let b = bytes[pos]
        switch b {
        case Byte.apostrophe:
            return error("strings must use double quotes, not single quotes", atOffset: pos)
        case Byte.closeBracket, Byte.closeBrace, Byte.comma, Byte.colon:
            return error("expected a value, found \(describeByte(at: pos))", atOffset: pos)
        case Byte.plus:
            return error("numbers must not start with '+'", atOffset: pos)
        case Byte.dot:
            return error("numbers must start with a digit, not '.'", atOffset: pos)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            let word = identifier(at: pos)
            return error(
                "invalid value '\(word)'; expected a string, number, object, array, true, false or null", atOffset: pos)
        default:
            return error("expected a value, found \(describeByte(at: pos))", atOffset: pos)
        }
    }

    func identifier(at start: Int) -> String {
        var end = start
        while end < bytes.count, end - start < 32 {
            let c = bytes[end]
            let isWordByte =
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
            if !isWordByte { break }
            end += 1
        }
        return String(decoding: bytes[start..<max(end, start + 1)], as: UTF8.self)
    }

    /// Describes the character at `offset` for an error message, e.g. `'x'`,
    /// `'é'`, `a line break`, or `invalid UTF-8 byte 0xFF`.
    func describeByte(at offset: Int) -> String {
        let b = bytes[offset]
        switch b {
        case Byte.lf, Byte.cr: return "a line break"
        case Byte.tab: return "a tab"
        case 0..<0x20, 0x7F: return "control character \(hexScalar(UInt32(b)))"
        case 0x20..<0x80: return "'\(Character(Unicode.Scalar(b)))'"
        default:
            if let length = utf8SequenceLength(at: offset) {
                return "'\(String(decoding: bytes[offset..<offset + length], as: UTF8.self))'"
            }
            return "invalid UTF-8 byte \(hexByte(b))"
        }
    }

    // MARK: Literals

    mutating func parseLiteral() throws(JSONParseError) -> JSONNode.Value {
        let word = identifier(at: pos)
        let value: JSONNode.Value
        switch word {
        case "true": value = .bool(true)
        case "false": value = .bool(false)
        case "null": value = .null
        default:
            throw error(
                "invalid value '\(word)'; expected a string, number, object, array, true, false or null", atOffset: pos)
        }
        pos += word.utf8.count
        return value
    }

    // MARK: Numbers

    mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = pos
        var i = pos
        var negative = false
        if bytes[i] == Byte.minus {
            negative = true
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw error("expected a digit after '-'", atOffset: i)
            }
        }
        let intStart = i
        if bytes[i] == Byte.zero {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) {
                throw error("numbers must not have leading zeros", atOffset: intStart)
            }
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        let intEnd = i
        var isInteger = true
        if i < bytes.count, bytes[i] == Byte.dot {
            isInteger = false
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw error("expected a digit after the decimal point", atOffset: i)
            }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < bytes.count, bytes[i] == Byte.plus || bytes[i] == Byte.minus { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw error("expected a digit in the exponent", atOffset: i)
            }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        pos = i

        // Fast path: up to 15 digits fit exactly in both Int64 and Double.
        if isInteger, intEnd - intStart <= 15 {
            var n: Int64 = 0
            for j in intStart..<intEnd { n = n &* 10 &+ Int64(bytes[j] &- Byte.zero) }
            return negative ? -Double(n) : Double(n)
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let d = Double(text), d.isFinite else {
            throw error("number \(text) is too large to represent", atOffset: start)
        }
        return d
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= Byte.zero && b <= Byte.nine }

    // MARK: Strings

    /// Parses a string starting at the opening quote at `pos`.
    mutating func parseString() throws(JSONParseError) -> String {
        let quoteOffset = pos
        var i = pos + 1
        let runStart = i
        // Fast path: no escapes, so the string is exactly the bytes between the quotes.
        while i < bytes.count {
            let b = bytes[i]
            if b == Byte.quote {
                pos = i + 1
                return String(decoding: bytes[runStart..<i], as: UTF8.self)
            }
            if b == Byte.backslash { break }
            i = try advancePlain(at: i, quoteOffset: quoteOffset)
        }
        if i >= bytes.count { throw unterminatedString(quoteOffset) }

        // Slow path: accumulate into a reusable byte buffer, whole runs at a time.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[runStart..<i])
        while i < bytes.count {
            let b = bytes[i]
            if b == Byte.quote {
                pos = i + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b == Byte.backslash {
                i = try parseEscape(at: i)
                continue
            }
            let plainStart = i
            while i < bytes.count, bytes[i] != Byte.quote, bytes[i] != Byte.backslash {
                i = try advancePlain(at: i, quoteOffset: quoteOffset)
            }
            scratch.append(contentsOf: bytes[plainStart..<i])
        }
        throw unterminatedString(quoteOffset)
    }

    /// Validates one plain (non-quote, non-backslash) character and returns the
    /// offset after it.
    @inline(__always)
    mutating func advancePlain(at i: Int, quoteOffset: Int) throws(JSONParseError) -> Int {
        let b = bytes[i]
        if b >= 0x20 && b < 0x80 { return i + 1 }
        if b < 0x20 {
            if b == Byte.lf || b == Byte.cr {
                throw error("line break inside a string; close the string with '\"' or write \\n", atOffset: i)
            }
            let name = b == Byte.tab ? "a tab" : "control character \(hexScalar(UInt32(b)))"
            let escape = b == Byte.tab ? "\\t" : "\\u" + hex4(UInt32(b))
            throw error("\(name) must be escaped in a string (write \(escape))", atOffset: i)
        }
        guard let length = utf8SequenceLength(at: i) else {
            throw error("invalid UTF-8 byte \(hexByte(b)) in string", atOffset: i)
        }
        return i + length
    }

    mutating func unterminatedString(_ quoteOffset: Int) -> JSONParseError {
        error("unterminated string; missing closing '\"'", atOffset: quoteOffset)
    }

    /// Parses an escape sequence at `i` (the backslash), appends its UTF-8 to
    /// `scratch` and returns the offset after it.
    mutating func parseEscape(at i: Int) throws(JSONParseError) -> Int {
        guard i + 1 < bytes.count else { throw unterminatedString(i) }
        let c = bytes[i + 1]
        switch c {
        case Byte.quote: scratch.append(Byte.quote)
        case Byte.backslash: scratch.append(Byte.backslash)
        case Byte.slash: scratch.append(Byte.slash)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(Byte.lf)
        case UInt8(ascii: "r"): scratch.append(Byte.cr)
        case UInt8(ascii: "t"): scratch.append(Byte.tab)
        case UInt8(ascii: "u"):
            let unit = try hexQuad(at: i)
            var end = i + 6
            var scalarValue = UInt32(unit)
            if unit >= 0xD800 && unit <= 0xDBFF {
                // A high surrogate must be followed by an escaped low surrogate.
                guard end + 1 < bytes.count, bytes[end] == Byte.backslash, bytes[end + 1] == UInt8(ascii: "u") else {
                    throw error(
                        "unpaired high surrogate \\u\(hex4(UInt32(unit))); it must be followed by a \\uDC00-\\uDFFF escape",
                        atOffset: i)
                }
                let low = try hexQuad(at: end)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw error(
                        "invalid surrogate pair \\u\(hex4(UInt32(unit)))\\u\(hex4(UInt32(low))); the second escape must be in \\uDC00-\\uDFFF",
                        atOffset: end)
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                end += 6
            } else if unit >= 0xDC00 && unit <= 0xDFFF {
                throw error("unpaired low surrogate \\u\(hex4(UInt32(unit)))", atOffset: i)
            }
            // Cannot fail: surrogates were handled above.
            let scalar = Unicode.Scalar(scalarValue)!
            scratch.append(contentsOf: UTF8.encode(scalar)!)
            return end
        default:
            let shown: String
            if c < 0x20 || c >= 0x80 {
                shown = describeByte(at: i + 1)
            } else {
                shown = "'\\\(Character(Unicode.Scalar(c)))'"
            }
            throw error(
                "invalid escape \(shown); valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX", atOffset: i)
        }
        return i + 2
    }

    /// Reads the four hex digits of a `\uXXXX` escape whose backslash is at `i`.
    mutating func hexQuad(at i: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for j in (i + 2)..<(i + 6) {
            guard j < bytes.count, let digit = hexValue(bytes[j]) else {
                throw error("invalid \\u escape; expected 4 hex digits after \\u", atOffset: i)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    /// Length of the well-formed UTF-8 sequence starting at `i`, or nil if it
    /// is malformed (bad lead byte, truncated, overlong, surrogate, > U+10FFFF).
    @inline(__always)
    func utf8SequenceLength(at i: Int) -> Int? {
        let b0 = bytes[i]
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < bytes.count && bytes[i + k] >= lo && bytes[i + k] <= hi
        }
        switch b0 {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return cont(1) ? 2 : nil
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : nil
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : nil
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : nil
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : nil
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : nil
        default: return nil
        }
    }
}

private func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}

private func hexScalar(_ v: UInt32) -> String { "U+" + hex4(v) }

private func hexByte(_ b: UInt8) -> String {
    let s = String(b, radix: 16, uppercase: true)
    return "0x" + (s.count < 2 ? "0" + s : s)
}
