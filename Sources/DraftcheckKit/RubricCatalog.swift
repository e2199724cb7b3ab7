import Foundation
import JSONSupport
import RubricEngine

/// The built-in rubrics' ids and titles, read without validating or compiling them: listing is for
/// choosing, and `rubric lint` is where a rubric's problems are found.
public enum RubricCatalog {
    /// One listed rubric.
    public struct Entry: Sendable, Equatable {
        /// The id (`--rubric ID`).
        public var id: String
        /// The title, or nil when the file is not JSON or has no title.
        public var title: String?

        /// An entry.
        public init(id: String, title: String?) {
            self.id = id
            self.title = title
        }
    }

    /// Every built-in rubric, sorted by id.
    public static func entries(in library: RubricLibrary) -> [Entry] {
        library.builtInIDs().map { id in
            guard let url = library.url(forID: id), let data = FileManager.default.contents(atPath: url.path),
                let root = try? JSONParser.parse([UInt8](data)), let title = root["title"]?.stringValue
            else { return Entry(id: id, title: nil) }
            return Entry(id: id, title: title)
        }
    }
}
