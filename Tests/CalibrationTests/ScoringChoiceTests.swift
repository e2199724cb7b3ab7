import Testing

@testable import Calibration

/// Choosing how to score, cross-validated together with the thresholds.
@Suite("Calibration's choice of scoring")
struct ScoringChoiceTests {
    /// 200 answers whose tutor marks (0-3) follow `signal`; `noise` is unrelated to them.
    private static func data() -> (marks: [Int], signal: [Double], noise: [Double]) {
        var generator = SplitMix64(seed: 42)
        var marks: [Int] = []
        var signal: [Double] = []
        var noise: [Double] = []
        for _ in 0..<200 {
            let mark = Int(generator.next() % 4)
            marks.append(mark)
            signal.append(Double(mark) * 25 + Double(generator.next() % 20))
            noise.append(Double(generator.next() % 100))
        }
        return (marks, signal, noise)
    }

    @Test("The candidate that carries the tutor's marks is chosen in every fold and on all answers")
    func choosesTheInformativeCandidate() {
        let (marks, signal, noise) = Self.data()
        let validation = CrossValidation(count: marks.count, folds: 5)
        let choice = ScoringChoice(
            candidates: [
                ScoringCandidate(name: "noise", percents: noise), ScoringCandidate(name: "signal", percents: signal),
            ],
            marks: marks, validation: validation)
        #expect(choice.chosen == 1)
        #expect(choice.timesChosen == [0, 5])
        let noiseOnly = ScoringChoice(
            candidates: [ScoringCandidate(name: "noise", percents: noise)], marks: marks, validation: validation)
        let chosenKappa = choice.crossValidated.quadraticWeightedKappa ?? -1
        let noiseKappa = noiseOnly.crossValidated.quadraticWeightedKappa ?? 1
        #expect(chosenKappa > 0.8 && noiseKappa < 0.3)
    }

    @Test("With candidates, the result reports the rubric as written as candidate 0 and keeps the plain figures")
    func resultCarriesTheChoice() {
        let (marks, signal, noise) = Self.data()
        let answers = marks.indices.map { i in
            MarkedAnswer(name: "a\(i)", percent: noise[i], untunedMark: 0, tutorMark: marks[i])
        }
        let plain = CalibrationResult(answers: answers, folds: 5)
        let chosen = CalibrationResult(
            answers: answers, folds: 5, candidates: [ScoringCandidate(name: "development", percents: signal)])
        #expect(plain.choice == nil)
        #expect(chosen.crossValidated == plain.crossValidated, "the thresholds-only figure does not change")
        #expect(chosen.choice?.names == ["the rubric as written", "development"])
        #expect(chosen.choice?.result.chosen == 1)
        let report = CalibrationReport(result: chosen, rubricName: "test").text()
        #expect(report.contains("chosen on all answers: development"))
        #expect(report.contains("qwk_cv_choice="))
    }
}
