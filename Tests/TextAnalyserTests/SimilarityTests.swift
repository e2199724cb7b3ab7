import Foundation
import Testing
import TextAnalyser

/// Deterministic pseudo-random prose from a word list, so each test text is unlike the others.
func prose(seed: UInt64, words: Int) -> String {
    let vocabulary = """
        customer loyalty retention value service brand market segment price promotion channel digital data insight
        experience journey complaint recovery trust satisfaction survey score growth revenue profit cost staff
        training culture feedback social media campaign offer discount reward scheme membership online store app
        """.split(whereSeparator: \.isWhitespace)
    var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    var out: [Substring] = []
    for _ in 0..<words {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        out.append(vocabulary[Int(state >> 33) % vocabulary.count])
    }
    return out.joined(separator: " ")
}

@Suite struct SimilarityTests {
    let detector = SimilarityDetector()

    @Test func copiedPairIsFoundWithItsPassage() {
        let copied = prose(seed: 99, words: 120)
        let a = prose(seed: 1, words: 300) + ". " + copied + ". " + prose(seed: 2, words: 200)
        // The copy differs in case and punctuation only, and sits elsewhere in the other answer.
        let b =
            prose(seed: 3, words: 150) + "! " + copied.uppercased().replacingOccurrences(of: " ", with: ",  ")
            + ". " + prose(seed: 4, words: 250)
        let others = (10..<20).map { prose(seed: UInt64($0), words: 500) }
        let texts = [a] + others + [b]
        let pairs = detector.similarPairs(texts.map(detector.fingerprints(of:)))
        #expect(pairs.count == 1)
        #expect(pairs.first?.first == 0 && pairs.first?.second == texts.count - 1)
        #expect((pairs.first?.shared ?? 0) >= detector.minSharedFingerprints)
        let passages = detector.sharedPassages(a, b)
        #expect(passages.first?.contains(copied) == true, "the passage is quoted from the first text in full")
    }

    @Test func unrelatedAnswersAreNotFlagged() {
        let texts = (0..<40).map { prose(seed: UInt64($0) + 1000, words: 800) }
        #expect(detector.similarPairs(texts.map(detector.fingerprints(of:))).isEmpty)
    }

    @Test func boilerplateSharedByEveryoneIsIgnored() {
        let boilerplate =
            "I confirm that this assignment is my own work and that all sources have been acknowledged "
            + "in full in line with the academic integrity policy of the college and the awarding body"
        let texts = (0..<40).map { boilerplate + ". " + prose(seed: UInt64($0) + 500, words: 400) }
        #expect(detector.similarPairs(texts.map(detector.fingerprints(of:))).isEmpty)
    }

    @Test func rubricWordingIsIgnoredWhenGiven() {
        let brief = prose(seed: 7, words: 100)
        let a = brief + ". " + prose(seed: 8, words: 300)
        let b = brief + ". " + prose(seed: 9, words: 300)
        let fingerprints = [a, b].map(detector.fingerprints(of:))
        #expect(detector.similarPairs(fingerprints).count == 1)
        let ignored = Set(detector.fingerprints(of: brief).hashes)
        #expect(detector.similarPairs(fingerprints, ignoring: ignored).isEmpty)
    }

    @Test func sameOwnerPairsAreNotReported() {
        let text = prose(seed: 42, words: 400)
        let fingerprints = [text, text, prose(seed: 43, words: 400)].map(detector.fingerprints(of:))
        #expect(detector.similarPairs(fingerprints, group: [0, 0, 1]).isEmpty)
        #expect(detector.similarPairs(fingerprints, group: [0, 1, 2]).count == 1)
    }

    @Test func fingerprintsAreCompactAndStable() {
        let text = prose(seed: 5, words: 1500)
        let fp = detector.fingerprints(of: text)
        #expect(fp == detector.fingerprints(of: text))
        #expect(fp.hashes.count < 700, "winnowing keeps about 2/(window+1) of the shingles")
        #expect(detector.fingerprints(of: "too short").hashes.isEmpty)
    }
}
