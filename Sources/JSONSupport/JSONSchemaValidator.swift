import Foundation

/// One way in which an instance fails its schema.
public struct SchemaViolation: Sendable, CustomStringConvertible {
    public var message: String
    /// Where to point the user: the offending value, or for an unknown key the key itself.
    public var location: SourceLocation
    /// JSON Pointer (RFC 6901) of the instance value, e.g. `/markingPoints/2/levels/0`.
    public var pointer: String

    public init(message: String, location: SourceLocation, pointer: String) {
        self.message = message
        self.location = location
        self.pointer = pointer
    }

    /// `line:column: error: message`
    public var description: String { "\(location.line):\(location.column): error: \(message)" }

    /// `file:line:column: error: message`
    public func formatted(file: String) -> String { "\(file):\(description)" }
}

/// A problem with the schema itself: an unsupported keyword, a keyword with a
/// value of the wrong shape, an unresolvable or cyclic `$ref`, a bad regex.
public struct JSONSchemaError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation
    /// Unsupported keywords found in the schema (empty for other kinds of error).
    public var unsupportedKeywords: [String]

    public init(message: String, location: SourceLocation, unsupportedKeywords: [String] = []) {
        self.message = message
        self.location = location
        self.unsupportedKeywords = unsupportedKeywords
    }

    public var description: String { "\(location.line):\(location.column): error: \(message)" }
    public func formatted(file: String) -> String { "\(file):\(description)" }
}

/// A small JSON Schema (draft 2020-12 subset) validator that reports
/// violations with source positions.
///
/// Supported: `type`, `properties`, `required`, `additionalProperties`,
/// `patternProperties`, `items`, `prefixItems`, `minItems`, `maxItems`,
/// `uniqueItems`, `enum`, `const`, `minimum`, `maximum`, `exclusiveMinimum`,
/// `exclusiveMaximum`, `minLength`, `maxLength`, `pattern`, `$ref` (local
/// pointers only), `$defs`, `definitions`, `allOf`, `anyOf`, `oneOf`, `not`,
/// `if`/`then`/`else`, `minProperties`, `maxProperties`, `dependentRequired`,
/// and boolean schemas. Annotation keywords are ignored; any other keyword makes
/// `init` throw, so a schema never silently half-validates.
///
/// A schema's `title` is used to name objects in messages ("unknown key 'x'
/// in marking point").
public struct JSONSchemaValidator: Sendable {
    private let schemas: [CompiledSchema]

    public init(schema: JSONNode) throws(JSONSchemaError) {
        var compiler = SchemaCompiler(root: schema)
        schemas = try compiler.compileAll()
    }

    /// All violations, sorted by source location.
    public func validate(_ instance: JSONNode) -> [SchemaViolation] {
        var out: [SchemaViolation] = []
        validate(instance, schema: 0, pointer: "", title: nil, into: &out)
        // Deduplicate (allOf branches can repeat each other), then sort stably by position.
        var seen = Set<String>()
        let unique = out.filter { seen.insert("\($0.location.offset)|\($0.pointer)|\($0.message)").inserted }
        return unique.enumerated()
            .sorted { ($0.element.location.offset, $0.offset) < ($1.element.location.offset, $1.offset) }
            .map(\.element)
    }

    /// True when the instance has no violations.
    public func isValid(_ instance: JSONNode) -> Bool {
        conforms(instance, schema: 0)
    }

    // MARK: Validation

    private func violations(_ node: JSONNode, schema: Int, pointer: String, title: String?) -> [SchemaViolation] {
        var out: [SchemaViolation] = []
        validate(node, schema: schema, pointer: pointer, title: title, into: &out)
        return out
    }

    /// Whether the node satisfies the schema: the same rules as `validate`, but it stops at the first
    /// failure and builds no messages or pointers. anyOf/oneOf/not/if try their branches this way, so a
    /// valid document never pays for the messages of the branches it did not take.
    private func conforms(_ node: JSONNode, schema: Int) -> Bool {
        var out: [SchemaViolation] = []
        validate(node, schema: schema, pointer: "", title: nil, quick: true, into: &out)
        return out.isEmpty
    }

    private static let quickFailure = SchemaViolation(
        message: "", location: SourceLocation(line: 0, column: 0, offset: 0), pointer: "")

    private func validate(
        _ node: JSONNode, schema index: Int, pointer: String, title inheritedTitle: String?,
        quick: Bool = false, into out: inout [SchemaViolation]
    ) {
        let s = schemas[index]
        func report(
            _ message: @autoclosure () -> String, at location: SourceLocation? = nil,
            pointer p: @autoclosure () -> String? = nil
        ) {
            if quick {
                out.append(Self.quickFailure)
                return
            }
            out.append(
                SchemaViolation(message: message(), location: location ?? node.location, pointer: p() ?? pointer))
        }
        /// A child's pointer; not built in quick mode.
        func child(_ token: @autoclosure () -> String) -> String { quick ? "" : pointer + "/" + token() }
        if let constant = s.constant {
            if !constant { report("no value is allowed here") }
            return
        }
        let title = s.title ?? inheritedTitle

        if let ref = s.ref {
            validate(node, schema: ref, pointer: pointer, title: title, quick: quick, into: &out)
        }

        if let types = s.types, !types.contains(where: { matches(node, type: $0) }) {
            // Other keywords would only add noise about a value of the wrong kind.
            report(typeMessage(expected: types, found: node))
            return
        }

        if let c = s.constValue, !node.isEqualJSON(to: c) {
            report("expected \(c.shortDescription), found \(node.shortDescription)")
        }
        if let options = s.enumValues, !options.contains(where: { node.isEqualJSON(to: $0) }) {
            let list = options.map { $0.stringValue ?? $0.shortDescription }.joined(separator: ", ")
            report("expected one of: \(list); found \(node.shortDescription)")
        }

        switch node.value {
        case .number(let d):
            let shown = JSONNode.format(d)
            if let m = s.minimum, d < m { report("must be at least \(JSONNode.format(m)), found \(shown)") }
            if let m = s.maximum, d > m { report("must be at most \(JSONNode.format(m)), found \(shown)") }
            if let m = s.exclusiveMinimum, d <= m {
                report("must be greater than \(JSONNode.format(m)), found \(shown)")
            }
            if let m = s.exclusiveMaximum, d >= m { report("must be less than \(JSONNode.format(m)), found \(shown)") }

        case .string(let str):
            if s.minLength != nil || s.maxLength != nil {
                let length = str.unicodeScalars.count
                if let m = s.minLength, length < m {
                    report("must be at least \(m) character\(m == 1 ? "" : "s") long, found \(length)")
                }
                if let m = s.maxLength, length > m {
                    report("must be at most \(m) character\(m == 1 ? "" : "s") long, found \(length)")
                }
            }
            if let p = s.pattern, !p.matches(str) {
                report("\(node.shortDescription) does not match the pattern \(p.source)")
            }

        case .array(let items):
            if let m = s.minItems, items.count < m {
                report("expected at least \(m) item\(m == 1 ? "" : "s"), found \(items.count)")
            }
            if let m = s.maxItems, items.count > m {
                report("expected at most \(m) item\(m == 1 ? "" : "s"), found \(items.count)")
            }
            for (i, item) in items.enumerated() {
                let itemPointer = child(String(i))
                if i < s.prefixItems.count {
                    validate(item, schema: s.prefixItems[i], pointer: itemPointer, title: nil, quick: quick, into: &out)
                } else if let itemsSchema = s.items {
                    if schemas[itemsSchema].constant == false {
                        let allowed = s.prefixItems.count
                        report(
                            "unexpected item at index \(i); at most \(allowed) item\(allowed == 1 ? " is" : "s are") allowed",
                            at: item.location, pointer: itemPointer)
                    } else {
                        validate(item, schema: itemsSchema, pointer: itemPointer, title: nil, quick: quick, into: &out)
                    }
                }
            }
            if s.uniqueItems {
                for i in items.indices {
                    if let j = items[..<i].firstIndex(where: { $0.isEqualJSON(to: items[i]) }) {
                        let first = items[j].location
                        report(
                            "duplicate item; equal to item \(j) at line \(first.line), column \(first.column)",
                            at: items[i].location, pointer: child(String(i)))
                    }
                }
            }

        case .object(let members):
            for key in s.required where !members.contains(where: { $0.key == key }) {
                report("missing required key '\(key)'")
            }
            for (key, needed) in s.dependentRequired where members.contains(where: { $0.key == key }) {
                for other in needed where !members.contains(where: { $0.key == other }) {
                    report("key '\(other)' is required when '\(key)' is present")
                }
            }
            if let m = s.minProperties, members.count < m {
                report("expected at least \(m) key\(m == 1 ? "" : "s"), found \(members.count)")
            }
            if let m = s.maxProperties, members.count > m {
                report("expected at most \(m) key\(m == 1 ? "" : "s"), found \(members.count)")
            }
            for member in members {
                let memberPointer = child(escapePointerToken(member.key))
                var known = false
                if let propertySchema = s.propertyIndex[member.key] {
                    known = true
                    validate(
                        member.value, schema: propertySchema, pointer: memberPointer, title: nil, quick: quick,
                        into: &out)
                }
                for (pattern, patternSchema) in s.patternProperties where pattern.matches(member.key) {
                    known = true
                    validate(
                        member.value, schema: patternSchema, pointer: memberPointer, title: nil, quick: quick,
                        into: &out)
                }
                guard !known, let additional = s.additionalProperties else { continue }
                if schemas[additional].constant == false {
                    report(
                        unknownKeyMessage(member.key, schema: s, title: title),
                        at: member.keyLocation, pointer: memberPointer)
                } else {
                    validate(
                        member.value, schema: additional, pointer: memberPointer, title: nil, quick: quick, into: &out)
                }
            }

        case .null, .bool:
            break
        }

        for sub in s.allOf {
            validate(node, schema: sub, pointer: pointer, title: title, quick: quick, into: &out)
        }

        if !s.anyOf.isEmpty && !s.anyOf.contains(where: { conforms(node, schema: $0) }) {
            if quick {
                out.append(Self.quickFailure)
            } else {
                let results = s.anyOf.map { violations(node, schema: $0, pointer: pointer, title: title) }
                out += bestBranchViolations(node, branches: s.anyOf, results: results, pointer: pointer)
            }
        }

        if !s.oneOf.isEmpty {
            let passing = s.oneOf.indices.filter { conforms(node, schema: s.oneOf[$0]) }
            if passing.isEmpty {
                if quick {
                    out.append(Self.quickFailure)
                } else {
                    let results = s.oneOf.map { violations(node, schema: $0, pointer: pointer, title: title) }
                    out += bestBranchViolations(node, branches: s.oneOf, results: results, pointer: pointer)
                }
            } else if passing.count > 1 {
                let names = passing.map { i in schemas[s.oneOf[i]].title.map { "'\($0)'" } ?? "#\(i + 1)" }
                report(
                    "matches \(passing.count) alternatives (\(names.joined(separator: ", "))) but must match exactly one"
                )
            }
        }

        if let notSchema = s.not, conforms(node, schema: notSchema) {
            if let t = schemas[notSchema].title {
                report("must not be \(t)")
            } else {
                report(
                    "value is not allowed here (it matches the schema at \(schemas[notSchema].pointer), which is forbidden by 'not')"
                )
            }
        }

        if let condition = s.ifSchema {
            if conforms(node, schema: condition) {
                if let t = s.thenSchema {
                    validate(node, schema: t, pointer: pointer, title: title, quick: quick, into: &out)
                }
            } else if let e = s.elseSchema {
                validate(node, schema: e, pointer: pointer, title: title, quick: quick, into: &out)
            }
        }
    }

    private func matches(_ node: JSONNode, type: String) -> Bool {
        switch (type, node.value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string),
            ("array", .array), ("object", .object):
            return true
        case ("integer", .number):
            return node.isIntegral
        default:
            return false
        }
    }

    private func typeMessage(expected types: [String], found node: JSONNode) -> String {
        let expected = joinedWithOr(types.map(typeNoun))
        if types.contains("integer"), case .number(let d) = node.value {
            return "expected \(expected), found \(JSONNode.format(d))"
        }
        let found: String
        switch node.value {
        case .number: found = "a number"
        case .bool: found = "a boolean"
        default: found = typeNoun(node.typeName)
        }
        return "expected \(expected), found \(found)"
    }

    private func unknownKeyMessage(_ key: String, schema s: CompiledSchema, title: String?) -> String {
        var message = "unknown key '\(key)'"
        if let title { message += " in \(lowercasedFirst(title))" }
        let allowed = s.properties.map(\.name)
        var alternatives = allowed
        alternatives += s.patternProperties.map { "a key matching \($0.0.source)" }
        if alternatives.isEmpty {
            message += "; no keys are allowed here"
        } else {
            message += "; expected one of: " + alternatives.joined(separator: ", ")
        }
        if let suggestion = closestMatch(to: key, among: allowed) {
            message += "; did you mean '\(suggestion)'?"
        }
        return message
    }

    // MARK: anyOf / oneOf branch selection

    /// When no branch of an anyOf/oneOf matches, report the branch the author
    /// most likely meant rather than every branch's complaints.
    private func bestBranchViolations(
        _ node: JSONNode, branches: [Int], results: [[SchemaViolation]],
        pointer: String
    ) -> [SchemaViolation] {
        let scores = branches.map { branchScore($0, node: node) }
        if scores.allSatisfy({ $0 == Self.typeMismatchScore }) {
            // Every branch wants a different kind of value: say which kinds are allowed.
            var types: [String] = []
            for b in branches {
                for t in branchFacts(b).types ?? [] where !types.contains(t) { types.append(t) }
            }
            return [
                SchemaViolation(
                    message: typeMessage(expected: types, found: node),
                    location: node.location, pointer: pointer)
            ]
        }
        var best = 0
        for i in branches.indices.dropFirst() {
            if scores[i] > scores[best] || (scores[i] == scores[best] && results[i].count < results[best].count) {
                best = i
            }
        }
        return results[best]
    }

    private static let typeMismatchScore = Int.min / 2

    private func branchScore(_ branch: Int, node: JSONNode) -> Int {
        let facts = branchFacts(branch)
        if let types = facts.types, !types.contains(where: { matches(node, type: $0) }) {
            return Self.typeMismatchScore
        }
        var score = 0
        for c in facts.consts { score += node.isEqualJSON(to: c) ? 1000 : -1000 }
        for e in facts.enums { score += e.contains(where: { node.isEqualJSON(to: $0) }) ? 500 : -500 }
        guard let members = node.members else { return score }
        // Properties pinned by const/enum act as discriminators ("kind": "essay").
        for (key, sub) in facts.properties {
            guard let value = members.first(where: { $0.key == key })?.value else { continue }
            let subFacts = branchFacts(sub)
            for c in subFacts.consts { score += value.isEqualJSON(to: c) ? 100 : -100 }
            for e in subFacts.enums { score += e.contains(where: { value.isEqualJSON(to: $0) }) ? 50 : -50 }
            if let types = subFacts.types, !types.contains(where: { matches(value, type: $0) }) { score -= 5 }
        }
        for key in facts.required { score += members.contains(where: { $0.key == key }) ? 1 : -2 }
        if facts.closed {
            let known = Set(facts.properties.map(\.0))
            score -= members.filter { !known.contains($0.key) }.count
        }
        return score
    }

    private struct BranchFacts {
        var types: [String]?
        var consts: [JSONNode] = []
        var enums: [[JSONNode]] = []
        var properties: [(String, Int)] = []
        var required: [String] = []
        var closed = false
    }

    /// Discriminating facts about a schema, looking through `$ref` and `allOf`.
    private func branchFacts(_ index: Int, depth: Int = 0) -> BranchFacts {
        var facts = BranchFacts()
        let s = schemas[index]
        if depth > 16 { return facts }
        var parts = [index]
        if let r = s.ref { parts.append(r) }
        parts += s.allOf
        for (n, part) in parts.enumerated() {
            let f: BranchFacts
            if n == 0 {
                var own = BranchFacts()
                own.types = s.types
                if let c = s.constValue { own.consts = [c] }
                if let e = s.enumValues { own.enums = [e] }
                own.properties = s.properties.map { ($0.name, $0.schema) }
                own.required = s.required
                own.closed = s.additionalProperties.map { schemas[$0].constant == false } ?? false
                f = own
            } else {
                f = branchFacts(part, depth: depth + 1)
            }
            if facts.types == nil { facts.types = f.types }
            facts.consts += f.consts
            facts.enums += f.enums
            facts.properties += f.properties
            facts.required += f.required
            facts.closed = facts.closed || f.closed
        }
        return facts
    }
}

// MARK: - Compiled form

/// A regex compiled once at init. NSRegularExpression is immutable and
/// documented as safe to use from multiple threads.
struct SchemaPattern: @unchecked Sendable {
    let source: String
    let regex: NSRegularExpression

    func matches(_ string: String) -> Bool {
        regex.firstMatch(in: string, options: [], range: NSRange(location: 0, length: string.utf16.count)) != nil
    }
}

struct CompiledSchema: Sendable {
    var pointer: String
    var location: SourceLocation
    /// Set for the boolean schemas `true` / `false`.
    var constant: Bool?
    var title: String?
    var types: [String]?
    var properties: [(name: String, schema: Int)] = []
    var propertyIndex: [String: Int] = [:]
    var required: [String] = []
    var additionalProperties: Int?
    var patternProperties: [(SchemaPattern, Int)] = []
    var items: Int?
    var prefixItems: [Int] = []
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var enumValues: [JSONNode]?
    var constValue: JSONNode?
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaPattern?
    var ref: Int?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?
    var minProperties: Int?
    var maxProperties: Int?
    var dependentRequired: [(String, [String])] = []

    init(pointer: String, location: SourceLocation) {
        self.pointer = pointer
        self.location = location
    }
}

private let annotationKeywords: Set<String> = [
    "title", "description", "$schema", "$id", "$comment", "default", "examples",
    "deprecated", "readOnly", "writeOnly", "format",
]

private let knownTypes: Set<String> = ["null", "boolean", "object", "array", "number", "string", "integer"]

private struct SchemaCompiler {
    let root: JSONNode
    var schemas: [CompiledSchema] = []
    var byPointer: [String: Int] = [:]
    var pendingRefs: [(schema: Int, ref: String, location: SourceLocation)] = []
    var unsupported: [(String, SourceLocation)] = []

    init(root: JSONNode) { self.root = root }

    mutating func compileAll() throws(JSONSchemaError) -> [CompiledSchema] {
        _ = try compile(root, pointer: "#")
        while let pending = pendingRefs.popLast() {
            let (target, canonical) = try resolve(pending.ref, at: pending.location)
            schemas[pending.schema].ref = try compile(target, pointer: canonical)
        }
        if let first = unsupported.first {
            let names = unsupported.map(\.0)
            let listed = unsupported.map { "'\($0.0)' (line \($0.1.line), column \($0.1.column))" }
            throw JSONSchemaError(
                message: "unsupported schema keyword\(names.count == 1 ? "" : "s"): \(listed.joined(separator: ", "))",
                location: first.1, unsupportedKeywords: names)
        }
        try checkForRefCycles()
        return schemas
    }

    // MARK: Compiling one schema

    mutating func compile(_ node: JSONNode, pointer: String) throws(JSONSchemaError) -> Int {
        if let existing = byPointer[pointer] { return existing }
        let index = schemas.count
        byPointer[pointer] = index
        schemas.append(CompiledSchema(pointer: pointer, location: node.location))
        var s = CompiledSchema(pointer: pointer, location: node.location)

        switch node.value {
        case .bool(let b):
            s.constant = b
            schemas[index] = s
            return index
        case .object:
            break
        default:
            throw JSONSchemaError(
                message: "a schema must be an object or a boolean, found \(node.shortDescription)",
                location: node.location)
        }

        for member in node.members ?? [] {
            let v = member.value
            let key = member.key
            let here = pointer + "/" + escapePointerToken(key)
            func bad(_ expectation: String) -> JSONSchemaError {
                JSONSchemaError(message: "'\(key)' must be \(expectation)", location: v.location)
            }
            switch key {
            case "title":
                s.title = v.stringValue
            case _ where annotationKeywords.contains(key):
                continue
            case "type":
                let names: [String]
                if let one = v.stringValue {
                    names = [one]
                } else if let many = v.arrayValue, !many.isEmpty, many.allSatisfy({ $0.stringValue != nil }) {
                    names = many.map { $0.stringValue! }
                } else {
                    throw bad("a type name or a non-empty array of type names")
                }
                for n in names where !knownTypes.contains(n) {
                    throw JSONSchemaError(
                        message: "unknown type '\(n)'; expected one of: \(knownTypes.sorted().joined(separator: ", "))",
                        location: v.location)
                }
                s.types = names
            case "properties":
                guard let members = v.members else { throw bad("an object") }
                for m in members {
                    let sub = try compile(m.value, pointer: here + "/" + escapePointerToken(m.key))
                    s.properties.append((m.key, sub))
                    s.propertyIndex[m.key] = sub
                }
            case "patternProperties":
                guard let members = v.members else { throw bad("an object") }
                for m in members {
                    let regex = try compileRegex(m.key, at: m.keyLocation)
                    s.patternProperties.append(
                        (regex, try compile(m.value, pointer: here + "/" + escapePointerToken(m.key))))
                }
            case "required":
                guard let list = v.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                    throw bad("an array of strings")
                }
                s.required = list.map { $0.stringValue! }
            case "dependentRequired":
                guard let members = v.members else { throw bad("an object") }
                for m in members {
                    guard let list = m.value.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                        throw JSONSchemaError(
                            message: "'dependentRequired' values must be arrays of strings",
                            location: m.value.location)
                    }
                    s.dependentRequired.append((m.key, list.map { $0.stringValue! }))
                }
            case "additionalProperties": s.additionalProperties = try compile(v, pointer: here)
            case "items": s.items = try compile(v, pointer: here)
            case "not": s.not = try compile(v, pointer: here)
            case "if": s.ifSchema = try compile(v, pointer: here)
            case "then": s.thenSchema = try compile(v, pointer: here)
            case "else": s.elseSchema = try compile(v, pointer: here)
            case "prefixItems": s.prefixItems = try compileList(v, key: key, pointer: here)
            case "allOf": s.allOf = try compileList(v, key: key, pointer: here)
            case "anyOf": s.anyOf = try compileList(v, key: key, pointer: here)
            case "oneOf": s.oneOf = try compileList(v, key: key, pointer: here)
            case "$defs", "definitions":
                guard let members = v.members else { throw bad("an object") }
                // Compiled eagerly so mistakes in unused definitions are still caught.
                for m in members {
                    _ = try compile(m.value, pointer: here + "/" + escapePointerToken(m.key))
                }
            case "$ref":
                guard let ref = v.stringValue else { throw bad("a string") }
                pendingRefs.append((index, ref, v.location))
            case "minItems": s.minItems = try count(v, bad)
            case "maxItems": s.maxItems = try count(v, bad)
            case "minLength": s.minLength = try count(v, bad)
            case "maxLength": s.maxLength = try count(v, bad)
            case "minProperties": s.minProperties = try count(v, bad)
            case "maxProperties": s.maxProperties = try count(v, bad)
            case "uniqueItems":
                guard let b = v.boolValue else { throw bad("true or false") }
                s.uniqueItems = b
            case "enum":
                guard let list = v.arrayValue else { throw bad("an array") }
                s.enumValues = list
            case "const": s.constValue = v
            case "minimum": s.minimum = try number(v, bad)
            case "maximum": s.maximum = try number(v, bad)
            case "exclusiveMinimum": s.exclusiveMinimum = try number(v, bad)
            case "exclusiveMaximum": s.exclusiveMaximum = try number(v, bad)
            case "pattern":
                guard let p = v.stringValue else { throw bad("a string") }
                s.pattern = try compileRegex(p, at: v.location)
            default:
                unsupported.append((key, member.keyLocation))
            }
        }
        schemas[index] = s
        return index
    }

    mutating func compileList(_ v: JSONNode, key: String, pointer: String) throws(JSONSchemaError) -> [Int] {
        guard let list = v.arrayValue, !list.isEmpty else {
            throw JSONSchemaError(message: "'\(key)' must be a non-empty array of schemas", location: v.location)
        }
        var result: [Int] = []
        for (i, item) in list.enumerated() {
            result.append(try compile(item, pointer: pointer + "/" + String(i)))
        }
        return result
    }

    func count(_ v: JSONNode, _ bad: (String) -> JSONSchemaError) throws(JSONSchemaError) -> Int {
        guard let n = v.intValue, n >= 0 else { throw bad("a non-negative integer") }
        return n
    }

    func number(_ v: JSONNode, _ bad: (String) -> JSONSchemaError) throws(JSONSchemaError) -> Double {
        guard let d = v.doubleValue else { throw bad("a number") }
        return d
    }

    func compileRegex(_ source: String, at location: SourceLocation) throws(JSONSchemaError) -> SchemaPattern {
        do {
            return SchemaPattern(source: source, regex: try NSRegularExpression(pattern: source))
        } catch {
            throw JSONSchemaError(message: "invalid regular expression '\(source)'", location: location)
        }
    }

    // MARK: $ref resolution

    /// Resolves a local reference ("#", "#/$defs/Name", any "#/json/pointer")
    /// to the schema node and its canonical pointer.
    func resolve(_ ref: String, at location: SourceLocation) throws(JSONSchemaError) -> (JSONNode, String) {
        guard ref.hasPrefix("#") else {
            throw JSONSchemaError(
                message: "unsupported $ref '\(ref)'; only local references such as '#/$defs/Name' are supported",
                location: location)
        }
        let fragment = String(ref.dropFirst()).removingPercentEncoding ?? String(ref.dropFirst())
        if fragment.isEmpty { return (root, "#") }
        guard fragment.hasPrefix("/") else {
            throw JSONSchemaError(
                message: "unsupported $ref '\(ref)'; anchors are not supported, use a pointer such as '#/$defs/Name'",
                location: location)
        }
        var node = root
        var canonical = "#"
        for rawToken in fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = rawToken.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            let next: JSONNode?
            if let members = node.members {
                next = members.first(where: { $0.key == token })?.value
            } else if let index = Int(token) {
                next = node[index]
            } else {
                next = nil
            }
            guard let next else {
                throw JSONSchemaError(
                    message: "cannot resolve $ref '\(ref)': no '\(token)' in the schema",
                    location: location)
            }
            node = next
            canonical += "/" + escapePointerToken(token)
        }
        return (node, canonical)
    }

    /// A cycle of `$ref`/`allOf`/`anyOf`/`oneOf`/`not`/`if`/`then`/`else` that
    /// never descends into the instance would recurse forever; reject it here.
    /// Cycles through `properties`/`items` are fine: they consume the instance.
    func checkForRefCycles() throws(JSONSchemaError) {
        var state = [UInt8](repeating: 0, count: schemas.count)  // 0 new, 1 on stack, 2 done
        var path: [Int] = []

        func inPlaceEdges(_ s: CompiledSchema) -> [Int] {
            var edges: [Int] = []
            if let r = s.ref { edges.append(r) }
            edges += s.allOf + s.anyOf + s.oneOf
            for e in [s.not, s.ifSchema, s.thenSchema, s.elseSchema] { if let e { edges.append(e) } }
            return edges
        }

        func visit(_ i: Int) -> [Int]? {
            state[i] = 1
            path.append(i)
            for next in inPlaceEdges(schemas[i]) {
                if state[next] == 1 {
                    let start = path.lastIndex(of: next)!
                    return Array(path[start...]) + [next]
                }
                if state[next] == 0, let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[i] = 2
            return nil
        }

        for i in schemas.indices where state[i] == 0 {
            if let cycle = visit(i) {
                let chain = cycle.map { schemas[$0].pointer }.joined(separator: " -> ")
                throw JSONSchemaError(
                    message: "$ref cycle never reaches any instance data: \(chain)",
                    location: schemas[cycle[0]].location)
            }
        }
    }
}

// MARK: - Helpers

func escapePointerToken(_ token: String) -> String {
    guard token.contains("~") || token.contains("/") else { return token }
    return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
}

private func typeNoun(_ type: String) -> String {
    switch type {
    case "integer": return "an integer"
    case "object": return "an object"
    case "array": return "an array"
    case "null": return "null"
    default: return "a \(type)"
    }
}

private func joinedWithOr(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}

/// "Marking point" -> "marking point", but "JSON field" stays as written.
private func lowercasedFirst(_ s: String) -> String {
    let chars = Array(s)
    guard let first = chars.first, first.isUppercase else { return s }
    if chars.count > 1, chars[1].isUppercase { return s }
    return first.lowercased() + String(chars.dropFirst())
}

/// The allowed name closest to `key` (case-insensitive Levenshtein distance
/// at most `maxDistance`, and smaller than the key's length so tiny keys don't
/// match everything), or nil. Ties go to the first candidate.
public func closestMatch(to key: String, among candidates: [String], maxDistance: Int = 2) -> String? {
    let a = Array(key.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let d = editDistance(a, Array(candidate.lowercased()))
        if d <= maxDistance, d < a.count, d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    return best?.name
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
