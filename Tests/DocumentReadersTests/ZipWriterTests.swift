import Foundation
import Testing

@testable import DocumentReaders

@Suite("ZIP writer")
struct ZipWriterTests {
    private let files: [(String, String)] = [
        ("Ann Lee_501_assignsubmission_file_/draftcheck-feedback.md", "# Ann\n\nWell done."),
        ("Zoë Ångström_502_assignsubmission_file_/draftcheck-feedback.md", "# Zoë\n"),
        ("empty.txt", ""),
    ]

    private func archive() throws -> [UInt8] {
        var zip = ZipWriter(year: 2026, month: 12, day: 6, hour: 3, minute: 4, second: 10)
        for (name, text) in files { try zip.add(path: name, data: Array(text.utf8)) }
        return zip.bytes
    }

    @Test("our own reader lists and extracts every entry, CRC and sizes checked")
    func readsBack() throws {
        var reader = try ZipArchive(bytes: try archive(), limits: ReadLimits())
        #expect(reader.entries.map(\.name) == files.map(\.0))
        for (name, text) in files {
            #expect(try reader.data(named: name) == Array(text.utf8))
        }
    }

    @Test("Python's zipfile lists the UTF-8 names, the date, and passes its CRC test")
    func pythonReadsIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zipwriter-\(UUID().uuidString).zip")
        try Data(try archive()).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist():
                print(i.filename, i.file_size, i.date_time, z.read(i).decode('utf-8').count('\\n'))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch {
            withKnownIssue("python3 is not installed here") { throw error }
            return
        }
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(
            out.split(separator: "\n") == [
                "Ann Lee_501_assignsubmission_file_/draftcheck-feedback.md 17 (2026, 12, 6, 3, 4, 10) 2",
                "Zoë Ångström_502_assignsubmission_file_/draftcheck-feedback.md 7 (2026, 12, 6, 3, 4, 10) 1",
                "empty.txt 0 (2026, 12, 6, 3, 4, 10) 0",
            ])
    }

    @Test(
        "unsafe or repeated names are refused",
        arguments: ["/abs.md", "../up.md", "a/../b.md", "a//b.md", "back\\slash.md", "", "dir/"])
    func refusesUnsafeNames(name: String) {
        var zip = ZipWriter(year: 2026, month: 1, day: 1)
        #expect(throws: ZipWriter.Problem.self) { try zip.add(path: name, data: []) }
    }

    @Test("a name is stored once")
    func refusesRepeats() throws {
        var zip = ZipWriter(year: 2026, month: 1, day: 1)
        try zip.add(path: "a.md", data: [1])
        #expect(throws: ZipWriter.Problem.self) { try zip.add(path: "a.md", data: [2]) }
    }
}
