import Foundation
import Testing

/// One sample answer and the band its manifest expects.
struct SampleCase: CustomTestStringConvertible, Sendable {
    var rubric: String
    var file: String
    var quality: String
    var expectedBand: String?
    /// For a sample near a band boundary, the bands a second marker could fairly give (from the manifest).
    var acceptableBands: [String]?
    var mustNotAssert: [String]

    var testDescription: String { "\(rubric)/\(file)" }

    static let all: [SampleCase] = {
        let samples = ToolRunner.repo.appendingPathComponent("Samples")
        let dirs = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        var out: [SampleCase] = []
        for d in dirs.sorted() {
            let manifest = samples.appendingPathComponent(d).appendingPathComponent("manifest.json")
            guard let data = try? Data(contentsOf: manifest),
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let rubric = json["rubric"] as? String, let list = json["samples"] as? [[String: Any]]
            else { continue }
            for s in list {
                out.append(
                    SampleCase(
                        rubric: rubric, file: "\(d)/\(s["file"] as? String ?? "")",
                        quality: s["quality"] as? String ?? "",
                        expectedBand: s["expectedBand"] as? String, acceptableBands: s["acceptableBands"] as? [String],
                        mustNotAssert: s["mustNotAssert"] as? [String] ?? []))
            }
        }
        return out
    }()
}

private func assess(_ s: SampleCase) throws -> [String: Any] {
    let path = ToolRunner.repo.appendingPathComponent("Samples").appendingPathComponent(s.file).path
    let r = try ToolRunner.run(["check", path, "--rubric", s.rubric, "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    return (json["documents"] as! [[String: Any]])[0]
}

@Suite("Graded samples land in their bands")
struct SampleTests {
    @Test("Every sample lands in its expected band", arguments: SampleCase.all)
    func band(sample: SampleCase) throws {
        let doc = try assess(sample)
        let band = doc["band"] as? String
        let percent = "\((doc["score"] as? [String: Any])?["percent"] ?? "?")%"
        if let acceptable = sample.acceptableBands {
            #expect(band.map(acceptable.contains) == true, "\(sample.file): \(band ?? "no band") at \(percent)")
        } else {
            #expect(band == sample.expectedBand, "\(sample.file): \(percent)")
        }
        let asserted = (doc["misconceptions"] as! [[String: Any]]).map { $0["id"] as! String }
        for id in sample.mustNotAssert {
            #expect(!asserted.contains(id), "\(sample.file) must not assert \(id)")
        }
    }

    @Test("Marks rise from fail to pass to merit to distinction in every rubric")
    func ordering() throws {
        let order = ["fail", "pass", "merit", "distinction"]
        let byRubric = Dictionary(grouping: SampleCase.all, by: \.rubric)
        #expect(!byRubric.isEmpty, "there are samples")
        for (rubric, cases) in byRubric {
            var marks: [Double] = []
            for q in order {
                let c = try #require(cases.first { $0.quality == q }, "\(rubric) has a \(q) sample")
                marks.append((try assess(c)["score"] as! [String: Any])["awarded"] as! Double)
            }
            #expect(marks == marks.sorted() && Set(marks).count == marks.count, "\(rubric): \(marks)")
        }
    }
}

@Suite("Built-in rubrics")
struct BuiltInRubricTests {
    @Test("Every built-in rubric lints clean and passes its own examples")
    func lintAndTest() throws {
        let list = try ToolRunner.run(["rubrics"])
        #expect(list.status == 0, "\(list.stdout)\(list.stderr)")
        let ids = list.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        #expect(!ids.isEmpty)
        for id in ids {
            let lint = try ToolRunner.run(["rubric", "lint", id])
            #expect(lint.status == 0 && lint.stdout.isEmpty, "\(id): \(lint.stdout)")
        }
        let test = try ToolRunner.run(["rubric", "test"])
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains(" 0 failed"))
    }
}
