import DraftcheckKit
import Foundation
import RubricEngine
import Testing

private let repoRubrics = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Rubrics")

/// The per-document limits: a file that is too long or too slow is reported, by name, and the run goes on.
@Suite("Per-document limits on text and time")
struct CheckLimitsTests {
    private static let assessor: Assessor = {
        let loader = try! RubricLoader(library: RubricLibrary(directory: repoRubrics))
        return Assessor(rubric: try! loader.load(idOrPath: "crm-strategy"))
    }()

    private static let paragraph =
        "Tesco uses Clubcard data for customer segmentation, so offers match what each segment buys. "
        + "Retention rose by 12% because loyal customers were rewarded, although the cost was high.\n\n"

    private static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    @Test("A text over the limit is reported with its size and the limit, and is not analysed")
    func tooLong() throws {
        let dir = try Self.folder(["long.md": String(repeating: Self.paragraph, count: 40), "short.md": Self.paragraph])
        defer { try? FileManager.default.removeItem(at: dir) }
        let checker = DocumentChecker(assessor: Self.assessor, limits: CheckLimits(maxTextBytes: 2_000, timeLimit: 60))
        let docs = checker.check(
            paths: [dir.appendingPathComponent("long.md").path, dir.appendingPathComponent("short.md").path],
            standardInput: nil)
        #expect(docs[0].assessment == nil)
        let error = try #require(docs[0].error)
        #expect(error.hasPrefix("its text is 7.") && error.contains("KB, more than the 2.0 KB draftcheck checks"))
        #expect(docs[1].assessment != nil && docs[1].error == nil, "the next file is still checked")
    }

    @Test("A file slower than the time limit is reported as such, and the checker stays usable")
    func tooSlow() throws {
        // About 1.5 MB of text cannot be read and checked in a microsecond.
        let dir = try Self.folder(["slow.md": String(repeating: Self.paragraph, count: 8_000)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("slow.md").path
        let hurried = DocumentChecker(
            assessor: Self.assessor, limits: CheckLimits(maxTextBytes: 8 << 20, timeLimit: 1e-6))
        let doc = hurried.check(path: path)
        #expect(doc.assessment == nil)
        #expect(doc.error?.contains("took longer than") == true)
        #expect(doc.error?.contains("--time-limit") == true)
        let patient = DocumentChecker(assessor: Self.assessor)
        #expect(patient.check(path: path).assessment != nil)
    }

    @Test("Limits hold when many files are checked at once")
    func manyAtOnce() throws {
        var files: [String: String] = [:]
        for i in 0..<12 { files["a\(i).md"] = String(repeating: Self.paragraph, count: i % 3 == 0 ? 30 : 1) }
        let dir = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let checker = DocumentChecker(assessor: Self.assessor, limits: CheckLimits(maxTextBytes: 3_000, timeLimit: 60))
        let paths = (0..<12).map { dir.appendingPathComponent("a\($0).md").path }
        let docs = checker.check(paths: paths, standardInput: nil)
        #expect(docs.map(\.path) == paths, "results come back in order")
        for (i, doc) in docs.enumerated() {
            #expect((doc.assessment == nil) == (i % 3 == 0), "a\(i).md")
        }
    }
}
