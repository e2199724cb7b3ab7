/// Finds submissions that share long passages without comparing every pair word by word.
///
/// Each text is reduced to winnowed fingerprints: hashes of every `k`-word window over normalised
/// words (lower-cased letters and digits), of which only the minimum in each run of `window`
/// consecutive hashes is kept. Any shared run of at least `k + window - 1` words is then guaranteed to
/// yield a shared fingerprint. An inverted index from fingerprint to documents finds the pairs that
/// share anything at all. Only what everyone may share is ignored: the `ignoring` set (the rubric's and
/// the task's wording) and, in a big cohort, fingerprints found in a large share of it (more than
/// `commonMinimum` documents and more than `commonFraction` of them). A small class has no "large
/// share" to hide behind, so a group of three sharing a text in a class of ten is still flagged.
/// Passages are quoted by re-reading only the flagged pairs' texts.
public struct SimilarityDetector: Sendable {
    /// Words per shingle.
    public var shingleWords: Int
    /// Winnowing window, in shingles.
    public var window: Int
    /// A pair is flagged with at least this many shared fingerprints...
    public var minSharedFingerprints: Int
    /// ...or when the shared fingerprints are at least this fraction of the smaller document's.
    public var minSharedFraction: Double
    /// The fraction floor never flags a pair sharing fewer fingerprints than this.
    public var minSharedForFraction: Int
    /// Fingerprints found in more than this fraction of the documents are ignored as common text...
    public var commonFraction: Double
    /// ...provided they are also found in more than this many documents.
    public var commonMinimum: Int

    /// Creates a detector with the defaults described on each property.
    public init(
        shingleWords: Int = 8, window: Int = 5, minSharedFingerprints: Int = 15, minSharedFraction: Double = 0.25,
        minSharedForFraction: Int = 4, commonFraction: Double = 0.1, commonMinimum: Int = 10
    ) {
        self.shingleWords = shingleWords
        self.window = window
        self.minSharedFingerprints = minSharedFingerprints
        self.minSharedFraction = minSharedFraction
        self.minSharedForFraction = minSharedForFraction
        self.commonFraction = commonFraction
        self.commonMinimum = commonMinimum
    }

    /// A document's winnowed fingerprints: sorted, unique hashes (about 8 bytes per 3 words).
    public struct Fingerprints: Sendable, Equatable {
        /// The fingerprint hashes, sorted ascending, without repeats.
        public var hashes: [UInt64]

        /// Wraps sorted unique hashes.
        public init(hashes: [UInt64]) {
            self.hashes = hashes
        }
    }

    /// Two documents that share long passages.
    public struct Pair: Sendable, Equatable {
        /// Index of the first document (the lower index).
        public var first: Int
        /// Index of the second document.
        public var second: Int
        /// How many fingerprints they share.
        public var shared: Int
        /// Shared fingerprints as a fraction of the smaller document's fingerprints.
        public var fraction: Double
    }

    /// The fingerprints of a text.
    public func fingerprints(of text: String) -> Fingerprints {
        let words = Self.words(in: text)
        let shingles = shingleHashes(words.map(\.hash))
        var kept = Set<UInt64>()
        if shingles.count <= window {
            if let m = shingles.min() { kept.insert(m) }
        } else {
            var lastPos = -1
            for start in 0...(shingles.count - window) {
                var best = start
                for i in start..<(start + window) where shingles[i] <= shingles[best] { best = i }
                if best != lastPos {
                    kept.insert(shingles[best])
                    lastPos = best
                }
            }
        }
        return Fingerprints(hashes: kept.sorted())
    }

    /// The pairs of documents that share long passages, ordered by index. `ignored` holds fingerprints
    /// of text everyone may share (for example the fingerprints of the rubric's own wording).
    /// `group`, when given, names each document's owner: pairs with the same owner are not reported.
    public func similarPairs(
        _ documents: [Fingerprints], ignoring ignored: Set<UInt64> = [], group: [Int]? = nil
    ) -> [Pair] {
        let n = documents.count
        guard n >= 2, n <= Self.maxDocuments else { return [] }
        let commonLimit = max(commonMinimum, Int(commonFraction * Double(n)))
        // The inverted index as one sorted array of (44 hash bits | 20 document bits): 8 bytes per
        // fingerprint, postings of a hash contiguous. A dictionary of arrays cost ten times as much.
        var index: [UInt64] = []
        index.reserveCapacity(documents.reduce(0) { $0 + $1.hashes.count })
        for (d, fp) in documents.enumerated() {
            for h in fp.hashes { index.append(h & ~Self.docMask | UInt64(d)) }
        }
        index.sort()
        let ignoredKeys = Set(ignored.map { $0 & ~Self.docMask })
        // Fingerprints that count: neither common nor ignored.
        var usable = [Int](repeating: 0, count: n)
        var i = 0
        while i < index.count {
            let key = index[i] & ~Self.docMask
            var j = i + 1
            while j < index.count && index[j] & ~Self.docMask == key { j += 1 }
            if j - i <= commonLimit && !ignoredKeys.contains(key) {
                for k in i..<j { usable[Int(index[k] & Self.docMask)] += 1 }
            }
            i = j
        }
        // For each document, count what it shares with later documents in one reusable counter array.
        var counter = [Int32](repeating: 0, count: n)
        var touched: [Int] = []
        var pairs: [Pair] = []
        for (a, fp) in documents.enumerated() {
            for h in fp.hashes {
                let key = h & ~Self.docMask
                let lo = Self.lowerBound(index, key)
                var hi = lo
                while hi < index.count && index[hi] & ~Self.docMask == key { hi += 1 }
                guard hi - lo >= 2, hi - lo <= commonLimit, !ignoredKeys.contains(key) else { continue }
                for k in lo..<hi {
                    let b = Int(index[k] & Self.docMask)
                    guard b > a else { continue }
                    if counter[b] == 0 { touched.append(b) }
                    counter[b] += 1
                }
            }
            for b in touched.sorted() {
                let shared = Int(counter[b])
                counter[b] = 0
                if let group, group[a] == group[b] { continue }
                let fraction = Double(shared) / Double(max(1, min(usable[a], usable[b])))
                if shared >= minSharedFingerprints || (shared >= minSharedForFraction && fraction >= minSharedFraction)
                {
                    pairs.append(Pair(first: a, second: b, shared: shared, fraction: fraction))
                }
            }
            touched.removeAll(keepingCapacity: true)
        }
        return pairs
    }

    /// Documents are numbered in the index's low 20 bits.
    private static let docMask: UInt64 = (1 << 20) - 1
    /// The most documents one comparison handles.
    public static let maxDocuments = 1 << 20

    private static func lowerBound(_ a: [UInt64], _ key: UInt64) -> Int {
        var lo = 0
        var hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Up to `limit` of the longest passages that two texts share, quoted from the first text, longest
    /// first. Passages are rebuilt by extending matching word runs in both directions.
    public func sharedPassages(_ a: String, _ b: String, ignoring ignored: Set<UInt64> = [], limit: Int = 3) -> [String]
    {
        let wa = Self.words(in: a)
        let wb = Self.words(in: b)
        let ha = shingleHashes(wa.map(\.hash))
        let hb = shingleHashes(wb.map(\.hash))
        var positionsInB: [UInt64: Int] = [:]
        for (j, h) in hb.enumerated() where positionsInB[h] == nil && !ignored.contains(h) { positionsInB[h] = j }
        var runs: [Range<Int>] = []
        var i = 0
        while i < ha.count {
            guard let j = positionsInB[ha[i]] else {
                i += 1
                continue
            }
            var start = i
            var startB = j
            while start > 0, startB > 0, wa[start - 1].hash == wb[startB - 1].hash {
                start -= 1
                startB -= 1
            }
            var end = i
            var endB = j
            while end < wa.count, endB < wb.count, wa[end].hash == wb[endB].hash {
                end += 1
                endB += 1
            }
            if end - start >= shingleWords {
                if let last = runs.last, last.upperBound >= start {
                    runs[runs.count - 1] = last.lowerBound..<max(last.upperBound, end)
                } else {
                    runs.append(start..<end)
                }
            }
            i = max(i + 1, end - shingleWords + 1)
        }
        let bytes = Array(a.utf8)
        return runs.sorted { ($0.count, $1.lowerBound) > ($1.count, $0.lowerBound) }.prefix(limit).map { run in
            let lo = wa[run.lowerBound].range.lowerBound
            let hi = wa[run.upperBound - 1].range.upperBound
            return String(decoding: bytes[lo..<hi], as: UTF8.self)
        }
    }

    private func shingleHashes(_ words: [UInt64]) -> [UInt64] {
        guard words.count >= shingleWords else { return [] }
        var out: [UInt64] = []
        out.reserveCapacity(words.count - shingleWords + 1)
        for start in 0...(words.count - shingleWords) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for w in words[start..<(start + shingleWords)] {
                h = (h ^ w) &* 0x0000_0100_0000_01B3
                h ^= h >> 29
            }
            out.append(Self.mix(h))
        }
        return out
    }

    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A normalised word: its hash and byte range in the text.
    private struct Word {
        var hash: UInt64
        var range: Range<Int>
    }

    /// Words as runs of letters and digits, lower-cased (ASCII fast path; other letters are kept as
    /// written), hashed with FNV-1a. Punctuation, curly quotes and spaces of every kind separate words.
    private static func words(in text: String) -> [Word] {
        var out: [Word] = []
        var offset = 0
        var start = -1
        var h: UInt64 = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let width = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            var isWord: Bool
            var lowered = v
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A { lowered = v + 0x20 }
                isWord = (lowered >= 0x61 && lowered <= 0x7A) || (v >= 0x30 && v <= 0x39)
            } else {
                isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWord {
                if start < 0 {
                    start = offset
                    h = 0xcbf2_9ce4_8422_2325
                }
                h = (h ^ UInt64(lowered)) &* 0x0000_0100_0000_01B3
            } else if start >= 0 {
                out.append(Word(hash: h, range: start..<offset))
                start = -1
            }
            offset += width
        }
        if start >= 0 { out.append(Word(hash: h, range: start..<offset)) }
        return out
    }
}
