/// Finds submissions that share long passages without comparing every pair word by word.
///
/// Each text is reduced to winnowed fingerprints: hashes of every `k`-word window over normalised
/// words (lower-cased letters and digits), of which only the minimum in each run of `window`
/// consecutive hashes is kept. Any shared run of at least `k + window - 1` words is then guaranteed to
/// yield a shared fingerprint. An inverted index from fingerprint to documents finds the pairs that
/// share anything at all; fingerprints present in many documents (boilerplate, the question, the
/// rubric's own wording) are ignored. Passages are quoted by re-reading only the flagged pairs' texts.
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
    /// Fingerprints found in more than this fraction of the documents are ignored as common text.
    public var commonFraction: Double

    /// Creates a detector with the defaults described on each property.
    public init(
        shingleWords: Int = 8, window: Int = 5, minSharedFingerprints: Int = 15, minSharedFraction: Double = 0.25,
        minSharedForFraction: Int = 4, commonFraction: Double = 0.2
    ) {
        self.shingleWords = shingleWords
        self.window = window
        self.minSharedFingerprints = minSharedFingerprints
        self.minSharedFraction = minSharedFraction
        self.minSharedForFraction = minSharedForFraction
        self.commonFraction = commonFraction
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
        guard n >= 2 else { return [] }
        var index: [UInt64: [Int32]] = [:]
        for (d, fp) in documents.enumerated() {
            for h in fp.hashes where !ignored.contains(h) { index[h, default: []].append(Int32(d)) }
        }
        let commonLimit = max(2, Int(commonFraction * Double(n)))
        var counts: [UInt64: Int] = [:]
        var usable = [Int](repeating: 0, count: n)
        for (_, docs) in index where docs.count <= commonLimit {
            for d in docs { usable[Int(d)] += 1 }
            guard docs.count >= 2 else { continue }
            for i in 0..<(docs.count - 1) {
                for j in (i + 1)..<docs.count {
                    let a = UInt64(docs[i])
                    let b = UInt64(docs[j])
                    counts[a << 32 | b, default: 0] += 1
                }
            }
        }
        var pairs: [Pair] = []
        for (key, shared) in counts {
            let a = Int(key >> 32)
            let b = Int(key & 0xFFFF_FFFF)
            if let group, group[a] == group[b] { continue }
            let smaller = max(1, min(usable[a], usable[b]))
            let fraction = Double(shared) / Double(smaller)
            if shared >= minSharedFingerprints || (shared >= minSharedForFraction && fraction >= minSharedFraction) {
                pairs.append(Pair(first: a, second: b, shared: shared, fraction: fraction))
            }
        }
        return pairs.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// Up to `limit` of the longest passages that two texts share, quoted from the first text, longest
    /// first. Passages are rebuilt by extending matching word runs in both directions.
    public func sharedPassages(_ a: String, _ b: String, ignoring ignored: Set<UInt64> = [], limit: Int = 3) -> [String] {
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
