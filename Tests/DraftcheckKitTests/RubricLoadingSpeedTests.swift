import DraftcheckKit
import Foundation
import RubricEngine
import Testing
import TextAnalyser

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

/// Wraps the cache folder and counts which lookups it answered.
private final class CountingLexiconStore: CompiledLexiconStore, @unchecked Sendable {
    let inner: CompiledLexiconCache
    private(set) var answered = 0
    private(set) var saved = 0
    init(_ inner: CompiledLexiconCache) { self.inner = inner }
    func tables(for key: LexiconKey) -> [UInt8]? {
        let found = inner.tables(for: key)
        if found != nil { answered += 1 }
        return found
    }
    func save(_ tables: [UInt8], for key: LexiconKey) {
        saved += 1
        inner.save(tables, for: key)
    }
}

@Suite("Compiled lexicons kept in the cache folder")
struct CompiledLexiconCacheTests {
    private static let answer = """
        ## Customer retention at Tesco
        Tesco's Clubcard personalises offers, so retention rose by 12% between 2019 and 2021 (Tesco, 2022).
        However, CRM is not just software: staff training matters, because complaints fell after it.
        """

    private static func findings(_ rubric: Rubric) -> [String] {
        Analyser(lexicon: rubric.lexicon).analyse(SourceText(answer)).findings.map { "\($0)" }
    }

    private static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lexicons-\(UUID().uuidString)")
    }

    @Test("Every built-in rubric's lexicon read back from the cache finds exactly what the compiled one finds")
    func readBackMatchesCompiled() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = RubricLibrary(directory: repoRubrics)
        for id in library.builtInIDs() {
            let store = CountingLexiconStore(CompiledLexiconCache(folder: folder, codeIdentity: 7))
            let compiled = try RubricLoader(library: library, lexiconStore: store).load(idOrPath: id)
            #expect(store.saved == 1 && store.answered == 0, "\(id): the first load compiles and saves")
            let cached = try RubricLoader(library: library, lexiconStore: store).load(idOrPath: id)
            #expect(store.answered == 1 && store.saved == 1, "\(id): the second load reads the saved tables")
            #expect(Self.findings(cached) == Self.findings(compiled), "\(id)")
            #expect(!Self.findings(cached).isEmpty)
        }
    }

    @Test("Another build of draftcheck does not read tables this one wrote, and damaged files are recompiled")
    func identityAndDamage() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = RubricLibrary(directory: repoRubrics)
        let mine = CountingLexiconStore(CompiledLexiconCache(folder: folder, codeIdentity: 1))
        _ = try RubricLoader(library: library, lexiconStore: mine).load(idOrPath: "crm-strategy")
        let other = CountingLexiconStore(CompiledLexiconCache(folder: folder, codeIdentity: 2))
        _ = try RubricLoader(library: library, lexiconStore: other).load(idOrPath: "crm-strategy")
        #expect(other.answered == 0 && other.saved == 1)
        let tables = try FileManager.default.contentsOfDirectory(
            at: folder.appendingPathComponent("lexicons-v1"), includingPropertiesForKeys: nil)
        #expect(tables.count == 2)
        for file in tables { try Data("not tables".utf8).write(to: file) }
        let again = CountingLexiconStore(CompiledLexiconCache(folder: folder, codeIdentity: 1))
        let rubric = try RubricLoader(library: library, lexiconStore: again).load(idOrPath: "crm-strategy")
        #expect(again.answered == 1 && again.saved == 1, "the damaged file is read, refused and replaced")
        #expect(!Self.findings(rubric).isEmpty)
    }

    @Test("The folder keeps only the newest compiled lexicons")
    func pruning() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = CompiledLexiconCache(folder: folder, codeIdentity: 3)
        for i in 0..<(CompiledLexiconCache.maximumFiles + 5) {
            cache.save([UInt8(i)], for: LexiconKey(high: UInt64(i), low: 0))
        }
        let tablesFolder = folder.appendingPathComponent("lexicons-v1")
        var left = try FileManager.default.contentsOfDirectory(at: tablesFolder, includingPropertiesForKeys: nil)
        #expect(left.count == CompiledLexiconCache.maximumFiles)
        // Make every file an hour old: the next one saved is then the newest, and must survive the pruning.
        for file in left {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: file.path)
        }
        let newest = LexiconKey(high: 999, low: 0)
        cache.save([42], for: newest)
        left = try FileManager.default.contentsOfDirectory(at: tablesFolder, includingPropertiesForKeys: nil)
        #expect(left.count == CompiledLexiconCache.maximumFiles)
        #expect(cache.tables(for: newest) == [42])
    }
}
