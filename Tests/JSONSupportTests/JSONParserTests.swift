import Testing

@testable import JSONSupport

// MARK: - Helpers

private func parseError(_ bytes: [UInt8], maxDepth: Int = JSONParser.defaultMaxDepth) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(bytes, maxDepth: maxDepth)
        return nil
    } catch {
        return error
    }
}

private func parseError(_ text: String, maxDepth: Int = JSONParser.defaultMaxDepth) -> JSONParseError? {
    parseError(Array(text.utf8), maxDepth: maxDepth)
}

private func loc(_ node: JSONNode?) -> [Int] {
    guard let node else { return [] }
    return [node.location.line, node.location.column, node.location.offset]
}

private func keyLoc(_ node: JSONNode, _ key: String) -> [Int] {
    guard let m = node.members?.first(where: { $0.key == key }) else { return [] }
    return [m.keyLocation.line, m.keyLocation.column, m.keyLocation.offset]
}

// MARK: - Malformed input

struct MalformedCase: Sendable, CustomStringConvertible {
    var name: String
    var input: [UInt8]
    var message: String
    var line: Int
    var column: Int

    init(_ name: String, _ input: String, _ message: String, _ line: Int, _ column: Int) {
        self.init(name, Array(input.utf8), message, line, column)
    }

    init(_ name: String, _ input: [UInt8], _ message: String, _ line: Int, _ column: Int) {
        self.name = name
        self.input = input
        self.message = message
        self.line = line
        self.column = column
    }

    var description: String { name }
}

private let malformedCases: [MalformedCase] = [
    MalformedCase("empty input", "", "empty input; expected a JSON value", 1, 1),
    MalformedCase("only whitespace", "  \n   ", "empty input; expected a JSON value", 2, 4),
    MalformedCase("trailing comma in object", #"{"a": 1,}"#, "trailing comma before '}'", 1, 8),
    MalformedCase("trailing comma in array", "[1, 2,]", "trailing comma before ']'", 1, 6),
    MalformedCase(
        "trailing comma on later line", "{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}", "trailing comma before ']'", 3, 13),
    MalformedCase("trailing comma before a line break", "{\n  \"a\": 1,\n}", "trailing comma before '}'", 2, 9),
    MalformedCase("trailing comma, CRLF", "[1,\r\n  2,\r\n]", "trailing comma before ']'", 2, 4),
    MalformedCase("missing comma between members", #"{"a": 1 "b": 2}"#, "missing ',' between object members", 1, 9),
    MalformedCase("missing comma between elements", "[1 2]", "missing ',' between array elements", 1, 4),
    MalformedCase("double comma", "[1,,2]", "expected a value, found ','", 1, 4),
    MalformedCase("missing value", #"{"a": }"#, "expected a value, found '}'", 1, 7),
    MalformedCase("missing colon", #"{"a" 1}"#, "expected ':' after key 'a', found '1'", 1, 6),
    MalformedCase("single-quoted key", "{'a': 1}", "object keys must use double quotes, not single quotes", 1, 2),
    MalformedCase("bare key", "{a: 1}", "object keys must be strings in double quotes, found 'a'", 1, 2),
    MalformedCase("single-quoted string", "['a']", "strings must use double quotes, not single quotes", 1, 2),
    MalformedCase("unterminated string", #"{"a": "abc"#, "unterminated string; missing closing '\"'", 1, 7),
    MalformedCase(
        "line break in string", "[\"abc\ndef\"]", "line break inside a string; close the string with '\"' or write \\n",
        1, 6),
    MalformedCase("bad escape", #"["a\qb"]"#, "invalid escape '\\q'; valid escapes are", 1, 4),
    MalformedCase(
        "control character", "[\"a\u{01}b\"]", "control character U+0001 must be escaped in a string (write \\u0001)",
        1, 4),
    MalformedCase("raw tab in string", "[\"a\tb\"]", "a tab must be escaped in a string (write \\t)", 1, 4),
    MalformedCase("unpaired high surrogate", #"["\uD800"]"#, "unpaired high surrogate \\uD800", 1, 3),
    MalformedCase("unpaired low surrogate", #"["\uDC00"]"#, "unpaired low surrogate \\uDC00", 1, 3),
    MalformedCase("high surrogate + non-low", #"["\uD83D\u0041"]"#, "invalid surrogate pair \\uD83D\\u0041", 1, 9),
    MalformedCase("short \\u escape", #"["\u12G4"]"#, "invalid \\u escape; expected 4 hex digits after \\u", 1, 3),
    MalformedCase("leading zero", "[01]", "numbers must not have leading zeros", 1, 2),
    MalformedCase("negative leading zero", "[-01]", "numbers must not have leading zeros", 1, 3),
    MalformedCase("plus sign", "[+1]", "numbers must not start with '+'", 1, 2),
    MalformedCase("leading dot", "[.5]", "numbers must start with a digit, not '.'", 1, 2),
    MalformedCase("bare minus", "[-]", "expected a digit after '-'", 1, 3),
    MalformedCase("no fraction digits", "[1.]", "expected a digit after the decimal point", 1, 4),
    MalformedCase("no exponent digits", "[1e+]", "expected a digit in the exponent", 1, 5),
    MalformedCase("number overflow", "[1e400]", "number 1e400 is too large to represent", 1, 2),
    MalformedCase(
        "capitalised literal", "[True]",
        "invalid value 'True'; expected a string, number, object, array, true, false or null", 1, 2),
    MalformedCase("truncated literal", "[tru]", "invalid value 'tru'", 1, 2),
    MalformedCase("trailing garbage", #"{"a": 1} x"#, "unexpected 'x' after the end of the JSON value", 1, 10),
    MalformedCase("second value", "1\n2", "unexpected '2' after the end of the JSON value", 2, 1),
    MalformedCase("unclosed array", "[1, 2", "unexpected end of input; '[' at line 1, column 1 is never closed", 1, 6),
    MalformedCase(
        "unclosed nested object", "[\n  {\"a\": 1", "unexpected end of input; '{' at line 2, column 3 is never closed",
        2, 10),
    MalformedCase("duplicate key", #"{"a":1, "a":2}"#, "duplicate key 'a' (first at line 1, column 2)", 1, 9),
    MalformedCase("error after emoji", "[\"😀\", x]", "invalid value 'x'", 1, 8),
    MalformedCase(
        "invalid UTF-8 in string", [0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D], "invalid UTF-8 byte 0xFF in string", 1, 4),
    MalformedCase(
        "truncated UTF-8 sequence", [0x5B, 0x22, 0xC3, 0x22, 0x5D], "invalid UTF-8 byte 0xC3 in string", 1, 3),
    MalformedCase("overlong UTF-8", [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], "invalid UTF-8 byte 0xC0 in string", 1, 3),
    MalformedCase(
        "UTF-8 encoded surrogate", [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], "invalid UTF-8 byte 0xED in string", 1, 3
    ),
    MalformedCase(
        "invalid UTF-8 outside string", [0x5B, 0xC3, 0x5D], "expected a value, found invalid UTF-8 byte 0xC3", 1, 2),
    MalformedCase("non-ASCII outside string", "[é]", "expected a value, found 'é'", 1, 2),
    MalformedCase("BOM then bad token", [0xEF, 0xBB, 0xBF, 0x7D], "expected a value, found '}'", 1, 1),
]

@Test("malformed input is rejected with a clear message at the exact place", arguments: malformedCases)
func malformedInput(_ c: MalformedCase) throws {
    let error = try #require(parseError(c.input), "expected a parse error")
    #expect(error.message.hasPrefix(c.message), "message was: \(error.message)")
    #expect(error.location.line == c.line, "location was \(error.location)")
    #expect(error.location.column == c.column, "location was \(error.location)")
}

@Test func errorFormatsAsCompilerDiagnostic() throws {
    let error = try #require(parseError(#"{"a": 1,}"#))
    #expect(error.formatted(file: "rubric.json") == "rubric.json:1:8: error: trailing comma before '}'")
    #expect(error.location.offset == 7)
}

// MARK: - Locations

@Test func locationsAfterCRLF() throws {
    let root = try JSONParser.parse("{\r\n  \"a\": 1,\r\n  \"b\": true\r\n}")
    #expect(loc(root) == [1, 1, 0])
    #expect(keyLoc(root, "a") == [2, 3, 5])
    #expect(loc(root["a"]) == [2, 8, 10])
    #expect(keyLoc(root, "b") == [3, 3, 16])
    #expect(loc(root["b"]) == [3, 8, 21])
}

@Test func loneCRIsALineBreak() throws {
    let root = try JSONParser.parse("[1,\r2]")
    #expect(loc(root[1]) == [2, 1, 4])
}

@Test func tabsCountAsOneColumn() throws {
    let root = try JSONParser.parse("{\t\"a\":\t1,\n\t\t\"b\": 2}")
    #expect(keyLoc(root, "a") == [1, 3, 2])
    #expect(loc(root["a"]) == [1, 8, 7])
    #expect(keyLoc(root, "b") == [2, 3, 12])
}

@Test func locationsAfterMultibyteCharacters() throws {
    // é and ü are 2 UTF-8 bytes but 1 UTF-16 unit each.
    let root = try JSONParser.parse(#"{"é": "ü", "k": 1}"#)
    #expect(keyLoc(root, "é") == [1, 2, 1])
    #expect(loc(root["é"]) == [1, 7, 7])
    #expect(keyLoc(root, "k") == [1, 12, 13])
    #expect(loc(root["k"]) == [1, 17, 18])
    #expect(root["é"]?.stringValue == "ü")
}

@Test func locationsAfterCJKAndEmoji() throws {
    // 中 is 3 bytes / 1 UTF-16 unit; 😀 is 4 bytes / 2 UTF-16 units (a surrogate pair).
    let root = try JSONParser.parse("[\"中\", \"😀\", 1,\n \"😀😀\", 2]")
    #expect(loc(root[0]) == [1, 2, 1])
    #expect(loc(root[1]) == [1, 7, 8])
    #expect(loc(root[2]) == [1, 13, 16])
    #expect(loc(root[3]) == [2, 2, 20])
    #expect(loc(root[4]) == [2, 10, 32])
    #expect(root[3]?.stringValue == "😀😀")
}

@Test func escapesCountAsTheirSourceCharacters() throws {
    let root = try JSONParser.parse(#"["\u00e9\n", 7]"#)
    #expect(root[0]?.stringValue == "é\n")
    #expect(loc(root[1]) == [1, 14, 13])
}

@Test func byteOrderMarkIsSkipped() throws {
    let root = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8))
    #expect(loc(root) == [1, 1, 3])
    #expect(keyLoc(root, "a") == [1, 2, 4])
    #expect(root["a"]?.intValue == 1)
}

// MARK: - Values

@Test func numbers() throws {
    let root = try JSONParser.parse(
        "[-12, 3.25, 1e3, -2.5E-3, 0, -0, 123456789012345, 9007199254740993, 12345678901234567890, 1.5, 2E+2]")
    let items = try #require(root.arrayValue)
    #expect(items[0].doubleValue == -12)
    #expect(items[0].intValue == -12)
    #expect(items[0].typeName == "integer")
    #expect(items[1].doubleValue == 3.25)
    #expect(items[1].intValue == nil)
    #expect(items[1].typeName == "number")
    #expect(items[2].doubleValue == 1000)
    #expect(items[2].intValue == 1000)
    #expect(items[3].doubleValue == -0.0025)
    #expect(items[4].intValue == 0)
    #expect(items[5].doubleValue == 0)
    #expect(items[5].doubleValue?.sign == .minus)
    #expect(items[6].intValue == 123_456_789_012_345)
    // Beyond 2^53 values are rounded to the nearest Double, as JavaScript would.
    #expect(items[7].doubleValue == 9_007_199_254_740_992)
    #expect(items[8].doubleValue == 12_345_678_901_234_567_890.0)
    #expect(items[8].intValue == nil, "does not fit in Int")
    #expect(items[9].intValue == nil)
    #expect(items[10].intValue == 200)
    #expect(loc(items[3]) == [1, 18, 17])
}

@Test func literalsAndConveniences() throws {
    let root = try JSONParser.parse(#"{"t": true, "f": false, "n": null, "s": "x", "a": [1], "o": {}}"#)
    #expect(root["t"]?.boolValue == true)
    #expect(root["f"]?.boolValue == false)
    #expect(root["n"]?.isNull == true)
    #expect(root["s"]?.stringValue == "x")
    #expect(root["a"]?.arrayValue?.count == 1)
    #expect(root["o"]?.members?.isEmpty == true)
    #expect(root["missing"] == nil)
    #expect(root["s"]?.intValue == nil)
    #expect(
        ["t", "f", "n", "s", "a", "o"].map { root[$0]!.typeName }
            == ["boolean", "boolean", "null", "string", "array", "object"])
}

@Test func escapes() throws {
    let root = try JSONParser.parse(
        #"["\"\\\/\b\f\n\r\t", "\u00e9\u4E2D", "\uD83D\uDE00", "a\u0000b", "plain \u0041 run"]"#)
    #expect(root[0]?.stringValue == "\"\\/\u{08}\u{0C}\n\r\t")
    #expect(root[1]?.stringValue == "é中")
    #expect(root[2]?.stringValue == "😀")
    #expect(root[2]?.stringValue?.utf16.count == 2)
    #expect(root[3]?.stringValue == "a\u{0}b")
    #expect(root[4]?.stringValue == "plain A run")
}

@Test func objectsKeepMemberOrder() throws {
    let root = try JSONParser.parse(#"{"z": 1, "a": 2, "m": 3}"#)
    #expect(root.members?.map(\.key) == ["z", "a", "m"])
}

@Test func parsesFromStringAndBytesAlike() throws {
    let text = "{\"ключ\": [1, 2.5, \"😀\"]}"
    let a = try JSONParser.parse(text)
    let b = try JSONParser.parse(Array(text.utf8))
    #expect(a.isEqualJSON(to: b))
    #expect(loc(a["ключ"]) == loc(b["ключ"]))
    #expect(loc(a["ключ"]) == [1, 10, 13])
}

// MARK: - Depth and duplicates

@Test func depthLimit() throws {
    let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(parseError(ok) == nil)

    let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
    let error = try #require(parseError(tooDeep))
    #expect(error.message == "nesting too deep: more than 512 nested arrays/objects")
    #expect(error.location.column == 513)

    let custom = try #require(parseError(#"{"a": {"b": {"c": {}}}}"#, maxDepth: 3))
    #expect(custom.message == "nesting too deep: more than 3 nested arrays/objects")
    #expect(custom.location.column == 19)

    // Far beyond the limit: must fail cleanly, not overflow the stack.
    let huge = try #require(parseError(String(repeating: "[", count: 200_000)))
    #expect(huge.message.hasPrefix("nesting too deep"))
}

@Test func duplicateKeysOnDifferentLines() throws {
    let error = try #require(parseError("{\n  \"id\": 1,\n  \"id\": 2\n}"))
    #expect(error.message == "duplicate key 'id' (first at line 2, column 3)")
    #expect(error.location.line == 3)
    #expect(error.location.column == 3)
}

@Test func duplicateKeysInLargeObject() throws {
    // More than 12 members switches duplicate detection to a dictionary.
    let members = (0..<20).map { "\"k\($0)\": \($0)" } + ["\"k3\": 0"]
    let error = try #require(parseError("{" + members.joined(separator: ", ") + "}"))
    #expect(error.message == "duplicate key 'k3' (first at line 1, column 29)")
    #expect(parseError("{" + members.dropLast().joined(separator: ", ") + "}") == nil)
}

@Test func sameKeyInDifferentObjectsIsFine() throws {
    let root = try JSONParser.parse(#"[{"id": 1}, {"id": 2}]"#)
    #expect(root[1]?["id"]?.intValue == 2)
}

@Test func largeSingleLineInputHasLinearColumns() throws {
    // 20k elements on one line: column bookkeeping must not rescan the line per value.
    let text = "[" + (0..<20_000).map { _ in "\"é\"" }.joined(separator: ",") + "]"
    let root = try JSONParser.parse(text)
    let last = try #require(root.arrayValue?.last)
    #expect(last.location.column == 2 + 19_999 * 4)
}
