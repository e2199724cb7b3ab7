import Foundation

/// Writes files completely or not at all: into a temporary file in the same directory, then renamed
/// over the destination, so a crash never leaves a half-written gradebook.
public enum AtomicFile {
    /// A temporary path beside `url`, hidden and unique to this process.
    static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to url: URL) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: url) }
    }

    /// Writes `bytes`.
    public static func write(bytes: [UInt8], to url: URL) throws {
        try bytes.withUnsafeBytes { try write($0, to: url) }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to url: URL) throws {
        let tmp = temporaryURL(for: url)
        do {
            try writeBytes(bytes, to: tmp)
            try moveIntoPlace(tmp, url)
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }

    /// Writes the bytes with plain POSIX calls (Foundation's Data.write also syncs to disk,
    /// which costs more than the checking itself for a thousand small feedback files).
    private static func writeBytes(_ buf: UnsafeRawBufferPointer, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(fd) }
        guard let base = buf.baseAddress else { return }
        var done = 0
        while done < buf.count {
            let n = Foundation.write(fd, base + done, buf.count - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: url.path]) }
            done += n
        }
    }

    /// Renames a finished temporary file over its destination (atomic within one file system).
    static func moveIntoPlace(_ tmp: URL, _ url: URL) throws {
        if rename(tmp.path, url.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}

/// A file written bit by bit into a temporary file and moved into place only when finished.
final class StreamedFile {
    private let url: URL
    private let tmp: URL
    private let handle: FileHandle
    private var buffer = ""

    init(_ url: URL) throws {
        self.url = url
        tmp = AtomicFile.temporaryURL(for: url)
        guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: tmp.path])
        }
        handle = try FileHandle(forWritingTo: tmp)
    }

    func write(_ s: String) throws {
        buffer += s
        if buffer.utf8.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
    }

    /// Flushes, closes and moves the file into place.
    func finish() throws {
        try flush()
        try handle.close()
        try AtomicFile.moveIntoPlace(tmp, url)
    }

    /// Closes and removes the unfinished file.
    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(at: tmp)
    }
}
