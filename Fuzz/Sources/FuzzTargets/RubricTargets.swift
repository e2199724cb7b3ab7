import Foundation
import Reporter
import RubricEngine
import TextAnalyser

/// Targets for what tutors hand the tool (rubrics and lexicons) and for the analyser on arbitrary text.
///
/// A rubric that loads without errors must also be usable: each target goes on to check a short answer built
/// from the rubric's own concepts and renders the text and JSON reports, as `draftcheck check` would.
enum RubricTargets {
    /// The repository's Rubrics folder (schemas, lexicons, built-in rubrics).
    static let library = RubricLibrary(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rubrics"))

    static let loader: RubricLoader = {
        do {
            return try RubricLoader(library: library)
        } catch {
            fatalError("the fuzz harness cannot load the schemas in \(library.directory.path): \(error)")
        }
    }()

    static let rubric = FuzzTarget("rubric", "a rubric file, then used to check a short answer") { data in
        let (loaded, diagnostics) = loader.check(data: data, file: "fuzz.json")
        for diagnostic in diagnostics { _ = diagnostic.description }
        guard let loaded, !diagnostics.contains(where: { $0.severity == .error }) else { return }
        use(loaded)
    }

    /// A library of its own whose lexicon `fuzz` is rewritten with each input, and a rubric that uses it.
    static let scratchLibrary: (RubricLoader, Data) = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("draftcheck-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        let files = FileManager.default
        do {
            try files.createDirectory(
                at: directory.appendingPathComponent("lexicon"), withIntermediateDirectories: true)
            for schema in ["rubric.schema.json", "lexicon.schema.json"] {
                let target = directory.appendingPathComponent(schema)
                try? files.removeItem(at: target)
                try files.copyItem(at: library.directory.appendingPathComponent(schema), to: target)
            }
            return (try RubricLoader(library: RubricLibrary(directory: directory)), Data(lexiconRubric.utf8))
        } catch {
            fatalError("the fuzz harness cannot prepare \(directory.path): \(error)")
        }
    }()

    static let lexicon = FuzzTarget("lexicon", "a shared lexicon file, used by a rubric to check a short answer") {
        data in
        let (scratchLoader, rubricJSON) = scratchLibrary
        do {
            try data.write(to: scratchLoader.library.lexiconURL(id: "fuzz"))
        } catch {
            fatalError("the fuzz harness cannot write its lexicon: \(error)")
        }
        let (loaded, diagnostics) = scratchLoader.check(data: rubricJSON, file: "uses-fuzz-lexicon.json")
        for diagnostic in diagnostics { _ = diagnostic.description }
        guard let loaded, !diagnostics.contains(where: { $0.severity == .error }) else { return }
        use(loaded)
    }

    static let builtIn: Assessor = {
        do {
            return Assessor(rubric: try loader.load(idOrPath: "crm-strategy"))
        } catch {
            fatalError("the fuzz harness cannot load the built-in rubric: \(error)")
        }
    }()

    static let analyser = FuzzTarget("analyser", "any text, checked against a built-in rubric and reported") { data in
        let assessment = builtIn.assess(SourceText(String(decoding: data, as: UTF8.self)))
        render(CheckedDocument(path: "fuzz.txt", assessment: assessment), rubric: builtIn.rubric)
    }

    /// Checks an answer that uses the rubric's concepts and renders the reports.
    static func use(_ rubric: Rubric) {
        var answer =
            "For example, Tesco's Clubcard has 20 million members (15%). This matters because it keeps customers. "
        for term in rubric.terms.prefix(40) {
            answer += "\(term.variants.first ?? term.label) is important, however \(term.label) is not only software. "
        }
        render(CheckedDocument(path: "fuzz.txt", assessment: Assessor(rubric: rubric).assess(answer)), rubric: rubric)
    }

    static func render(_ document: CheckedDocument, rubric: Rubric) {
        _ = TextReporter(colour: false).render(document)
        _ = JSONReporter.render(rubric: rubric, documents: [document])
    }

    static let lexiconRubric = """
        {"schemaVersion": 1, "id": "uses-fuzz-lexicon", "title": "Uses the fuzzed lexicon", "course": {"name": "Fuzz"},
         "bands": [{"label": "Pass", "minPercent": 40}], "lexicons": ["fuzz"],
         "concepts": [{"id": "own-concept", "label": "own concept", "variants": ["own concept"]}],
         "markingPoints": [{"id": "p", "title": "P", "examiner": "E", "marks": 2,
           "levels": [{"label": "K", "marks": 1, "when": "own-concept", "toReach": "R"},
                      {"label": "A", "marks": 2, "when": {"near": "sentence", "all": ["own-concept", {"signal": "example"}]}, "toReach": "R"}]}]}
        """
}
