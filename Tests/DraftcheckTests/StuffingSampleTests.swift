import Foundation
import Testing

/// The stuffing flag means stuffing: silent on every genuine sample, raised on every stuffed one.
@Suite("Stuffing flag on the samples")
struct StuffingSampleTests {
    @Test(
        "Silent on genuine answers, raised on stuffed ones", arguments: SampleCase.all.filter { $0.quality != "fail" })
    func flag(sample: SampleCase) throws {
        let path = ToolRunner.repo.appendingPathComponent("Samples").appendingPathComponent(sample.file).path
        let r = try ToolRunner.run(["check", path, "--rubric", sample.rubric, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let doc = (json?["documents"] as? [[String: Any]])?.first ?? [:]
        // Repeating the task is reported to the learner but is not the stuffing flag.
        let stuffing = (doc["findings"] as? [[String: Any]] ?? []).filter {
            $0["kind"] as? String == "stuffing" && $0["label"] as? String != "copied-from-brief"
        }
        if sample.quality == "stuffed" {
            #expect(!stuffing.isEmpty, "\(sample.file) is stuffed but not flagged")
        } else {
            #expect(stuffing.isEmpty, "\(sample.file): \(stuffing.map { $0["text"] as? String ?? "" })")
        }
    }
}
