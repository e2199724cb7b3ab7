import Foundation

@testable import RubricEngine

/// The repository's Rubrics folder (schemas and lexicons).
let repoRubrics = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Rubrics")

let testLibrary = RubricLibrary(directory: repoRubrics)

/// Writes a rubric to a temporary file and loads it, returning the rubric or the diagnostics.
func loadRubric(_ json: String) -> (Rubric?, [Diagnostic]) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-\(UUID().uuidString).json")
    try! json.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let loader = try! RubricLoader(library: testLibrary)
    let (rubric, diags) = loader.check(url: url)
    return (diags.contains { $0.severity == .error } ? nil : rubric, diags)
}

/// A small rubric exercising every kind of evidence.
let engineRubricJSON = """
    {
      "schemaVersion": 1,
      "id": "engine-test",
      "title": "Engine test",
      "course": {"name": "Test course"},
      "bands": [{"label": "Pass", "minPercent": 40}, {"label": "Merit", "minPercent": 60}, {"label": "Distinction", "minPercent": 80}],
      "concepts": [
        {"id": "segmentation", "label": "Segmentation", "variants": ["segmentation", "segment", "segmented"]},
        {"id": "targeting", "label": "Targeting", "variants": ["targeting", "target market"]},
        {"id": "positioning", "label": "Positioning", "variants": ["positioning"]},
        {"id": "crm", "label": "CRM", "variants": ["CRM", "customer relationship management"]},
        {"id": "crm-software-only", "label": "CRM as software only", "kind": "misconception", "variants": ["just a software tool", "just software"]}
      ],
      "misconceptions": [
        {"id": "software", "text": "CRM is just software.", "correction": "CRM is a strategy.",
         "when": {"near": "sentence", "all": ["crm", "crm-software-only"]}}
      ],
      "markingPoints": [
        {"id": "stp", "title": "STP", "examiner": "Apply STP.", "marks": 6,
         "levels": [
           {"label": "Knowledge", "marks": 2, "when": {"any": ["segmentation", "targeting", "positioning"]}, "toReach": "Name STP."},
           {"label": "Application", "marks": 4, "when": {"all": [{"atLeast": 2, "of": ["segmentation", "targeting", "positioning"]}, {"signal": "example"}]}, "toReach": "Apply two stages to an example."},
           {"label": "Evaluation", "marks": 6, "when": {"near": "sentence", "all": [{"any": ["segmentation", "targeting", "positioning"]}, {"signal": "quantity"}, {"signal": "evaluation"}]}, "toReach": "Judge its effect with figures."}
         ]},
        {"id": "crm-point", "title": "CRM", "examiner": "Define CRM.", "marks": 4,
         "levels": [
           {"label": "Knowledge", "marks": 2, "when": "crm", "toReach": "Define CRM."},
           {"label": "Analysis", "marks": 4, "when": {"near": "sentence", "all": ["crm", {"signal": "explanation"}]}, "toReach": "Explain why CRM matters."}
         ]}
      ]
    }
    """
