import JSONSupport
import RubricEngine
import TextAnalyser

/// The JSON contract, version 1: one object for a whole run. Fields are only ever added within a version.
public enum JSONReporter {
    /// The contract version.
    public static let schemaVersion = 1

    /// The report for a run as a JSON value.
    public static func report(rubric: Rubric, documents: [CheckedDocument]) -> JSONValue {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("rubric", .object([("id", .string(rubric.id)), ("title", .string(rubric.title))])),
            ("documents", .array(documents.map(document))),
        ])
    }

    /// The report as text.
    public static func render(rubric: Rubric, documents: [CheckedDocument]) -> String {
        report(rubric: rubric, documents: documents).serialized() + "\n"
    }

    /// One document's object.
    public static func document(_ doc: CheckedDocument) -> JSONValue {
        guard let a = doc.assessment else {
            return .object([
                ("path", .string(doc.path)), ("wordCount", .int(0)),
                ("score", .object([("awarded", .int(0)), ("available", .int(0)), ("percent", .int(0))])),
                ("band", .null), ("markingPoints", .array([])), ("misconceptions", .array([])),
                ("findings", .array([])),
                ("error", .object([("message", .string(doc.error ?? "could not be checked"))])),
            ])
        }
        let src = a.analysis.source
        var fields: [(String, JSONValue)] = [
            ("path", .string(doc.path)),
            ("wordCount", .int(a.analysis.wordCount)),
            (
                "score",
                .object([
                    ("awarded", .double(a.awarded)), ("available", .double(a.available)),
                    ("percent", .double(a.percent)),
                ])
            ),
            ("band", a.band.map(JSONValue.string) ?? .null),
            ("markingPoints", .array(a.points.map { point($0, src) })),
            ("misconceptions", .array(a.misconceptions.map { misconception($0, src) })),
            ("findings", .array(findings(a))),
            (
                "nextSteps",
                .array(
                    a.nextSteps.map { s in
                        .object([
                            ("markingPoint", .string(s.pointID)), ("gain", .double(s.gain)),
                            ("advice", .string(s.advice)),
                        ])
                    })
            ),
            ("wordLimit", wordLimit(a)),
        ]
        if !doc.notes.isEmpty { fields.append(("notes", .array(doc.notes.map(JSONValue.string)))) }
        return .object(fields)
    }

    /// A range: 1-based line and UTF-16 column at both ends, UTF-8 offset and length.
    public static func range(_ r: Range<Int>, _ src: SourceText) -> JSONValue {
        let t = src.range(r)
        return .object([
            ("start", .object([("line", .int(t.start.line)), ("column", .int(t.start.column))])),
            ("end", .object([("line", .int(t.end.line)), ("column", .int(t.end.column))])),
            ("offset", .int(t.offset)),
            ("length", .int(t.length)),
        ])
    }

    private static func point(_ p: PointResult, _ src: SourceText) -> JSONValue {
        .object([
            ("id", .string(p.point.id)),
            ("title", .string(p.point.title)),
            ("awarded", .double(p.awarded)),
            ("available", .double(p.point.marks)),
            ("level", p.level.map(JSONValue.string) ?? .null),
            ("status", .string(p.status.rawValue)),
            (
                "evidence",
                .array(
                    p.evidence.map { e in
                        .object([
                            ("text", .string(e.text)), ("range", range(e.range, src)), ("kind", .string(e.kind)),
                            ("label", .string(e.label)),
                        ])
                    })
            ),
            ("feedback", .string(p.feedback)),
            ("development", .int(p.development)),
            ("penalties", .array(p.penalties.map(JSONValue.string))),
        ])
    }

    private static func misconception(_ m: MisconceptionResult, _ src: SourceText) -> JSONValue {
        .object([
            ("id", .string(m.misconception.id)),
            ("text", .string(m.text)),
            ("correction", .string(m.misconception.correction)),
            ("range", range(m.range, src)),
            ("description", .string(m.misconception.text)),
        ])
    }

    private static func findings(_ a: Assessment) -> [JSONValue] {
        let src = a.analysis.source
        var out: [(Int, JSONValue)] = []
        for f in a.analysis.findings {
            // Misconception phrases are building blocks; the misconceptions they make up are listed below.
            if case .term(let t) = f.kind, a.rubric.terms[t].kind == .misconception { continue }
            let (kind, label) = Assessor.describe(f, terms: a.rubric.terms)
            var fields: [(String, JSONValue)] = [
                ("kind", .string(kind)), ("label", .string(label)), ("text", .string(a.analysis.text(of: f))),
                ("negated", .bool(f.negated)), ("range", range(f.range, src)),
            ]
            if case .term(let t) = f.kind { fields.append(("concept", .string(a.rubric.terms[t].id))) }
            if f.weak { fields.append(("weak", .bool(true))) }
            out.append((f.range.lowerBound, .object(fields)))
        }
        for (m, negated) in a.misconceptions.map({ ($0, false) }) + a.rejectedMisconceptions.map({ ($0, true) }) {
            out.append(
                (
                    m.range.lowerBound,
                    .object([
                        ("kind", .string("misconception")), ("label", .string(m.misconception.id)),
                        ("text", .string(m.text)),
                        ("negated", .bool(negated)), ("range", range(m.range, src)),
                    ])
                ))
        }
        return out.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }

    private static func wordLimit(_ a: Assessment) -> JSONValue {
        let limit = a.rubric.wordLimit
        let status: String
        switch a.wordLimitStatus {
        case .noLimit: status = "none"
        case .within: status = "within"
        case .under: status = "under"
        case .over: status = "over"
        }
        return .object([
            ("min", limit?.min.map(JSONValue.int) ?? .null), ("max", limit?.max.map(JSONValue.int) ?? .null),
            ("status", .string(status)),
        ])
    }
}
