import Foundation
import JSONSupport
import TextAnalyser

/// Checks a rubric for mistakes beyond loading: marking points without examples, levels with no feedback,
/// misconceptions without rejecting examples, level labels an example names that do not exist.
public enum RubricLinter {
    /// Loads a rubric file and returns every problem, errors and warnings, in file order.
    public static func lint(url: URL, loader: RubricLoader) -> [Diagnostic] {
        let (rubric, loadDiagnostics) = loader.check(url: url)
        guard let rubric else { return loadDiagnostics }
        var out = loadDiagnostics
        let file = url.path
        func warn(_ at: SourceLocation?, _ m: String, _ rule: String) {
            out.append(Diagnostic(file: file, location: at, severity: .warning, message: m, rule: rule))
        }
        func err(_ at: SourceLocation?, _ m: String, _ rule: String) {
            out.append(Diagnostic(file: file, location: at, severity: .error, message: m, rule: rule))
        }
        for p in rubric.markingPoints {
            if p.creditExamples.isEmpty {
                warn(p.location, "marking point '\(p.id)' has no credit examples", "examples")
            }
            if p.noCreditExamples.isEmpty {
                warn(p.location, "marking point '\(p.id)' has no no-credit examples", "examples")
            }
            let labels = Set(p.levels.map { $0.label.lowercased() })
            for e in p.creditExamples + p.noCreditExamples {
                if let l = e.level, !labels.contains(l.lowercased()) {
                    err(e.location, "example names level '\(l)', which '\(p.id)' does not have", "unknown-level")
                }
            }
        }
        for m in rubric.misconceptions where m.rejectingExamples.isEmpty || m.assertingExamples.isEmpty {
            warn(m.location, "misconception '\(m.id)' needs both asserting and rejecting examples", "examples")
        }
        if rubric.bands.isEmpty { err(nil, "the rubric has no bands", "bands") }
        for term in rubric.terms {
            for (variant, coveredBy) in variantsCoveredByFamily(term) {
                let why = term.matchesFamilies ? "same word family" : "same form once plurals and spellings are folded"
                warn(
                    nil,
                    "concept '\(term.id)': variant '\(variant)' is already matched through '\(coveredBy)' (\(why)); list one form of each word",
                    "variant-covered-by-family")
            }
        }
        return out.sorted { ($0.location?.offset ?? 0) < ($1.location?.offset ?? 0) }
    }

    /// The variants of a term that an earlier variant already matches, each with that earlier variant:
    /// "segmented" after "segmentation", "customer complaints" after "customer complaint". Variants that
    /// differ only in case, plural or spelling count too.
    static func variantsCoveredByFamily(_ term: TermDefinition) -> [(variant: String, coveredBy: String)] {
        var firstByForm: [[String]: String] = [:]
        var covered: [(String, String)] = []
        for v in term.variants {
            let form = Lexicon.matchingForm(of: v, in: term)
            guard !form.isEmpty else { continue }
            if let first = firstByForm[form] {
                covered.append((v, first))
            } else {
                firstByForm[form] = v
            }
        }
        return covered
    }
}
