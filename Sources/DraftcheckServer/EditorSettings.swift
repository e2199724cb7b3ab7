import DraftcheckKit
import Foundation
import JSONSupport
import RubricEngine

/// The editor's settings for draftcheck, layered over each document's `.draftcheck.json`:
/// `initializationOptions` first, then the latest `workspace/didChangeConfiguration`.
struct EditorSettings {
    /// From `initializationOptions`.
    var initial: JSONNode?
    /// From the latest `workspace/didChangeConfiguration`.
    var changed: JSONNode?
    /// Resolves relative rubric paths in editor settings (the workspace root).
    var base: URL

    /// The settings object inside a `didChangeConfiguration`'s `settings`: `{"draftcheck": {...}}` or the
    /// object itself. Nil when there is nothing to apply (an empty object, as some clients send).
    static func section(_ settings: JSONNode?) -> JSONNode? {
        guard let settings, let members = settings.members, !members.isEmpty else { return nil }
        if let inner = settings["draftcheck"], inner.members != nil { return inner }
        return settings
    }

    /// The configuration for a document: its nearest `.draftcheck.json`, then the editor's settings.
    func configuration(for file: URL?) -> (ProjectConfiguration, [Diagnostic]) {
        var config = ProjectConfiguration()
        var problems: [Diagnostic] = []
        if let file {
            let (found, _, fileProblems) = ProjectConfiguration.forDocument(at: file)
            config = found
            problems += fileProblems
        }
        for (node, name) in [(initial, "initializationOptions"), (changed, "workspace settings")] {
            guard let node else { continue }
            let (applied, more) = config.apply(node, file: name, base: base)
            config = applied
            problems += more
        }
        return (config, problems)
    }
}
