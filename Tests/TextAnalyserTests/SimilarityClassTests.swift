import Testing
import TextAnalyser

/// A generated class answering one question: everyone quotes the question and uses a few of the stock
/// phrases of the course, writes their own prose, and some learners copy from each other.
private struct GeneratedClass {
    static let question = prose(seed: 777, words: 100)
    static let stockPhrases = (0..<25).map { prose(seed: 5_000 + UInt64($0), words: 12) }

    var texts: [String]
    /// Every pair that copied, as (lower index, higher index).
    var copiedPairs: Set<[Int]>

    /// `size` learners; `groups` share one long passage each; in each of `edited` the second learner
    /// hands in the first's whole answer lightly edited (words swapped, a sentence added).
    init(size: Int, groups: [[Int]], edited: [[Int]], seed: UInt64) {
        var rng = seed
        func next() -> Int {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(rng >> 33)
        }
        texts = (0..<size).map { i in
            let phrases = (0..<3).map { _ in Self.stockPhrases[next() % Self.stockPhrases.count] }
            return Self.question + ". " + phrases[0] + ". " + prose(seed: seed &+ UInt64(i) &* 7_919, words: 250) + ". "
                + phrases[1]
                + ". " + prose(seed: seed &+ UInt64(i) &* 104_729, words: 150) + ". " + phrases[2] + "."
        }
        copiedPairs = []
        for (g, group) in groups.enumerated() {
            let passage = prose(seed: seed &+ 90_000 &+ UInt64(g), words: 200)
            for i in group { texts[i] += " " + passage + "." }
            for a in group { for b in group where a < b { copiedPairs.insert([a, b]) } }
        }
        for pair in edited {
            var words = texts[pair[0]].split(separator: " ").map(String.init)
            for k in stride(from: 10, to: words.count, by: 20) { words[k] = "Sainsbury's" }
            words.insert(
                contentsOf: ["I", "also", "think", "this", "matters", "a", "great", "deal", "to", "managers."],
                at: words.count / 2)
            texts[pair[1]] = words.joined(separator: " ")
            copiedPairs.insert(pair.sorted())
        }
    }

    func flagged(by detector: SimilarityDetector, ignoring ignored: Set<UInt64>) -> Set<[Int]> {
        Set(
            detector.similarPairs(texts.map(detector.fingerprints(of:)), ignoring: ignored).map {
                [$0.first, $0.second]
            })
    }
}

@Suite struct SimilarityClassTests {
    let detector = SimilarityDetector()
    var taskWording: Set<UInt64> { Set(detector.fingerprints(of: GeneratedClass.question).hashes) }

    @Test(arguments: [
        (5, [[0, 1, 2]], [[3, 4]]),
        (12, [[0, 1], [2, 3, 4]], [[5, 6]]),
        (40, [[3, 17], [20, 21, 39]], [[8, 30]]),
        (300, [[0, 299], [100, 150, 200]], [[7, 8]]),
    ])
    func copiedGroupsAreFlaggedAndIndependentAnswersAreNot(size: Int, groups: [[Int]], edited: [[Int]]) {
        let cohort = GeneratedClass(size: size, groups: groups, edited: edited, seed: UInt64(size))
        #expect(cohort.flagged(by: detector, ignoring: taskWording) == cohort.copiedPairs)
    }

    @Test func aBigCohortsSharedWordingIsIgnoredEvenWhenNotGiven() {
        // 300 learners quote the same 100-word question: a large share of a big cohort.
        let cohort = GeneratedClass(size: 300, groups: [[10, 11, 12]], edited: [], seed: 3)
        #expect(cohort.flagged(by: detector, ignoring: []) == cohort.copiedPairs)
    }

    @Test func aSmallClassFlagsTheTaskWordingUnlessItIsGiven() {
        // Eight learners have no "large share" to hide a long shared text: the task's wording must be
        // given (batch --task, and the rubric's own wording always is).
        let cohort = GeneratedClass(size: 8, groups: [], edited: [], seed: 4)
        #expect(cohort.flagged(by: detector, ignoring: []).count == 28)
        #expect(cohort.flagged(by: detector, ignoring: taskWording).isEmpty)
    }

    @Test func aGroupOfThreeInAClassOfTenIsFlaggedWhereAShareOfTheClassWouldHaveHiddenIt() {
        let cohort = GeneratedClass(size: 10, groups: [[2, 5, 9]], edited: [], seed: 5)
        #expect(cohort.flagged(by: detector, ignoring: taskWording) == [[2, 5], [2, 9], [5, 9]])
        let shareOfClass = SimilarityDetector(commonFraction: 0.2, commonMinimum: 2)
        #expect(
            cohort.flagged(by: shareOfClass, ignoring: taskWording).isEmpty, "the old rule: more than 2 of 10 is common"
        )
    }
}
