import Foundation
import Reporter

/// The files of a submissions folder, found recursively, with hidden, temporary and unsupported files
/// set aside and counted by kind.
public struct SubmissionFolder: Sendable {
    /// Extensions the readers understand.
    public static let supported: Set<String> = ["docx", "odt", "html", "htm", "md", "markdown", "txt", "pdf"]

    /// One file to check.
    public struct Entry: Sendable {
        /// The file.
        public var url: URL
        /// Relative to the folder, "/"-separated.
        public var relativePath: String
        /// The learner it belongs to, from the platform's naming.
        public var learner: SubmissionNaming.Learner
    }

    /// The files to check, in order.
    public var entries: [Entry] = []
    /// Skipped files by kind, e.g. "hidden files": 2.
    public var skipped: [String: Int] = [:]

    /// Finds the files under `root`.
    public init(root: URL) {
        let rootPath = root.standardizedFileURL.path
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey, .isRegularFileKey])
        else {
            return
        }
        for case let url as URL in walker {
            let name = url.lastPathComponent
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isRegularFileKey])
            if values?.isDirectory == true {
                if name.hasPrefix(".") || name == "__MACOSX" {
                    walker.skipDescendants()
                    skipped["hidden folders (not searched)", default: 0] += 1
                }
                continue
            }
            guard values?.isRegularFile == true else { continue }
            if let kind = Self.skipKind(name) {
                skipped[kind, default: 0] += 1
                continue
            }
            var rel = url.standardizedFileURL.path
            if rel.hasPrefix(rootPath + "/") { rel.removeFirst(rootPath.count + 1) }
            entries.append(Entry(url: url, relativePath: rel, learner: SubmissionNaming.learner(forRelativePath: rel)))
        }
    }

    /// Why a file is skipped, or nil when it is to be checked.
    static func skipKind(_ name: String) -> String? {
        let lower = name.lowercased()
        if lower == ".ds_store" || lower == "thumbs.db" || lower == "desktop.ini" {
            return "system files (.DS_Store, Thumbs.db, desktop.ini)"
        }
        if name.hasPrefix("~$") { return "temporary Office files (~$...)" }
        if name.hasPrefix(".") { return "hidden files" }
        let ext = (name as NSString).pathExtension.lowercased()
        if ext.isEmpty { return "unsupported files (no extension)" }
        if !supported.contains(ext) { return "unsupported files (.\(ext))" }
        return nil
    }

    /// Learners sorted by name (then key), each with their files sorted by path.
    public func learners() -> [[Entry]] {
        let groups = Dictionary(grouping: entries, by: \.learner)
        return groups.keys.sorted { ($0.name.lowercased(), $0.name, $0.key) < ($1.name.lowercased(), $1.name, $1.key) }
            .map {
                groups[$0]!.sorted { $0.relativePath < $1.relativePath }
            }
    }
}
