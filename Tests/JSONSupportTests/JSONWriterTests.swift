import JSONSupport
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    @Test(
        "Strings with quotes, backslashes, control characters, line separators, accents and emoji survive a round trip")
    func escapes() throws {
        let tricky = "a \"quote\" \\ back\nline\r\ttab \u{01}\u{1F} \u{2028}\u{2029} café 😀 end"
        let text = JSONValue.object([("k\"ey", .string(tricky))]).serialized(pretty: false)
        #expect(text == #"{"k\"ey":"a \"quote\" \\ back\nline\r\ttab \u0001\u001f \u2028\u2029 café 😀 end"}"#)
        #expect(try JSONParser.parse(text)["k\"ey"]?.stringValue == tricky)
    }

    @Test("Numbers: integers, negative, whole doubles as integers, fractions, and non-finite as null")
    func numbers() {
        let value = JSONValue.array([.int(0), .int(-42), .int(Int.min), .double(3), .double(-0.5), .double(.nan)])
        #expect(value.serialized(pretty: false) == "[0,-42,\(Int.min),3,-0.5,null]")
    }

    @Test("Pretty output indents by two spaces and keeps the members' order; empty containers stay on one line")
    func pretty() {
        let value = JSONValue.object([("b", .array([.bool(true), .null])), ("a", .object([])), ("c", .array([]))])
        #expect(value.serialized() == "{\n  \"b\": [\n    true,\n    null\n  ],\n  \"a\": {},\n  \"c\": []\n}")
        #expect(value.utf8(pretty: true) == Array(value.serialized().utf8))
    }
}
