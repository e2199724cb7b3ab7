/// Where a copied sentence came from.
public enum CopySource: String, Sendable, Hashable {
    /// The task or the rubric's own wording: repeating it earns nothing.
    case brief
    /// The source text or case study: its details are evidence, but a copied passage is not development.
    case source
}

/// The wording an answer may repeat but earns nothing for (the task, the marking points) and the source
/// text it is about, reduced to hashes of every run of `runWords` words. Compiled once per rubric.
public struct ReferenceTexts: Sendable {
    /// Words per compared run: long enough that everyday phrases rarely coincide.
    static let runWords = 5
    /// A sentence is copied when at least this share of its words lies in runs shared with a reference...
    static let copiedShare = 0.75
    /// ...and it has at least this many words.
    static let minimumWords = 6
    /// A run of this many copied words makes a sentence copied whatever its length.
    static let longRun = 12

    let brief: Set<UInt64>
    let source: Set<UInt64>
    /// One bit per run hash of either reference (16,384 bits): most runs of an answer are in neither, and a
    /// bit test rejects them without hashing the hash into a set.
    private let seen: [UInt64]
    private static let seenMask: UInt64 = (1 << 14) - 1

    /// No reference texts: nothing counts as copied.
    public static let none = ReferenceTexts(brief: [], source: [])

    /// Compiles the brief (task and rubric wording) and the source texts.
    public init(brief: [String], source: [String]) {
        self.brief = Self.runs(brief)
        self.source = Self.runs(source)
        var bits = [UInt64](repeating: 0, count: Int(Self.seenMask + 1) / 64)
        for h in self.brief.union(self.source) {
            let b = h & Self.seenMask
            bits[Int(b >> 6)] |= 1 << (b & 63)
        }
        seen = bits
    }

    /// True when there is nothing to compare with.
    public var isEmpty: Bool { brief.isEmpty && source.isEmpty }

    private static func runs(_ texts: [String]) -> Set<UInt64> {
        var out = Set<UInt64>()
        for text in texts {
            let bytes = Array(text.utf8)
            let words = bytes.withUnsafeBufferPointer { WordHasher.words($0, 0..<$0.count) }
            for h in WordHasher.runHashes(words, length: runWords) { out.insert(h) }
        }
        return out
    }

    /// Which reference, if any, a sentence repeats. `words` are the sentence's word hashes in order.
    func copySource(of words: [UInt64]) -> CopySource? {
        guard words.count >= Self.runWords else { return nil }
        // Hash the runs once; most sentences share none with either reference and stop here.
        let runs = WordHasher.runHashes(words, length: Self.runWords)
        guard runs.contains(where: mayBeShared) else { return nil }
        if !brief.isEmpty && runs.contains(where: brief.contains) && Self.isCopied(words.count, runs, from: brief) {
            return .brief
        }
        if !source.isEmpty && runs.contains(where: source.contains) && Self.isCopied(words.count, runs, from: source) {
            return .source
        }
        return nil
    }

    /// Whether some run of `runWords` words in `range` may be in a reference (the bit test), hashing the words
    /// in one pass with the last few word hashes in a ring, without allocating. `copySource` then decides.
    func mayShareRun(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        assert(Self.runWords == 5, "the ring holds five word hashes")
        var ring: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        var count = 0
        var found = false
        WordHasher.forEachWord(bytes, range) { h in
            ring = (ring.1, ring.2, ring.3, ring.4, h)
            count += 1
            guard count >= Self.runWords else { return true }
            let run = WordHasher.runHash(ring.0, ring.1, ring.2, ring.3, ring.4)
            if mayBeShared(run) {
                found = true
                return false
            }
            return true
        }
        return found
    }

    /// False when no reference has the run (a bit test); true when one may have it.
    @inline(__always) private func mayBeShared(_ h: UInt64) -> Bool {
        let b = h & Self.seenMask
        return seen[Int(b >> 6)] & (1 << (b & 63)) != 0
    }

    private static func isCopied(_ wordCount: Int, _ runs: [UInt64], from reference: Set<UInt64>) -> Bool {
        var covered = [Bool](repeating: false, count: wordCount)
        var runEnd = -1
        var longest = 0
        var current = 0
        for (start, h) in runs.enumerated() where reference.contains(h) {
            for k in start..<(start + runWords) { covered[k] = true }
            current = start <= runEnd ? current + (start + runWords - 1 - runEnd) : runWords
            runEnd = start + runWords - 1
            longest = max(longest, current)
        }
        if longest >= longRun { return true }
        let share = Double(covered.filter { $0 }.count) / Double(wordCount)
        return wordCount >= minimumWords && share >= copiedShare
    }
}

/// Hashes words folded to lower case (ASCII letters and digits, other bytes kept), so that the same
/// wording matches whatever its case and punctuation.
enum WordHasher {
    /// The hash of each word in `range` of `bytes`, in order.
    static func words(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt64] {
        var out: [UInt64] = []
        forEachWord(bytes, range) { h in
            out.append(h)
            return true
        }
        return out
    }

    /// Calls `body` with the hash of each word in `range` of `bytes`, in order, until it returns false.
    @inline(__always) static func forEachWord(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (UInt64) -> Bool
    ) {
        var h: UInt64 = 0
        var inWord = false
        for i in range {
            var b = bytes[i]
            let isLetter = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
            if isLetter {
                if b >= 0x41 && b <= 0x5A { b += 32 }
                if !inWord {
                    h = 0xcbf2_9ce4_8422_2325
                    inWord = true
                }
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            } else if inWord {
                if !body(h) { return }
                inWord = false
            }
        }
        if inWord { _ = body(h) }
    }

    /// The hash of every run of `length` consecutive words.
    static func runHashes(_ words: [UInt64], length: Int) -> [UInt64] {
        guard words.count >= length else { return [] }
        var out: [UInt64] = []
        out.reserveCapacity(words.count - length + 1)
        for start in 0...(words.count - length) {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for k in start..<(start + length) { h = mix(h, words[k]) }
            out.append(h)
        }
        return out
    }

    /// The hash of a run of five words, the same as `runHashes` gives it.
    @inline(__always) static func runHash(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64, _ e: UInt64) -> UInt64 {
        mix(mix(mix(mix(mix(0x9E37_79B9_7F4A_7C15, a), b), c), d), e)
    }

    @inline(__always) private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        (h ^ word) &* 0xff51_afd7_ed55_8ccd &+ 0x2545_F491
    }
}

extension AnalysisBuilder {
    /// Marks sentences that repeat the brief or copy the source. A sentence copied from the brief is also
    /// weak, so nothing in it earns more than naming an idea; the engine gives it nothing at all.
    mutating func markCopiedSentences(_ references: ReferenceTexts) -> [Finding] {
        guard !references.isEmpty else { return [] }
        var out: [Finding] = []
        source.bytes.withUnsafeBufferPointer { p in
            // Headings are structure: one that echoes the task is how answers are laid out, not copying.
            for i in sentences.indices where !blocks[sentences[i].block].isHeading {
                // Most sentences share no run with either reference: a pass that allocates nothing says so.
                guard references.mayShareRun(p, sentences[i].range) else { continue }
                let words = WordHasher.words(p, sentences[i].range)
                guard let from = references.copySource(of: words) else { continue }
                sentences[i].copiedFrom = from
                if from == .brief {
                    sentences[i].isWeak = true
                    out.append(
                        Finding(
                            kind: .stuffing(.copiedFromBrief), range: sentences[i].range, sentence: i, negated: false,
                            weak: true))
                }
            }
        }
        return out
    }
}
