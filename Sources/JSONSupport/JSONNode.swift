/// A place in a source file.
///
/// - `line`: 1-based line number. `\n`, `\r\n` and a lone `\r` each end a line.
/// - `column`: 1-based column counted in UTF-16 code units (as editors such as
///   VS Code and Xcode count), so an emoji outside the BMP takes two columns and
///   a tab takes one.
/// - `offset`: 0-based UTF-8 byte offset from the start of the input (a leading
///   byte-order mark is included in the offset but not in the column).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }

    /// `line:column`, ready to be prefixed with a file name.
    public var description: String { "\(line):\(column)" }
}

/// A parsed JSON value that remembers where it was written.
public struct JSONNode: Sendable {
    public enum Value: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        case object([JSONMember])
    }

    public var value: Value
    /// Where the value starts (the opening quote, bracket, brace, sign or first digit).
    public var location: SourceLocation

    public init(value: Value, location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The value of the member called `key`, if this is an object that has one.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// The element at `index`, if this is an array that is long enough.
    public subscript(index: Int) -> JSONNode? {
        guard case .array(let items) = value, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var stringValue: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    public var doubleValue: Double? {
        if case .number(let d) = value { return d }
        return nil
    }

    /// The number as an `Int`, only when it has no fractional part and fits in `Int`.
    public var intValue: Int? {
        guard case .number(let d) = value, d.isFinite, d.rounded(.towardZero) == d else { return nil }
        // Int(exactly:) rejects values outside Int's range (e.g. 2^63) instead of trapping.
        return Int(exactly: d)
    }

    public var boolValue: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    public var arrayValue: [JSONNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    /// The members of an object, in the order they were written.
    public var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// True for numbers with no fractional part ("integer" in JSON Schema terms).
    public var isIntegral: Bool {
        guard case .number(let d) = value else { return false }
        return d.isFinite && d.rounded(.towardZero) == d
    }

    /// The JSON Schema type name: "null", "boolean", "integer" (a number with no
    /// fractional part), "number", "string", "array" or "object".
    public var typeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return isIntegral ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONNode {
    /// Structural equality as JSON Schema defines it for `enum`, `const` and
    /// `uniqueItems`: numbers compare by value (1 == 1.0), objects compare as
    /// unordered key/value sets, locations are ignored.
    public func isEqualJSON(to other: JSONNode) -> Bool {
        switch (value, other.value) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            return zip(a, b).allSatisfy { $0.isEqualJSON(to: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for member in a {
                guard let match = b.first(where: { $0.key == member.key }),
                    member.value.isEqualJSON(to: match.value)
                else { return false }
            }
            return true
        default: return false
        }
    }

    /// A short, single-line rendering of the value for error messages.
    /// Strings are quoted with single quotes; containers are summarised.
    var shortDescription: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return JSONNode.format(d)
        case .string(let s): return "'\(s)'"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Integral doubles print without ".0" (so `3` not `3.0`).
    public static func format(_ d: Double) -> String {
        if d.isFinite, d.rounded(.towardZero) == d, abs(d) < 1e15 {
            return String(Int64(d))
        }
        return String(d)
    }
}

/// One `"key": value` pair of an object.
public struct JSONMember: Sendable {
    public var key: String
    /// Where the key's opening quote is.
    public var keyLocation: SourceLocation
    public var value: JSONNode

    public init(key: String, keyLocation: SourceLocation, value: JSONNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A syntax error in JSON input, with the exact place it was found.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation

    public init(message: String, location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// `line:column: error: message`
    public var description: String { "\(location.line):\(location.column): error: \(message)" }

    /// `file:line:column: error: message`, the format compilers and editors understand.
    public func formatted(file: String) -> String { "\(file):\(description)" }
}
