import Foundation
import TextAnalyser

/// The command line's store of compiled lexicons: one file per lexicon wording in `lexicons-v1` under the
/// cache folder (see `CacheFolder`), named by the wording's key mixed with the identity of the running
/// executable, so a rebuilt or upgraded draftcheck (whose analyser may compile differently) never reads
/// tables an older one wrote. Files are written whole (temporary file, then rename), the folder keeps the
/// newest `maximumFiles`, and a file that cannot be read or is unsound only costs a compile.
public final class CompiledLexiconCache: CompiledLexiconStore, @unchecked Sendable {
    /// How many compiled lexicons the folder keeps (each is a few hundred kilobytes).
    public static let maximumFiles = 24
    private let folder: URL
    private let codeIdentity: UInt64

    /// The cache in `folder`, for code identified by `codeIdentity` (by default, the running executable's
    /// size, modification time and inode).
    public init(folder: URL, codeIdentity: UInt64 = CompiledLexiconCache.executableIdentity()) {
        self.folder = folder.appendingPathComponent("lexicons-v1")
        self.codeIdentity = codeIdentity
    }

    /// The cache in the standard folder, or nil when caching is off.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> CompiledLexiconCache?
    {
        CacheFolder.standard(environment: environment).map { CompiledLexiconCache(folder: $0) }
    }

    /// The file for a key: the key's hexadecimal digits with its low half mixed with the code identity.
    private func file(for key: LexiconKey) -> URL {
        let mixed = LexiconKey(high: key.high, low: (key.low ^ codeIdentity) &* 0xc4ce_b9fe_1a85_ec53)
        return folder.appendingPathComponent("\(mixed).tables")
    }

    public func tables(for key: LexiconKey) -> [UInt8]? {
        let fd = open(file(for: key).path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0, info.st_size < 64 << 20 else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        let complete = bytes.withUnsafeMutableBytes { buf -> Bool in
            var done = 0
            while done < size {
                let n = read(fd, buf.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        return complete ? bytes : nil
    }

    public func save(_ tables: [UInt8], for key: LexiconKey) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard (try? AtomicFile.write(bytes: tables, to: file(for: key))) != nil else { return }
        prune()
    }

    /// Removes the oldest files beyond `maximumFiles`.
    private func prune() {
        let manager = FileManager.default
        guard
            let files = try? manager.contentsOfDirectory(
                at: folder, includingPropertiesForKeys: [.contentModificationDateKey]),
            files.count > Self.maximumFiles
        else { return }
        let dated = files.map { url in
            (
                url,
                (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
                    ?? .distantPast
            )
        }
        for (url, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.maximumFiles) {
            try? manager.removeItem(at: url)
        }
    }

    /// A number that changes whenever the running executable is rebuilt or replaced: its size, modification
    /// time and inode. Zero when they cannot be read (the cache then serves only runs of unknown identity).
    public static func executableIdentity() -> UInt64 {
        #if os(Linux)
            let path = "/proc/self/exe"
        #else
            guard let path = Bundle.main.executablePath else { return 0 }
        #endif
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        #if os(Linux)
            let modified = info.st_mtim
        #else
            let modified = info.st_mtimespec
        #endif
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for part in [info.st_size, modified.tv_sec, modified.tv_nsec, Int(info.st_ino)].map(
            UInt64.init(truncatingIfNeeded:))
        {
            h = (h ^ part) &* 0xff51_afd7_ed55_8ccd
            h = h << 31 | h >> 33
        }
        return h
    }
}
