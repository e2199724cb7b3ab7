import Testing

@testable import JSONSupport

// MARK: - Helpers

private func makeValidator(_ schema: String) throws -> JSONSchemaValidator {
    try JSONSchemaValidator(schema: try JSONParser.parse(schema))
}

/// Violations rendered as "line:column [pointer] message" so tests pin all three.
private func check(_ schema: String, _ instance: String) throws -> [String] {
    try render(makeValidator(schema).validate(JSONParser.parse(instance)))
}

private func render(_ violations: [SchemaViolation]) -> [String] {
    violations.map { "\($0.location.line):\($0.location.column) [\($0.pointer)] \($0.message)" }
}

private func schemaError(_ schema: String) throws -> JSONSchemaError? {
    let node = try JSONParser.parse(schema)
    do {
        _ = try JSONSchemaValidator(schema: node)
        return nil
    } catch {
        return error
    }
}

// MARK: - Every keyword, passing and failing

struct KeywordCase: Sendable, CustomStringConvertible {
    var keyword: String
    var schema: String
    var valid: [String]
    var invalid: String
    var expected: [String]
    var description: String { keyword }
}

private let keywordCases: [KeywordCase] = [
    KeywordCase(
        keyword: "type", schema: ##"{"type":"number"}"##, valid: ["3", "2.5"], invalid: ##""ten""##,
        expected: ["1:1 [] expected a number, found a string"]),
    KeywordCase(
        keyword: "type (array)", schema: ##"{"type":["string","null"]}"##, valid: ["null", ##""x""##], invalid: "5",
        expected: ["1:1 [] expected a string or null, found a number"]),
    KeywordCase(
        keyword: "type integer", schema: ##"{"type":"integer"}"##, valid: ["3", "3.0", "1e2", "-7"], invalid: "2.5",
        expected: ["1:1 [] expected an integer, found 2.5"]),
    KeywordCase(
        keyword: "type object/array/boolean", schema: ##"{"type":["object","array"]}"##, valid: ["{}", "[]"],
        invalid: "true",
        expected: ["1:1 [] expected an object or an array, found a boolean"]),
    KeywordCase(
        keyword: "properties", schema: ##"{"properties":{"a":{"type":"string"}}}"##,
        valid: [##"{"a":"x","b":1}"##, "{}"],
        invalid: ##"{"a": 1}"##, expected: ["1:7 [/a] expected a string, found a number"]),
    KeywordCase(
        keyword: "required", schema: ##"{"required":["marks"]}"##, valid: [##"{"marks":1}"##, "3"],
        invalid: ##"{"x": 1}"##, expected: ["1:1 [] missing required key 'marks'"]),
    KeywordCase(
        keyword: "additionalProperties false", schema: ##"{"properties":{"a":{}},"additionalProperties":false}"##,
        valid: [##"{"a":1}"##], invalid: ##"{"a":1,"zzz":2}"##,
        expected: ["1:8 [/zzz] unknown key 'zzz'; expected one of: a"]),
    KeywordCase(
        keyword: "additionalProperties schema",
        schema: ##"{"properties":{"a":{}},"additionalProperties":{"type":"integer"}}"##,
        valid: [##"{"a":"s","b":2}"##], invalid: ##"{"b":"x"}"##,
        expected: ["1:6 [/b] expected an integer, found a string"]),
    KeywordCase(
        keyword: "patternProperties",
        schema: ##"{"patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false}"##,
        valid: [##"{"x-note":"hi"}"##], invalid: ##"{"x-n":1,"y":2}"##,
        expected: [
            "1:8 [/x-n] expected a string, found a number",
            "1:10 [/y] unknown key 'y'; expected one of: a key matching ^x-",
        ]),
    KeywordCase(
        keyword: "items", schema: ##"{"items":{"type":"string"}}"##, valid: [##"["a","b"]"##, "[]"],
        invalid: ##"["a",2]"##, expected: ["1:6 [/1] expected a string, found a number"]),
    KeywordCase(
        keyword: "prefixItems + items false",
        schema: ##"{"prefixItems":[{"type":"string"},{"type":"integer"}],"items":false}"##,
        valid: [##"["a",1]"##, ##"["a"]"##], invalid: "[1,1,true]",
        expected: [
            "1:2 [/0] expected a string, found a number",
            "1:6 [/2] unexpected item at index 2; at most 2 items are allowed",
        ]),
    KeywordCase(
        keyword: "minItems", schema: ##"{"minItems":2}"##, valid: ["[1,2]", "{}"], invalid: "[1]",
        expected: ["1:1 [] expected at least 2 items, found 1"]),
    KeywordCase(
        keyword: "maxItems", schema: ##"{"maxItems":1}"##, valid: ["[1]", "[]"], invalid: "[1,2]",
        expected: ["1:1 [] expected at most 1 item, found 2"]),
    KeywordCase(
        keyword: "uniqueItems", schema: ##"{"uniqueItems":true}"##, valid: [##"[1,"1",{"a":1},{"a":2}]"##],
        invalid: ##"[{"a":1,"b":2}, 3, {"b":2,"a":1.0}]"##,
        expected: ["1:20 [/2] duplicate item; equal to item 0 at line 1, column 2"]),
    KeywordCase(
        keyword: "enum", schema: ##"{"enum":["a","b","c"]}"##, valid: [##""b""##], invalid: ##""d""##,
        expected: ["1:1 [] expected one of: a, b, c; found 'd'"]),
    KeywordCase(
        keyword: "enum (mixed)", schema: ##"{"enum":[1,null,"x"]}"##, valid: ["1.0", "null"], invalid: "2",
        expected: ["1:1 [] expected one of: 1, null, x; found 2"]),
    KeywordCase(
        keyword: "const", schema: ##"{"const":"draft"}"##, valid: [##""draft""##], invalid: ##""final""##,
        expected: ["1:1 [] expected 'draft', found 'final'"]),
    KeywordCase(
        keyword: "minimum", schema: ##"{"minimum":1}"##, valid: ["1", "1.5"], invalid: "0",
        expected: ["1:1 [] must be at least 1, found 0"]),
    KeywordCase(
        keyword: "maximum", schema: ##"{"maximum":10}"##, valid: ["10"], invalid: "10.5",
        expected: ["1:1 [] must be at most 10, found 10.5"]),
    KeywordCase(
        keyword: "exclusiveMinimum", schema: ##"{"exclusiveMinimum":0}"##, valid: ["0.1"], invalid: "0",
        expected: ["1:1 [] must be greater than 0, found 0"]),
    KeywordCase(
        keyword: "exclusiveMaximum", schema: ##"{"exclusiveMaximum":100}"##, valid: ["99.9"], invalid: "100",
        expected: ["1:1 [] must be less than 100, found 100"]),
    KeywordCase(
        keyword: "minLength (Unicode scalars)", schema: ##"{"minLength":3}"##, valid: [##""😀😀😀""##, ##""abc""##],
        invalid: ##""ab""##, expected: ["1:1 [] must be at least 3 characters long, found 2"]),
    KeywordCase(
        keyword: "maxLength (Unicode scalars)", schema: ##"{"maxLength":2}"##, valid: [##""é😀""##],
        invalid: ##""abc""##,
        expected: ["1:1 [] must be at most 2 characters long, found 3"]),
    KeywordCase(
        keyword: "pattern", schema: ##"{"pattern":"^[A-Z]{2}[0-9]+$"}"##, valid: [##""AO1""##, "5"],
        invalid: ##""ao1""##,
        expected: ["1:1 [] 'ao1' does not match the pattern ^[A-Z]{2}[0-9]+$"]),
    KeywordCase(
        keyword: "pattern is unanchored", schema: ##"{"pattern":"b+"}"##, valid: [##""abbc""##], invalid: ##""ac""##,
        expected: ["1:1 [] 'ac' does not match the pattern b+"]),
    KeywordCase(
        keyword: "allOf", schema: ##"{"allOf":[{"type":"integer"},{"minimum":5}]}"##, valid: ["7"], invalid: "3",
        expected: ["1:1 [] must be at least 5, found 3"]),
    KeywordCase(
        keyword: "anyOf", schema: ##"{"anyOf":[{"type":"string"},{"type":"integer"}]}"##, valid: [##""x""##, "3"],
        invalid: "true", expected: ["1:1 [] expected a string or an integer, found a boolean"]),
    KeywordCase(
        keyword: "oneOf", schema: ##"{"oneOf":[{"type":"integer"},{"minimum":0}]}"##, valid: ["-1", "0.5"],
        invalid: "3", expected: ["1:1 [] matches 2 alternatives (#1, #2) but must match exactly one"]),
    KeywordCase(
        keyword: "not", schema: ##"{"not":{"type":"null"}}"##, valid: ["1", "{}"], invalid: "null",
        expected: ["1:1 [] value is not allowed here (it matches the schema at #/not, which is forbidden by 'not')"]),
    KeywordCase(
        keyword: "not (titled)", schema: ##"{"not":{"title":"empty","const":""}}"##, valid: [##""x""##],
        invalid: ##""""##,
        expected: ["1:1 [] must not be empty"]),
    KeywordCase(
        keyword: "if/then/else (then)",
        schema:
            ##"{"if":{"properties":{"kind":{"const":"essay"}}},"then":{"required":["words"]},"else":{"required":["marks"]}}"##,
        valid: [##"{"kind":"essay","words":5}"##, ##"{"kind":"short","marks":1}"##], invalid: ##"{"kind":"essay"}"##,
        expected: ["1:1 [] missing required key 'words'"]),
    KeywordCase(
        keyword: "if/then/else (else)",
        schema:
            ##"{"if":{"properties":{"kind":{"const":"essay"}}},"then":{"required":["words"]},"else":{"required":["marks"]}}"##,
        valid: [], invalid: ##"{"kind":"short","words":5}"##,
        expected: ["1:1 [] missing required key 'marks'"]),
    KeywordCase(
        keyword: "minProperties", schema: ##"{"minProperties":1}"##, valid: [##"{"a":1}"##], invalid: "{}",
        expected: ["1:1 [] expected at least 1 key, found 0"]),
    KeywordCase(
        keyword: "maxProperties", schema: ##"{"maxProperties":1}"##, valid: [##"{"a":1}"##],
        invalid: ##"{"a":1,"b":2}"##,
        expected: ["1:1 [] expected at most 1 key, found 2"]),
    KeywordCase(
        keyword: "dependentRequired", schema: ##"{"dependentRequired":{"maxMarks":["minMarks"]}}"##,
        valid: [##"{"minMarks":1}"##, ##"{"maxMarks":1,"minMarks":0}"##], invalid: ##"{"maxMarks":1}"##,
        expected: ["1:1 [] key 'minMarks' is required when 'maxMarks' is present"]),
    KeywordCase(
        keyword: "$ref to $defs",
        schema: ##"{"$defs":{"pos":{"type":"integer","minimum":1}},"properties":{"n":{"$ref":"#/$defs/pos"}}}"##,
        valid: [##"{"n":4}"##], invalid: ##"{"n":0}"##, expected: ["1:6 [/n] must be at least 1, found 0"]),
    KeywordCase(
        keyword: "$ref to definitions",
        schema: ##"{"definitions":{"s":{"type":"string"}},"items":{"$ref":"#/definitions/s"}}"##,
        valid: [##"["a"]"##], invalid: "[1]", expected: ["1:2 [/0] expected a string, found a number"]),
    KeywordCase(
        keyword: "false schema", schema: ##"{"properties":{"legacy":false}}"##, valid: [##"{"other":1}"##],
        invalid: ##"{"legacy":1}"##, expected: ["1:11 [/legacy] no value is allowed here"]),
    KeywordCase(
        keyword: "annotations are ignored",
        schema:
            ##"{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"x","title":"T","description":"d","$comment":"c","default":1,"examples":[1],"deprecated":false,"readOnly":true,"writeOnly":false,"format":"email","type":"string"}"##,
        valid: [##""not an email""##], invalid: "1", expected: ["1:1 [] expected a string, found a number"]),
]

@Test("each supported keyword accepts valid and reports invalid instances", arguments: keywordCases)
func keyword(_ c: KeywordCase) throws {
    let validator = try makeValidator(c.schema)
    for text in c.valid {
        #expect(render(validator.validate(try JSONParser.parse(text))) == [], "valid instance \(text)")
        #expect(validator.isValid(try JSONParser.parse(text)))
    }
    #expect(render(validator.validate(try JSONParser.parse(c.invalid))) == c.expected)
}

// MARK: - Rubric-shaped schema: unknown keys, did-you-mean, positions

private let rubricSchema = """
    {
      "$defs": {
        "markingPoint": {
          "title": "Marking point",
          "type": "object",
          "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "marks": {"type": "integer", "minimum": 0},
            "weight": {"type": "number"}
          },
          "required": ["id", "marks"],
          "additionalProperties": false
        }
      },
      "type": "object",
      "properties": {
        "markingPoints": {"type": "array", "items": {"$ref": "#/$defs/markingPoint"}}
      },
      "required": ["markingPoints"],
      "additionalProperties": false
    }
    """

@Test func unknownKeysAreReportedAtTheKeyWithSuggestions() throws {
    let instance = """
        {
          "markingPoints": [
            {"id": "a", "marks": 2},
            {"id": "b", "weigth": 1},
            {"id": 3, "marks": 1, "xyz": true}
          ]
        }
        """
    let violations = try makeValidator(rubricSchema).validate(JSONParser.parse(instance))
    #expect(
        render(violations) == [
            "4:5 [/markingPoints/1] missing required key 'marks'",
            "4:17 [/markingPoints/1/weigth] unknown key 'weigth' in marking point; expected one of: id, title, marks, weight; did you mean 'weight'?",
            "5:12 [/markingPoints/2/id] expected a string, found a number",
            "5:27 [/markingPoints/2/xyz] unknown key 'xyz' in marking point; expected one of: id, title, marks, weight",
        ])
    #expect(violations[1].formatted(file: "rubric.json").hasPrefix("rubric.json:4:17: error: unknown key 'weigth'"))
}

@Test func didYouMeanRules() throws {
    let v = try makeValidator(rubricSchema)
    // Untitled object: no "in ..." context. Distance 1 from an allowed key.
    #expect(
        render(v.validate(try JSONParser.parse(##"{"markingPoint": []}"##))) == [
            "1:1 [] missing required key 'markingPoints'",
            "1:2 [/markingPoint] unknown key 'markingPoint'; expected one of: markingPoints; did you mean 'markingPoints'?",
        ])
    // Case differences count as close; tiny keys do not match everything.
    let items = render(v.validate(try JSONParser.parse(##"{"markingPoints": [{"id": "x", "Marks": 1, "a": 1}]}"##)))
    #expect(
        items == [
            "1:20 [/markingPoints/0] missing required key 'marks'",
            "1:32 [/markingPoints/0/Marks] unknown key 'Marks' in marking point; expected one of: id, title, marks, weight; did you mean 'marks'?",
            "1:44 [/markingPoints/0/a] unknown key 'a' in marking point; expected one of: id, title, marks, weight",
        ])
    #expect(closestMatch(to: "wieght", among: ["weight", "marks"]) == "weight")
    #expect(closestMatch(to: "levels", among: ["id", "marks"]) == nil)
    #expect(editDistance(Array("kitten"), Array("sitting")) == 3)
}

@Test func pointersEscapeSlashAndTilde() throws {
    #expect(
        try check(##"{"additionalProperties":{"type":"string"}}"##, ##"{"a/b~":1}"##)
            == ["1:9 [/a~1b~0] expected a string, found a number"])
}

@Test func violationsAreSortedByLocation() throws {
    let schema = ##"{"allOf":[{"properties":{"b":{"type":"string"}}},{"properties":{"a":{"type":"string"}}}]}"##
    #expect(
        try check(schema, ##"{"a":1,"b":2}"##) == [
            "1:6 [/a] expected a string, found a number",
            "1:12 [/b] expected a string, found a number",
        ])
}

// MARK: - $ref recursion

@Test func recursiveRefThroughDefs() throws {
    let schema =
        ##"{"$defs":{"node":{"type":"object","properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}},"required":["name"]}},"$ref":"#/$defs/node"}"##
    #expect(try check(schema, ##"{"name":"a","children":[{"name":"b","children":[{"name":"c"}]}]}"##) == [])
    #expect(
        try check(schema, ##"{"name":"a","children":[{"name":"b","children":[{"children":[]}]}]}"##)
            == ["1:49 [/children/0/children/0] missing required key 'name'"])
}

@Test func recursiveRefToRoot() throws {
    let schema = ##"{"type":"object","properties":{"sub":{"$ref":"#"}},"additionalProperties":false}"##
    #expect(try check(schema, ##"{"sub":{"sub":{}}}"##) == [])
    #expect(
        try check(schema, ##"{"sub":{"sub":{"zzz":1}}}"##)
            == ["1:16 [/sub/sub/zzz] unknown key 'zzz'; expected one of: sub"])
}

@Test func refCyclesThatNeverConsumeInputAreRejected() throws {
    let mutual = try #require(
        try schemaError(##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##))
    #expect(mutual.message == "$ref cycle never reaches any instance data: #/$defs/a -> #/$defs/b -> #/$defs/a")
    let selfRef = try #require(try schemaError(##"{"$ref":"#"}"##))
    #expect(selfRef.message == "$ref cycle never reaches any instance data: # -> #")
    let viaAllOf = try #require(try schemaError(##"{"allOf":[{"$ref":"#"}]}"##))
    #expect(viaAllOf.message == "$ref cycle never reaches any instance data: # -> #/allOf/0 -> #")
}

// MARK: - anyOf / oneOf branch selection

private let questionSchema = ##"""
    {"oneOf": [
      {"title": "essay question", "type": "object",
       "properties": {"kind": {"const": "essay"}, "minWords": {"type": "integer"}},
       "required": ["kind", "minWords"], "additionalProperties": false},
      {"title": "short answer", "type": "object",
       "properties": {"kind": {"const": "short"}, "answer": {"type": "string"}},
       "required": ["kind", "answer"], "additionalProperties": false}
    ]}
    """##

@Test func oneOfReportsTheBranchChosenByTheDiscriminator() throws {
    #expect(try check(questionSchema, ##"{"kind":"short","answer":"yes"}"##) == [])
    #expect(
        try check(questionSchema, ##"{"kind":"short","answer":5}"##)
            == ["1:26 [/answer] expected a string, found a number"])
    // The essay branch has more violations, but "kind": "essay" says it is the one meant.
    #expect(
        try check(questionSchema, ##"{"kind":"essay","answer":"x"}"##) == [
            "1:1 [] missing required key 'minWords'",
            "1:17 [/answer] unknown key 'answer' in essay question; expected one of: kind, minWords",
        ])
    // No branch has the right type: one summary line instead of one per branch.
    #expect(try check(questionSchema, ##""essay""##) == ["1:1 [] expected an object, found a string"])
}

@Test func oneOfAmbiguityNamesTitledBranches() throws {
    let schema = ##"{"oneOf":[{"title":"whole marks","type":"integer"},{"title":"positive","exclusiveMinimum":0}]}"##
    #expect(
        try check(schema, "2") == [
            "1:1 [] matches 2 alternatives ('whole marks', 'positive') but must match exactly one"
        ])
}

@Test func anyOfSkipsBranchesOfTheWrongType() throws {
    let schema = ##"{"anyOf":[{"type":"string"},{"type":"object","required":["text"]}]}"##
    #expect(try check(schema, "{}") == ["1:1 [] missing required key 'text'"])
    #expect(try check(schema, ##"{"text":1}"##) == [])
}

// MARK: - Schema errors

@Test func unsupportedKeywordsAreRejectedAtInit() throws {
    let error = try #require(
        try schemaError(##"{"type":"object","properties":{"a":{"contains":{}}},"propertyNames":{"maxLength":3}}"##))
    #expect(
        error.message
            == "unsupported schema keywords: 'contains' (line 1, column 37), 'propertyNames' (line 1, column 53)")
    #expect(error.unsupportedKeywords == ["contains", "propertyNames"])
    #expect(error.location.column == 37)

    let single = try #require(try schemaError(##"{"multipleOf":2}"##))
    #expect(single.message == "unsupported schema keyword: 'multipleOf' (line 1, column 2)")
}

@Test func malformedSchemasAreRejectedAtInit() throws {
    let cases: [(String, String, Int)] = [
        (##"{"minimum":"3"}"##, "'minimum' must be a number", 12),
        (
            ##"{"type":"text"}"##,
            "unknown type 'text'; expected one of: array, boolean, integer, null, number, object, string", 9
        ),
        (##"{"required":"id"}"##, "'required' must be an array of strings", 13),
        (##"{"minItems":-1}"##, "'minItems' must be a non-negative integer", 13),
        (##"{"anyOf":[]}"##, "'anyOf' must be a non-empty array of schemas", 10),
        (##"{"items":3}"##, "a schema must be an object or a boolean, found 3", 10),
        (
            ##"{"$ref":"other.json#/a"}"##,
            "unsupported $ref 'other.json#/a'; only local references such as '#/$defs/Name' are supported", 9
        ),
        (##"{"$ref":"#/$defs/nope"}"##, "cannot resolve $ref '#/$defs/nope': no '$defs' in the schema", 9),
        (##"{"pattern":"("}"##, "invalid regular expression '('", 12),
    ]
    for (schema, message, column) in cases {
        let error = try #require(try schemaError(schema), "\(schema)")
        #expect(error.message == message)
        #expect(error.location.column == column, "\(schema)")
    }
}
