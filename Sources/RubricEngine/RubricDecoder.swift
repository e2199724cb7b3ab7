import Foundation
import JSONSupport
import TextAnalyser

/// Turns a schema-valid rubric document into a `Rubric`, resolving lexicon and concept references and
/// checking what a schema cannot: duplicate ids, unknown references, level order and marks that do not add up.
struct RubricDecoder {
    let file: String
    let loader: RubricLoader
    var diagnostics: [Diagnostic] = []
    private var terms: [TermDefinition] = []
    private var termIndex: [String: Int] = [:]
    private var termOrigin: [String: String] = [:]
    private var negationIsContent = Set<Int>()

    init(file: String, loader: RubricLoader) {
        self.file = file
        self.loader = loader
    }

    private mutating func error(_ at: SourceLocation?, _ message: String, _ rule: String, file: String? = nil) {
        diagnostics.append(
            Diagnostic(file: file ?? self.file, location: at, severity: .error, message: message, rule: rule))
    }

    private mutating func warning(_ at: SourceLocation?, _ message: String, _ rule: String) {
        diagnostics.append(Diagnostic(file: file, location: at, severity: .warning, message: message, rule: rule))
    }

    mutating func decode(_ root: JSONNode) -> Rubric? {
        for lex in root["lexicons"]?.arrayValue ?? [] {
            guard let id = lex.stringValue else { continue }
            do {
                let (url, node) = try loader.lexicon(id: id)
                addConcepts(node["concepts"]?.arrayValue ?? [], file: url.path, origin: "lexicon/\(id).json")
            } catch {
                if !FileManager.default.fileExists(atPath: loader.library.lexiconURL(id: id).path) {
                    let known = loader.library.lexiconIDs().joined(separator: ", ")
                    self.error(lex.location, "unknown lexicon '\(id)'; known lexicons: \(known)", "unknown-lexicon")
                } else {
                    diagnostics += error.diagnostics
                }
            }
        }
        addConcepts(root["concepts"]?.arrayValue ?? [], file: file, origin: "this rubric")
        let version = root["schemaVersion"]?.intValue ?? 1
        if version < 2 { requireVersion2(root) }
        let source = decodeSource(root["source"])
        let detailTerms = addSourceDetails(source?.details ?? [])
        checkContextReferences()

        let outcomes = (root["learningOutcomes"]?.arrayValue ?? []).map {
            LearningOutcome(id: $0["id"]?.stringValue ?? "", title: $0["title"]?.stringValue ?? "")
        }
        let points = decodeMarkingPoints(root["markingPoints"]?.arrayValue ?? [], outcomes: Set(outcomes.map(\.id)))
        let misconceptions = decodeMisconceptions(root["misconceptions"]?.arrayValue ?? [])
        let bands = decodeBands(root["bands"]?.arrayValue ?? [])
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }

        let course = root["course"]
        var limit: WordLimit?
        if let wl = root["wordLimit"] {
            limit = WordLimit(
                min: wl["min"]?.intValue, max: wl["max"]?.intValue,
                tolerancePercent: wl["tolerancePercent"]?.doubleValue ?? 10)
        }
        return Rubric(
            id: root["id"]?.stringValue ?? "", title: root["title"]?.stringValue ?? "",
            description: root["description"]?.stringValue,
            course: Course(
                name: course?["name"]?.stringValue ?? "", level: course?["level"]?.stringValue,
                unit: course?["unit"]?.stringValue, source: course?["source"]?.stringValue),
            wordLimit: limit, bands: bands, markingPoints: points, misconceptions: misconceptions,
            feedForward: (root["feedForward"]?.arrayValue ?? []).compactMap(\.stringValue),
            learningOutcomes: outcomes, terms: terms, path: file, schemaVersion: version,
            task: root["task"]?.stringValue, source: source, negationIsContent: negationIsContent,
            sourceDetailTerms: detailTerms, lexiconStore: loader.lexiconStore)
    }

    /// Version 2 additions in a version 1 file are an error: an older draftcheck would reject the file.
    private mutating func requireVersion2(_ root: JSONNode) {
        var found: [(String, SourceLocation?)] = []
        for key in ["task", "source"] where root[key] != nil { found.append((key, root[key]?.location)) }
        for c in root["concepts"]?.arrayValue ?? [] where c["negationIsContent"] != nil {
            found.append(("negationIsContent", c["negationIsContent"]?.location))
        }
        for p in root["markingPoints"]?.arrayValue ?? [] {
            if p["about"] != nil { found.append(("about", p["about"]?.location)) }
            for l in p["levels"]?.arrayValue ?? [] {
                for key in ["requiresLower", "minDevelopment", "fullRangeDevelopment", "markStep"] where l[key] != nil {
                    found.append((key, l[key]?.location))
                }
                if l["marks"]?.members != nil { found.append(("a marks range", l["marks"]?.location)) }
            }
        }
        for m in root["misconceptions"]?.arrayValue ?? [] where m["penalty"] != nil {
            found.append(("penalty", m["penalty"]?.location))
        }
        for (key, location) in found {
            error(location, "\(key) needs \"schemaVersion\": 2 (version 1 rubrics cannot use it)", "schema-version")
        }
    }

    private func decodeSource(_ node: JSONNode?) -> SourceMaterial? {
        guard let node else { return nil }
        return SourceMaterial(
            text: node["text"]?.stringValue, details: (node["details"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    /// Each source detail becomes a term of its own, so the analyser finds it like any other phrase.
    private mutating func addSourceDetails(_ details: [String]) -> Set<Int> {
        var out = Set<Int>()
        for (n, detail) in details.enumerated() {
            let id = "source-detail-\(n + 1)"
            termIndex[id] = terms.count
            out.insert(terms.count)
            terms.append(TermDefinition(id: id, label: "detail from the source: \(detail)", variants: [detail]))
        }
        return out
    }

    private mutating func addConcepts(_ nodes: [JSONNode], file: String, origin: String) {
        for node in nodes {
            let id = node["id"]?.stringValue ?? ""
            if let previous = termOrigin[id] {
                error(
                    node["id"]?.location, "concept '\(id)' is already defined in \(previous); define each concept once",
                    "duplicate-concept", file: file)
                continue
            }
            let location = node["id"]?.location
            termOrigin[id] = location.map { "\(origin) at line \($0.line)" } ?? origin
            termIndex[id] = terms.count
            if node["negationIsContent"]?.boolValue == true { negationIsContent.insert(terms.count) }
            terms.append(
                TermDefinition(
                    id: id, label: node["label"]?.stringValue ?? id,
                    kind: TermDefinition.Kind(rawValue: node["kind"]?.stringValue ?? "concept") ?? .concept,
                    variants: (node["variants"]?.arrayValue ?? []).compactMap(\.stringValue),
                    exactCaseVariants: (node["exactCaseVariants"]?.arrayValue ?? []).compactMap(\.stringValue),
                    requiresContext: (node["requiresContext"]?.arrayValue ?? []).compactMap(\.stringValue),
                    exactForm: node["exactForm"]?.boolValue ?? false))
        }
    }

    private mutating func checkContextReferences() {
        for term in terms {
            for c in term.requiresContext where termIndex[c] == nil {
                warning(
                    nil,
                    "concept '\(term.id)' requires context '\(c)', which no loaded lexicon defines, so it can never match",
                    "unknown-context")
            }
        }
    }

    private mutating func decodeBands(_ nodes: [JSONNode]) -> [Band] {
        var bands: [Band] = []
        for node in nodes {
            let band = Band(label: node["label"]?.stringValue ?? "", minPercent: node["minPercent"]?.doubleValue ?? 0)
            if let prev = bands.last, band.minPercent <= prev.minPercent {
                error(
                    node.location,
                    "band '\(band.label)' must start above '\(prev.label)' (\(prev.minPercent)%); list bands from lowest to highest",
                    "band-order")
            }
            if bands.contains(where: { $0.label == band.label }) {
                error(node.location, "duplicate band '\(band.label)'", "duplicate-id")
            }
            bands.append(band)
        }
        return bands
    }

    private mutating func decodeMarkingPoints(_ nodes: [JSONNode], outcomes: Set<String>) -> [MarkingPoint] {
        var seen = Set<String>()
        var points: [MarkingPoint] = []
        for node in nodes {
            let id = node["id"]?.stringValue ?? ""
            if !seen.insert(id).inserted {
                error(node["id"]?.location, "duplicate marking point id '\(id)'", "duplicate-id")
            }
            let marks = node["marks"]?.doubleValue ?? 0
            checkMarksInRange(marks, at: node["marks"]?.location, what: "marking point '\(id)'")
            var levels: [Level] = []
            var labels = Set<String>()
            for ln in node["levels"]?.arrayValue ?? [] {
                let label = ln["label"]?.stringValue ?? ""
                if !labels.insert(label).inserted {
                    error(ln["label"]?.location, "duplicate level '\(label)' in marking point '\(id)'", "duplicate-id")
                }
                let (low, high) = markRange(ln["marks"])
                var level = Level(
                    label: label, marks: high, minMarks: low, requiresLower: ln["requiresLower"]?.boolValue ?? true,
                    minDevelopment: ln["minDevelopment"]?.intValue ?? 0, when: evidence(ln["when"]),
                    feedback: ln["feedback"]?.stringValue, toReach: ln["toReach"]?.stringValue ?? "",
                    location: ln.location)
                level.fullRangeDevelopment = ln["fullRangeDevelopment"]?.intValue ?? level.fullRangeDevelopment
                level.markStep = ln["markStep"]?.doubleValue ?? level.markStep
                checkMarksInRange(level.marks, at: ln["marks"]?.location, what: "level '\(label)' of '\(id)'")
                if low > high {
                    error(
                        ln["marks"]?.location,
                        "level '\(label)' has a mark range from \(fmt(low)) down to \(fmt(high)); write the lower mark as min",
                        "level-order")
                }
                if let prev = levels.last, level.minMarks <= prev.marks {
                    error(
                        ln["marks"]?.location,
                        "level '\(label)' gives \(fmt(level.minMarks)) marks, not more than '\(prev.label)' (\(fmt(prev.marks))); levels go from lowest to highest",
                        "level-order")
                }
                if !level.hasRange, let key = ["markStep", "fullRangeDevelopment"].first(where: { ln[$0] != nil }) {
                    warning(
                        ln[key]?.location,
                        "level '\(label)' of '\(id)' has a single mark, so \(key) has no effect; give it a mark range "
                            + "({\"min\": ..., \"max\": ...})",
                        "no-range")
                }
                if level.hasRange, level.markStep > level.marks - level.minMarks {
                    warning(
                        ln["markStep"]?.location,
                        "level '\(label)' of '\(id)' moves in steps of \(fmt(level.markStep)), more than its range of "
                            + "\(fmt(level.marks - level.minMarks)); the mark can only be the range's lowest or highest",
                        "mark-step")
                }
                checkReachable(level.when, at: ln["when"]?.location, what: "level '\(label)' of '\(id)'")
                levels.append(level)
            }
            if let top = levels.last, top.marks != marks {
                error(
                    node["marks"]?.location,
                    "marking point '\(id)' is worth \(fmt(marks)) marks but its top level '\(top.label)' gives \(fmt(top.marks)); they must match",
                    "marks-add-up")
            }
            let about = (node["about"]?.arrayValue ?? []).compactMap { n -> Int? in
                guard let id = n.stringValue else { return nil }
                if case .term(let t) = term(id, n.location) { return t }
                return nil
            }
            let lo = node["learningOutcome"]
            if let lo, let loID = lo.stringValue, !outcomes.contains(loID) {
                error(lo.location, "unknown learning outcome '\(loID)'", "unknown-outcome")
            }
            points.append(
                MarkingPoint(
                    id: id, title: node["title"]?.stringValue ?? id, examiner: node["examiner"]?.stringValue ?? "",
                    marks: marks, learningOutcome: lo?.stringValue, levels: levels,
                    about: about.isEmpty ? Evidence.terms(in: levels.map(\.when)) : about,
                    missingFeedback: node["feedback"]?["missing"]?.stringValue,
                    metFeedback: node["feedback"]?["met"]?.stringValue,
                    creditExamples: examples(node["examples"]?["credit"]),
                    noCreditExamples: examples(node["examples"]?["noCredit"]), location: node.location))
        }
        return points
    }

    private mutating func decodeMisconceptions(_ nodes: [JSONNode]) -> [Misconception] {
        var seen = Set<String>()
        return nodes.map { node in
            let id = node["id"]?.stringValue ?? ""
            if !seen.insert(id).inserted {
                error(node["id"]?.location, "duplicate misconception id '\(id)'", "duplicate-id")
            }
            let when = evidence(node["when"])
            checkReachable(when, at: node["when"]?.location, what: "misconception '\(id)'")
            return Misconception(
                id: id, text: node["text"]?.stringValue ?? "", correction: node["correction"]?.stringValue ?? "",
                when: when, assertingExamples: examples(node["examples"]?["asserts"]),
                rejectingExamples: examples(node["examples"]?["rejects"]), location: node.location,
                penalty: node["penalty"].map { p in
                    Penalty(
                        points: (p["points"]?.arrayValue ?? []).compactMap(\.stringValue),
                        capLevel: p["capLevel"]?.stringValue, deductMarks: p["deductMarks"]?.doubleValue ?? 0)
                })
        }
    }

    private func examples(_ node: JSONNode?) -> [RubricExample] {
        (node?.arrayValue ?? []).map { e in
            if let s = e.stringValue { return RubricExample(text: s, location: e.location) }
            return RubricExample(
                text: e["text"]?.stringValue ?? "", level: e["level"]?.stringValue, location: e.location)
        }
    }

    /// Decodes an evidence expression, reporting unknown concepts with a suggestion.
    private mutating func evidence(_ node: JSONNode?) -> Evidence {
        guard let node else { return .any([]) }
        if let id = node.stringValue { return term(id, node.location) }
        if let id = node["concept"]?.stringValue { return term(id, node["concept"]?.location) }
        if let s = node["signal"]?.stringValue { return .signal(Signal(rawValue: s) ?? .quantity) }
        if let parts = node["all"]?.arrayValue {
            if let scope = node["near"]?.stringValue {
                return .near(Evidence.Scope(rawValue: scope) ?? .sentence, parts.map { evidence($0) })
            }
            return .all(parts.map { evidence($0) })
        }
        if let parts = node["any"]?.arrayValue { return .any(parts.map { evidence($0) }) }
        if let n = node["atLeast"]?.intValue, let parts = node["of"]?.arrayValue {
            if n > parts.count {
                error(node["atLeast"]?.location, "atLeast \(n) of \(parts.count) parts can never be met", "unreachable")
            }
            return .atLeast(n, parts.map { evidence($0) })
        }
        if let inner = node["not"] { return .not(evidence(inner)) }
        if let items = node["each"]?.arrayValue, let n = node["atLeast"]?.intValue, let with = node["with"] {
            if n > items.count {
                error(node["atLeast"]?.location, "atLeast \(n) of \(items.count) items can never be met", "unreachable")
            }
            return .each(items.map { evidence($0) }, atLeast: n, with: evidence(with))
        }
        return .any([])
    }

    /// A level's marks: a number, or a range {"min": a, "max": b}.
    private func markRange(_ node: JSONNode?) -> (Double, Double) {
        if let x = node?.doubleValue { return (x, x) }
        let high = node?["max"]?.doubleValue ?? 0
        return (node?["min"]?.doubleValue ?? high, high)
    }

    private mutating func term(_ id: String, _ location: SourceLocation?) -> Evidence {
        if let i = termIndex[id] { return .term(i) }
        // Long ids tolerate a little more mistyping than the schema's short keys.
        let suggestion =
            closestMatch(to: id, among: termIndex.keys.sorted(), maxDistance: max(2, id.count / 4))
            .map { "; did you mean '\($0)'?" } ?? ""
        error(
            location,
            "unknown concept '\(id)': define it in `concepts` or add the lexicon that defines it to `lexicons`\(suggestion)",
            "unknown-concept")
        return .any([])
    }

    /// Warns about evidence that no answer could ever satisfy.
    private mutating func checkReachable(_ e: Evidence, at location: SourceLocation?, what: String) {
        if !Self.canBeMet(e) {
            error(
                location, "\(what) can never be reached: its evidence needs something present, not only absences",
                "unreachable")
        }
    }

    /// True when some answer could satisfy the expression with at least one positive finding.
    static func canBeMet(_ e: Evidence) -> Bool {
        switch e {
        case .term, .signal: return true
        case .not: return false
        case .all(let parts), .near(_, let parts), .any(let parts): return parts.contains(where: canBeMet)
        case .atLeast(let n, let parts): return parts.filter(canBeMet).count >= n && n > 0
        case .each(let items, let n, let with): return items.filter(canBeMet).count >= n && n > 0 && canBeMet(with)
        }
    }

    /// The most marks one marking point or level may give: far above any real rubric, and small enough that every
    /// total and percentage computed from marks stays exact and fits an `Int`.
    static let maxMarks = 1_000.0

    /// Reports marks outside (0, ``maxMarks``]; the schema already rejects zero and negative marks.
    private mutating func checkMarksInRange(_ marks: Double, at location: SourceLocation?, what: String) {
        if !marks.isFinite || marks > Self.maxMarks {
            error(
                location,
                "\(what) gives \(fmt(marks)) marks, more than the \(fmt(Self.maxMarks)) a rubric may give for one point",
                "marks-range")
        }
    }

    private func fmt(_ x: Double) -> String { JSONNode.format(x) }
}
