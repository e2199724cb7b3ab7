import DraftcheckKit
import Foundation
import RubricEngine
import Testing

private let repoRubrics = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Rubrics")

/// A memo in memory that counts what it is asked.
private final class CountingMemo: ValidationMemo, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var keys: Set<ContentKey> = []
    private(set) var hits = 0

    func contains(_ key: ContentKey) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if keys.contains(key) { hits += 1 }
        return keys.contains(key)
    }

    func insert(_ key: ContentKey) {
        lock.lock()
        keys.insert(key)
        lock.unlock()
    }
}

@Suite("Loading rubrics quickly: validation memo, cache file, catalogue")
struct RubricLoadingSpeedTests {
    @Test("Content keys depend on both the file's bytes and the schema's")
    func keys() {
        let a = ContentKey(Array("{}".utf8), Array("schema".utf8))
        #expect(a == ContentKey(Array("{}".utf8), Array("schema".utf8)))
        #expect(a != ContentKey(Array("{ }".utf8), Array("schema".utf8)))
        #expect(a != ContentKey(Array("{}".utf8), Array("schema2".utf8)))
        #expect(a.description.count == 32)
    }

    @Test("A second load of the same files is not validated again, and gives the same rubric")
    func memoSkips() throws {
        let memo = CountingMemo()
        let library = RubricLibrary(directory: repoRubrics)
        let first = try RubricLoader(library: library, validationMemo: memo).load(idOrPath: "customer-relationships")
        #expect(!memo.keys.isEmpty && memo.hits == 0)
        let remembered = memo.keys.count
        let second = try RubricLoader(library: library, validationMemo: memo).load(idOrPath: "customer-relationships")
        #expect(memo.hits == remembered)
        #expect(memo.keys.count == remembered)
        #expect(first.markingPoints.map(\.id) == second.markingPoints.map(\.id))
        #expect(first.terms.count == second.terms.count)
    }

    @Test("Changed contents are validated again, so a schema error is never hidden by the memo")
    func memoDoesNotHideErrors() throws {
        let memo = CountingMemo()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.json")
        let original = try String(
            contentsOf: repoRubrics.appendingPathComponent("customer-relationships.json"), encoding: .utf8)
        try original.write(to: file, atomically: true, encoding: .utf8)
        let loader = try RubricLoader(library: RubricLibrary(directory: repoRubrics), validationMemo: memo)
        _ = try loader.load(url: file)
        try original.replacingOccurrences(of: "\"title\"", with: "\"titel\"").write(
            to: file, atomically: true, encoding: .utf8)
        let (_, problems) = loader.check(url: file)
        #expect(problems.contains { $0.rule == "schema" && $0.message.contains("titel") })
    }

    @Test("The cache file keeps keys between runs; DRAFTCHECK_CACHE=off turns it off")
    func cacheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = ContentKey(Array("rubric".utf8), Array("schema".utf8))
        let other = ContentKey(Array("other".utf8), Array("schema".utf8))
        ValidationCacheFile(folder: folder).insert(key)
        let reopened = try #require(ValidationCacheFile.standard(environment: ["DRAFTCHECK_CACHE": folder.path]))
        #expect(reopened.contains(key))
        #expect(!reopened.contains(other))
        #expect(ValidationCacheFile.standard(environment: ["DRAFTCHECK_CACHE": "off", "HOME": "/tmp"]) == nil)
    }

    @Test("The catalogue lists ids and titles without loading, and marks a file that is not JSON")
    func catalogue() throws {
        let entries = RubricCatalog.entries(in: RubricLibrary(directory: repoRubrics))
        let rubric = try RubricLoader(library: RubricLibrary(directory: repoRubrics)).load(idOrPath: "crm-strategy")
        #expect(entries.contains(RubricCatalog.Entry(id: "crm-strategy", title: rubric.title)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{ not json".write(to: folder.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        #expect(
            RubricCatalog.entries(in: RubricLibrary(directory: folder)) == [
                RubricCatalog.Entry(id: "broken", title: nil)
            ])
    }
}
