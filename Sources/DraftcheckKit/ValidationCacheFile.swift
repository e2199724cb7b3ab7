import Foundation
import RubricEngine

/// The command line's memory of rubric and lexicon files that passed schema validation: one key a line
/// (a 128-bit hash of the file's bytes and the schema's) in `validated-v2` under the cache folder:
/// `$DRAFTCHECK_CACHE`, else `$XDG_CACHE_HOME/draftcheck`, else `~/.cache/draftcheck`. Setting
/// `DRAFTCHECK_CACHE=off` turns it off. A cache that cannot be read or written only costs time.
public final class ValidationCacheFile: ValidationMemo, @unchecked Sendable {
    private static let maximumEntries = 4096
    private let file: URL
    private let lock = NSLock()
    private var keys: Set<ContentKey> = []

    /// The cache in `folder`.
    public init(folder: URL) {
        file = folder.appendingPathComponent("validated-v2")
        guard let data = FileManager.default.contents(atPath: file.path) else { return }
        for line in data.split(separator: 0x0A) where line.count == 32 {
            let text = String(decoding: line, as: UTF8.self)
            if let high = UInt64(text.prefix(16), radix: 16), let low = UInt64(text.suffix(16), radix: 16) {
                keys.insert(ContentKey(high: high, low: low))
            }
        }
        if keys.count > Self.maximumEntries {
            keys = []
            try? FileManager.default.removeItem(at: file)
        }
    }

    /// The cache in the standard folder, or nil when turned off.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ValidationCacheFile?
    {
        CacheFolder.standard(environment: environment).map { ValidationCacheFile(folder: $0) }
    }

    /// Whether these contents passed validation in an earlier run or this one.
    public func contains(_ key: ContentKey) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return keys.contains(key)
    }

    /// Records a key, appending one line to the file (a single append, so concurrent runs do not mix lines).
    public func insert(_ key: ContentKey) {
        lock.lock()
        defer { lock.unlock() }
        guard keys.insert(key).inserted else { return }
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(file.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let line = Array((key.description + "\n").utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
    }
}

/// Where the command line keeps what it remembers between runs: `$DRAFTCHECK_CACHE`, else
/// `$XDG_CACHE_HOME/draftcheck`, else `~/.cache/draftcheck`; `DRAFTCHECK_CACHE=off` turns caching off.
public enum CacheFolder {
    /// The folder, or nil when caching is off or no home folder is known.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let configured = environment["DRAFTCHECK_CACHE"], !configured.isEmpty {
            return configured == "off" ? nil : URL(fileURLWithPath: configured)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("draftcheck")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/draftcheck")
    }
}
