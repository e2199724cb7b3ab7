/// Finds web addresses and e-mail addresses, whose words and numbers are not part of what the answer says:
/// "blog" in `example.com/blog/` is not content marketing, and the digits of a link are not evidence.
enum LinkDetector {
    /// Last labels that make a dotted run a domain name.
    private static let topLevel: Set<String> = [
        "com", "org", "net", "edu", "gov", "io", "co", "uk", "us", "eu", "de", "fr", "in", "au", "ca", "info", "biz",
        "ac", "ie", "nz", "ly", "me", "ai", "app", "dev", "html", "htm", "php", "aspx", "pdf",
    ]

    /// The byte ranges of the links in `bytes`, in order.
    static func spans(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            // Only a colon, an at sign or a full stop directly before a letter or digit can be inside a link.
            let candidate =
                b == UInt8(ascii: ":") || b == UInt8(ascii: "@")
                || (b == UInt8(ascii: ".") && i + 1 < n && isLabelByte(bytes[i + 1]))
            guard candidate else {
                i += 1
                continue
            }
            var start = i
            while start > 0 && !isSpace(bytes[start - 1]) { start -= 1 }
            var end = i
            while end < n && !isSpace(bytes[end]) { end += 1 }
            if let link = link(in: bytes, start..<end) { out.append(link) }
            i = end
        }
        return out
    }

    /// A quick test on the bytes before any string is made: a scheme ("://"), "www.", an at sign, a path after a
    /// dot, or two dots. A decimal ("2.5") or a missing space after a full stop is none of these.
    private static func mayBeLink(_ bytes: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> Bool {
        var dots = 0
        var slash = false
        for i in run {
            switch bytes[i] {
            case UInt8(ascii: "@"): return true
            case UInt8(ascii: ":"): if i + 2 < run.upperBound && bytes[i + 1] == UInt8(ascii: "/") { return true }
            case UInt8(ascii: "."):
                // A label of two letters or more follows a domain's dot; "e.g." and "U.K." have one.
                if i + 2 < run.upperBound && isLabelByte(bytes[i + 1]) && isLabelByte(bytes[i + 2]) { dots += 1 }
            case UInt8(ascii: "/"): slash = dots > 0 || slash
            case UInt8(ascii: "w"), UInt8(ascii: "W"):
                if i + 3 < run.upperBound && bytes[i + 1] | 0x20 == UInt8(ascii: "w")
                    && bytes[i + 2] | 0x20 == UInt8(ascii: "w")
                    && bytes[i + 3] == UInt8(ascii: ".")
                {
                    return true
                }
            default: break
            }
        }
        return dots >= 2 || (dots >= 1 && slash)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }

    /// The link inside one run of non-space bytes, without the brackets and punctuation around it.
    private static func link(in bytes: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> Range<Int>? {
        guard mayBeLink(bytes, run) else { return nil }
        for scheme in Self.schemes {
            if let start = firstIndex(of: scheme, in: bytes, run) { return trimmed(bytes, start..<run.upperBound) }
        }
        var core = trimmed(bytes, run)
        while core.lowerBound < core.upperBound && !isLabelByte(bytes[core.lowerBound]) {
            core = (core.lowerBound + 1)..<core.upperBound
        }
        guard !core.isEmpty else { return nil }
        let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[core]), as: UTF8.self)
        if bytes[core].contains(UInt8(ascii: "@")) {
            let parts = body.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].utf8.contains(UInt8(ascii: "."))
                && isDomain(String(parts[1]), bare: false)
                ? core : nil
        }
        return isDomain(body, bare: true) ? core : nil
    }

    /// What opens a web address, in the order looked for.
    private static let schemes: [StaticString] = ["https://", "http://", "www."]

    /// Where `word` (lower-case ASCII) first occurs in `run`, in any case.
    private static func firstIndex(of word: StaticString, in bytes: UnsafeBufferPointer<UInt8>, _ run: Range<Int>)
        -> Int?
    {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard run.count >= w.count else { return nil }
        for start in run.lowerBound...(run.upperBound - w.count) {
            var same = true
            for k in 0..<w.count {
                var b = bytes[start + k]
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                if b != w[k] {
                    same = false
                    break
                }
            }
            if same { return start }
        }
        return nil
    }

    /// A domain name, optionally with a path. A bare two-label name without a path ("Amazon.com") is the
    /// organisation's name, not a link.
    private static func isDomain(_ text: String, bare: Bool) -> Bool {
        let host = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let labels = host[0].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { isLabelByte($0) || $0 == UInt8(ascii: "-") } }),
            labels[0].count >= 2, let last = labels.last, topLevel.contains(last.lowercased())
        else { return false }
        return !bare || host.count == 2 || labels.count >= 3
    }

    /// The range without the punctuation that closes the sentence or the brackets around it.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var end = range.upperBound
        let closing: Set<UInt8> = Set(".,;:!?)]}>'\"*_".utf8)
        while end > range.lowerBound && closing.contains(bytes[end - 1]) { end -= 1 }
        return range.lowerBound..<end
    }
}
