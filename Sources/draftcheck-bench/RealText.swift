import Foundation
import RubricEngine
import TextAnalyser

// The real-text benchmark (issue 9): runs the analyser over public texts saved locally and compares its
// findings with annotations made by reading each text before any run. Usage:
//   draftcheck-bench realtext --texts DIR [--annotations DIR]
// The texts are other people's work and are never committed; Tests/RealTextBenchmark/README.md says how to
// fetch them and how the annotations were made.

/// One annotated text, as stored in `Tests/RealTextBenchmark/annotations/*.json`.
struct RealTextAnnotation: Decodable, Sendable {
    /// A place in the text: the exact words, and which occurrence of them when they appear more than once.
    struct Span: Decodable, Sendable {
        var text: String
        var occurrence: Int?
    }

    /// A concept an examiner would credit, with a few words of the text where it occurs.
    struct Concept: Decodable, Sendable {
        var id: String
        var quote: String
    }

    /// A quantified piece of evidence and the unit or rate an examiner reads with it.
    struct Quantity: Decodable, Sendable {
        var text: String
        var unit: String
        var occurrence: Int?
    }

    /// A named organisation used in the text.
    struct Organisation: Decodable, Sendable {
        var name: String
    }

    var file: String
    var addresses: [String]
    var query: String
    var writer: String
    var sha256: String
    var rubric: String
    var concepts: [Concept]
    var organisations: [Organisation]
    var quantities: [Quantity]
    var nonEvidence: [Span]
}

/// Counts of hits against annotations for one kind of finding.
struct RealTextTally: Sendable {
    var annotated = 0
    var found = 0
    var reported = 0
    var correct = 0

    var recall: Double? { annotated == 0 ? nil : Double(found) / Double(annotated) }
    var precision: Double? { reported == 0 ? nil : Double(correct) / Double(reported) }

    static func + (a: RealTextTally, b: RealTextTally) -> RealTextTally {
        RealTextTally(
            annotated: a.annotated + b.annotated, found: a.found + b.found, reported: a.reported + b.reported,
            correct: a.correct + b.correct)
    }
}

/// The score of one text, and its misses and false positives as readable lines.
struct RealTextScore: Sendable {
    var name: String
    var words = 0
    var concepts = RealTextTally()
    var organisations = RealTextTally()
    var quantities = RealTextTally()
    var quantitiesWithoutUnit = 0
    var nonEvidenceReported = 0
    /// Of `nonEvidenceReported`, those inside a web address or a code span.
    var nonEvidenceInLinks = 0
    /// Misses and false positives, keyed by kind ("concept miss", "quantity without unit", ...).
    var problems: [String: [String]] = [:]

    mutating func note(_ kind: String, _ line: String) { problems[kind, default: []].append(line) }
}

/// Scores the analyser against the annotated real texts.
enum RealTextBenchmark {
    /// Runs the benchmark with the arguments after `realtext`; returns the exit code.
    static func run(_ arguments: [String]) -> Int32 {
        var textsPath: String?
        var annotationsPath = defaultAnnotationsDirectory().path
        var args = arguments
        while let a = args.first {
            args.removeFirst()
            guard let value = args.first, a == "--texts" || a == "--annotations" else {
                FileHandle.standardError.write(
                    Data("usage: draftcheck-bench realtext --texts DIR [--annotations DIR]\n".utf8))
                return 2
            }
            args.removeFirst()
            if a == "--texts" { textsPath = value } else { annotationsPath = value }
        }
        guard let textsPath else {
            FileHandle.standardError.write(
                Data("usage: draftcheck-bench realtext --texts DIR [--annotations DIR]\n".utf8))
            return 2
        }
        guard let library = RubricLibrary.locate(), let loader = try? RubricLoader(library: library) else {
            FileHandle.standardError.write(Data("draftcheck-bench realtext: cannot find the built-in rubrics\n".utf8))
            return 3
        }
        let annotationFiles: [URL]
        do {
            annotationFiles = try FileManager.default.contentsOfDirectory(atPath: annotationsPath)
                .filter { $0.hasSuffix(".json") }.sorted()
                .map { URL(fileURLWithPath: annotationsPath).appendingPathComponent($0) }
        } catch {
            FileHandle.standardError.write(
                Data("draftcheck-bench realtext: cannot read annotations folder \(annotationsPath)\n".utf8))
            return 3
        }
        var scores: [RealTextScore] = []
        var failed = false
        for url in annotationFiles {
            switch score(annotationAt: url, textsDirectory: URL(fileURLWithPath: textsPath), loader: loader) {
            case .scored(let s): scores.append(s)
            case .skipped(let message): print("skipped: \(message)")
            case .failed(let message):
                FileHandle.standardError.write(Data("draftcheck-bench realtext: \(message)\n".utf8))
                failed = true
            }
        }
        if scores.isEmpty {
            print(
                "no texts scored: save the texts listed in \(annotationsPath) under \(textsPath) (see Tests/RealTextBenchmark/README.md)"
            )
        } else {
            printReport(scores)
        }
        return failed ? 1 : 0
    }

    private enum Outcome {
        case scored(RealTextScore)
        case skipped(String)
        case failed(String)
    }

    private static func defaultAnnotationsDirectory() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Tests/RealTextBenchmark/annotations")
    }

    private static func score(annotationAt url: URL, textsDirectory: URL, loader: RubricLoader) -> Outcome {
        let annotation: RealTextAnnotation
        do {
            annotation = try JSONDecoder().decode(RealTextAnnotation.self, from: Data(contentsOf: url))
        } catch {
            return .failed("\(url.path): not a valid annotation: \(error)")
        }
        let textURL = textsDirectory.appendingPathComponent(annotation.file)
        guard let data = FileManager.default.contents(atPath: textURL.path) else {
            return .skipped("\(annotation.file) is not saved in \(textsDirectory.path)")
        }
        let bytes = [UInt8](data)
        let digest = SHA256.hex(bytes)
        guard digest == annotation.sha256.lowercased() else {
            return .failed(
                "\(textURL.path): SHA-256 \(digest) is not the annotated version \(annotation.sha256) (\(url.lastPathComponent))"
            )
        }
        let rubric: Rubric
        do {
            rubric = try loader.load(idOrPath: annotation.rubric)
        } catch {
            return .failed("\(url.lastPathComponent): cannot load rubric \(annotation.rubric): \(error)")
        }
        let source = SourceText(bytes: bytes)
        let analysis = Analyser(lexicon: rubric.lexicon).analyse(source)
        return .scored(RealTextScorer(annotation: annotation, rubric: rubric, analysis: analysis, bytes: bytes).score())
    }

    private static func percent(_ x: Double?) -> String { x.map { String(format: "%5.1f%%", $0 * 100) } ?? "    – " }

    private static func printReport(_ scores: [RealTextScore]) {
        print("Real-text benchmark: \(scores.count) texts, \(scores.reduce(0) { $0 + $1.words }) words")
        print("")
        let header =
            "text                                 words  concept R   concept P   org R    org P    qty R(unit)  non-ev/1k"
        print(header)
        func row(_ name: String, _ s: RealTextScore) {
            let nonEvidenceRate = s.words == 0 ? 0 : Double(s.nonEvidenceReported) * 1000 / Double(s.words)
            print(
                name.padding(toLength: 36, withPad: " ", startingAt: 0)
                    + String(format: "%6d", s.words) + "  " + percent(s.concepts.recall) + "      "
                    + percent(s.concepts.precision)
                    + "      " + percent(s.organisations.recall) + "   " + percent(s.organisations.precision)
                    + "   " + percent(s.quantities.recall) + "       " + String(format: "%5.2f", nonEvidenceRate))
        }
        var total = RealTextScore(name: "overall")
        for s in scores {
            row(s.name, s)
            total.words += s.words
            total.concepts = total.concepts + s.concepts
            total.organisations = total.organisations + s.organisations
            total.quantities = total.quantities + s.quantities
            total.quantitiesWithoutUnit += s.quantitiesWithoutUnit
            total.nonEvidenceReported += s.nonEvidenceReported
            total.nonEvidenceInLinks += s.nonEvidenceInLinks
        }
        print(String(repeating: "-", count: header.count))
        row("overall (pooled counts)", total)
        print("")
        print(
            "concepts: \(total.concepts.found) of \(total.concepts.annotated) annotated found; \(total.concepts.correct) of \(total.concepts.reported) found ids annotated"
        )
        print(
            "organisations: \(total.organisations.found) of \(total.organisations.annotated) annotated found; \(total.organisations.correct) of \(total.organisations.reported) reported names annotated"
        )
        print(
            "quantities: \(total.quantities.found) of \(total.quantities.annotated) found with their unit; \(total.quantitiesWithoutUnit) more found without it"
        )
        let outsideLinks = total.nonEvidenceReported - total.nonEvidenceInLinks
        print(
            "non-evidence numbers reported as quantities: \(total.nonEvidenceReported) (\(total.nonEvidenceInLinks) inside links or code spans; "
                + String(
                    format: "%.2f per 1,000 words outside them)",
                    Double(outsideLinks) * 1000 / Double(max(total.words, 1))))
        let kinds = Set(scores.flatMap { $0.problems.keys }).sorted()
        for kind in kinds {
            let lines = scores.flatMap { s in (s.problems[kind] ?? []).map { "  \(s.name): \($0)" } }
            print("")
            print("\(kind) (\(lines.count)):")
            lines.forEach { print($0) }
        }
    }
}

/// Compares one text's findings with its annotation.
struct RealTextScorer {
    let annotation: RealTextAnnotation
    let rubric: Rubric
    let analysis: Analysis
    let bytes: [UInt8]

    /// The analyser's example and workplace marker phrases: an example finding with one of these texts is a
    /// marker, not an organisation.
    private static let markerPhrases: Set<String> = [
        "for example", "for instance", "e.g.", "eg", "such as", "a case in point", "to illustrate", "an example",
        "example of", "examples of", "case study", "as seen at", "as shown by", "as demonstrated by", "illustrated by",
        "namely", "in my workplace", "at my workplace", "in my organisation", "at my organisation", "in my company",
        "at my company", "where i work", "in my role", "in my job", "in my experience", "my employer", "my manager",
        "my team", "our team", "our store", "our company", "our organisation", "our customers", "our business",
        "my store", "my branch", "our branch", "at work", "my previous job", "placement",
    ]
    private static let markerStarts: Set<String> = [
        "for", "such", "e.g", "e.g.", "eg", "in", "at", "like", "including", "as", "where", "when", "my", "our", "this",
        "a", "an", "the", "i", "example", "examples",
    ]

    /// Scores concepts, organisations and quantities.
    func score() -> RealTextScore {
        var s = RealTextScore(name: annotation.file)
        s.words =
            String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .count
        scoreConcepts(&s)
        scoreOrganisations(&s)
        scoreQuantities(&s)
        return s
    }

    private func scoreConcepts(_ s: inout RealTextScore) {
        let terms = rubric.lexicon.terms
        let conceptKinds: Set<TermDefinition.Kind> = [.concept, .framework, .legislation]
        var found: [String: String] = [:]
        var negatedOnly: [String: String] = [:]
        for f in analysis.findings {
            guard case .term(let index) = f.kind, conceptKinds.contains(terms[index].kind) else { continue }
            let id = terms[index].id
            if f.negated {
                if found[id] == nil && negatedOnly[id] == nil { negatedOnly[id] = analysis.text(of: f) }
            } else if found[id] == nil {
                found[id] = analysis.text(of: f)
                negatedOnly[id] = nil
            }
        }
        let annotated = Dictionary(annotation.concepts.map { ($0.id, $0.quote) }, uniquingKeysWith: { a, _ in a })
        s.concepts.annotated = annotated.count
        s.concepts.reported = found.count
        for (id, quote) in annotated.sorted(by: { $0.key < $1.key }) {
            if found[id] != nil {
                s.concepts.found += 1
            } else if let text = negatedOnly[id] {
                s.note("concept miss (found only negated)", "\(id): \"\(text)\" (annotated at \"\(quote)\")")
            } else {
                s.note("concept miss", "\(id): \"\(quote)\"")
            }
        }
        for (id, text) in found.sorted(by: { $0.key < $1.key }) {
            if annotated[id] != nil {
                s.concepts.correct += 1
            } else {
                s.note("concept false positive", "\(id): \"\(text)\"")
            }
        }
    }

    /// True when an example finding is an organisation recognised from its form rather than a marker phrase.
    private func isOrganisation(_ f: Finding) -> Bool {
        switch f.kind {
        case .term(let index): return rubric.lexicon.terms[index].kind == .organisation
        case .example:
            let text = analysis.text(of: f).lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            if Self.markerPhrases.contains(text) { return false }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard let first = words.first else { return false }
            let rawWords = analysis.text(of: f).split(whereSeparator: { $0 == " " || $0 == "\n" })
            let restLower = rawWords.dropFirst().allSatisfy { $0 == $0.lowercased() }
            return !(restLower && Self.markerStarts.contains(String(first)))
        default: return false
        }
    }

    /// Where an organisation's name occurs, in any letter case, with either apostrophe, and as a possessive
    /// of a name ending in s ("Starbuck's" for Starbucks).
    private func nameOccurrences(_ name: String) -> [Range<Int>] {
        var forms: Set<String> = [
            name, name.replacingOccurrences(of: "'", with: "\u{2019}"),
            name.replacingOccurrences(of: "\u{2019}", with: "'"),
        ]
        if name.hasSuffix("s") {
            forms.insert(String(name.dropLast()) + "'s")
            forms.insert(String(name.dropLast()) + "\u{2019}s")
        }
        return forms.flatMap { occurrences(of: $0, caseInsensitive: true) }
    }

    /// The words of a name in lower case, without possessive endings or a final s.
    private static func nameWords(_ name: String) -> [String] {
        name.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0 == " " || $0 == "\n" })
            .map { word in
                var w = String(word)
                if w.hasSuffix("'s") { w.removeLast(2) }
                if w.hasSuffix("'") { w.removeLast() }
                if w.hasSuffix("s") && w.count > 3 { w.removeLast() }
                return w
            }
    }

    private func scoreOrganisations(_ s: inout RealTextScore) {
        let orgFindings = analysis.findings.filter(isOrganisation)
        var namedRanges: [Range<Int>] = []
        s.organisations.annotated = annotation.organisations.count
        for org in annotation.organisations {
            let ranges = nameOccurrences(org.name)
            namedRanges += ranges
            if orgFindings.contains(where: { f in ranges.contains { $0.overlaps(f.range) } }) {
                s.organisations.found += 1
            } else {
                s.note("organisation miss", org.name)
            }
        }
        // A reported name is right when it overlaps an annotated name, or when its words are all words of one
        // annotated name ("TSI's" for TSI Ireland).
        let annotatedWords = annotation.organisations.map { Set(Self.nameWords($0.name)) }
        var reported: [String: Bool] = [:]
        for f in orgFindings {
            let name = analysis.text(of: f)
            let words = Self.nameWords(name)
            let hit =
                namedRanges.contains { $0.overlaps(f.range) }
                || annotatedWords.contains { !words.isEmpty && words.allSatisfy($0.contains) }
            reported[name] = (reported[name] ?? false) || hit
        }
        s.organisations.reported = reported.count
        for (name, hit) in reported.sorted(by: { $0.key < $1.key }) {
            if hit { s.organisations.correct += 1 } else { s.note("organisation false positive", name) }
        }
    }

    private func scoreQuantities(_ s: inout RealTextScore) {
        let quantityFindings = analysis.findings.filter { $0.kind == .quantity }
        var annotatedRanges: [Range<Int>] = []
        s.quantities.annotated = annotation.quantities.count
        for q in annotation.quantities {
            guard let range = occurrence(q.text, q.occurrence) else {
                s.note("annotation error", "quantity \"\(q.text)\" is not in the text")
                continue
            }
            annotatedRanges.append(range)
            let overlapping = quantityFindings.filter { $0.range.overlaps(range) }
            if overlapping.contains(where: { analysis.text(of: $0).lowercased().contains(q.unit.lowercased()) }) {
                s.quantities.found += 1
            } else if let f = overlapping.first {
                s.quantitiesWithoutUnit += 1
                s.note(
                    "quantity without its unit",
                    "\"\(q.text)\" reported as \"\(analysis.text(of: f))\" (unit \"\(q.unit)\")")
            } else {
                s.note("quantity miss", "\"\(q.text)\"")
            }
        }
        // Non-evidence text counts wherever it occurs unless one occurrence is named; numbers inside links and
        // code spans are never evidence and need no annotation.
        let linkRanges = linkAndCodeRanges()
        var nonEvidenceRanges = linkRanges
        for n in annotation.nonEvidence {
            let ranges =
                n.occurrence == nil ? occurrences(of: n.text) : occurrence(n.text, n.occurrence).map { [$0] } ?? []
            if ranges.isEmpty { s.note("annotation error", "non-evidence \"\(n.text)\" is not in the text") }
            nonEvidenceRanges += ranges
        }
        for f in quantityFindings where !annotatedRanges.contains(where: { $0.overlaps(f.range) }) {
            if nonEvidenceRanges.contains(where: { $0.overlaps(f.range) }) {
                s.nonEvidenceReported += 1
                if linkRanges.contains(where: { $0.overlaps(f.range) }) { s.nonEvidenceInLinks += 1 }
                s.note("non-evidence reported as a quantity", "\"\(analysis.text(of: f))\"")
            } else {
                s.note("quantity finding not annotated either way", "\"\(analysis.text(of: f))\"")
            }
        }
    }

    /// Byte ranges of web addresses (from "http" or "www." to the next space, bracket or quote) and of
    /// `code` spans.
    private func linkAndCodeRanges() -> [Range<Int>] {
        let stops: Set<UInt8> = [0x20, 0x0A, 0x09, 0x29, 0x5D, 0x3E, 0x22]  // space, newline, tab, ) ] > "
        var out: [Range<Int>] = []
        for start in occurrences(of: "http") + occurrences(of: "www.") {
            var end = start.upperBound
            while end < bytes.count && !stops.contains(bytes[end]) { end += 1 }
            out.append(start.lowerBound..<end)
        }
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x60, let close = bytes[(i + 1)...].firstIndex(where: { $0 == 0x60 || $0 == 0x0A }),
                bytes[close] == 0x60
            {
                out.append(i..<close + 1)
                i = close + 1
            } else {
                i += 1
            }
        }
        return out
    }

    private func occurrences(of text: String, caseInsensitive: Bool = false) -> [Range<Int>] {
        func fold(_ b: UInt8) -> UInt8 { caseInsensitive && b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        let needle = [UInt8](text.utf8).map(fold)
        guard !needle.isEmpty, needle.count <= bytes.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i + needle.count <= bytes.count {
            if fold(bytes[i]) == needle[0] && bytes[i..<i + needle.count].map(fold) == needle {
                out.append(i..<i + needle.count)
                i += needle.count
            } else {
                i += 1
            }
        }
        return out
    }

    private func occurrence(_ text: String, _ n: Int?) -> Range<Int>? {
        let all = occurrences(of: text)
        let index = (n ?? 1) - 1
        return all.indices.contains(index) ? all[index] : nil
    }
}

/// SHA-256 (FIPS 180-4), so the scorer can refuse a text that is not the version annotated; Foundation on
/// Linux has no digest API and the package takes no dependencies.
enum SHA256 {
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// The digest of `message` as 64 lower-case hex digits.
    static func hex(_ message: [UInt8]) -> String {
        var h: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]
        var padded = message
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) {
            padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        var w = [UInt32](repeating: 0, count: 64)
        for block in stride(from: 0, to: padded.count, by: 64) {
            for t in 0..<16 {
                let b = block + t * 4
                w[t] =
                    UInt32(padded[b]) << 24 | UInt32(padded[b + 1]) << 16 | UInt32(padded[b + 2]) << 8
                    | UInt32(padded[b + 3])
            }
            for t in 16..<64 {
                let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for t in 0..<64 {
                let t1 = hh &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[t] &+ w[t]
                let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            for (i, v) in [a, b, c, d, e, f, g, hh].enumerated() { h[i] = h[i] &+ v }
        }
        return h.map { String(format: "%08x", $0) }.joined()
    }

    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
}
