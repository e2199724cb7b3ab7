import Foundation
import Testing

@testable import RubricEngine

/// Lints the engine test rubric with extra concepts added, returning the variant-coverage warnings about
/// them (concepts whose ids end in "-x").
private func familyWarnings(_ concepts: String) throws -> [String] {
    let json = engineRubricJSON.replacingOccurrences(of: "\"concepts\": [", with: "\"concepts\": [\n\(concepts),")
    #expect(json != engineRubricJSON, "the test rubric has a concepts array to extend")
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString).json")
    try json.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let diagnostics = RubricLinter.lint(url: url, loader: try RubricLoader(library: testLibrary))
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    return diagnostics.filter { $0.rule == "variant-covered-by-family" && $0.message.contains("-x'") }.map(\.message)
}

@Suite("Lint: variants covered by word families")
struct FamilyLintTests {
    @Test("A variant another variant's family covers is pointed out, naming both")
    func coveredVariants() throws {
        let warnings = try familyWarnings(
            """
            {"id": "retention-x", "label": "Retention", "variants": ["customer retention", "customers retained", "keep customers coming back"]},
            {"id": "complaint-x", "label": "Complaint", "variants": ["complaint", "complained", "complaints"]}
            """)
        #expect(warnings.count == 3, "\(warnings)")
        #expect(warnings.contains { $0.contains("'customers retained'") && $0.contains("'customer retention'") })
        #expect(warnings.contains { $0.contains("'complained'") && $0.contains("'complaint'") })
        #expect(warnings.contains { $0.contains("'complaints'") })
        #expect(!warnings.contains { $0.contains("keep customers coming back") })
    }

    @Test("False friends, reordered words and exactForm concepts are not reported")
    func distinctVariants() throws {
        let warnings = try familyWarnings(
            """
            {"id": "research-x", "label": "Research", "variants": ["market research", "marketing research"]},
            {"id": "order-x", "label": "Retention", "variants": ["customer retention", "retaining customers"]},
            {"id": "promotion-x", "label": "Promotion", "variants": ["sales promotion", "sales promoter"]},
            {"id": "general-x", "label": "General", "exactForm": true, "variants": ["general", "generally"]}
            """)
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test("Under exactForm, only variants that fold to the same form are reported")
    func exactFormDuplicates() throws {
        let warnings = try familyWarnings(
            """
            {"id": "general-x", "label": "General", "exactForm": true, "variants": ["general", "generals"]}
            """)
        #expect(warnings.count == 1 && warnings.first?.contains("plurals and spellings") == true, "\(warnings)")
    }
}
