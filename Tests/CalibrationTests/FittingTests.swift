import Testing

@testable import Calibration

@Suite("Fitting thresholds and cross-validating them")
struct FittingTests {
    @Test("A mapping gives the lowest mark plus the thresholds reached, never less for more")
    func mappingIsMonotone() {
        let mapping = ThresholdMapping(lowest: 0, thresholds: [50, 20, 80])
        #expect(mapping.thresholds == [20, 50, 80])
        #expect(mapping.marks(for: [0, 19.9, 20, 49, 50, 79.9, 80, 100]) == [0, 0, 1, 1, 2, 2, 3, 3])
    }

    @Test("When draftcheck's percentages order the answers as the tutor does, the fit reproduces the tutor")
    func perfectOrder() {
        let percents: [Double] = [0, 10, 30, 35, 60, 65, 90, 100]
        let marks = [0, 0, 1, 1, 2, 2, 3, 3]
        let mapping = ThresholdMapping.fit(percents: percents, marks: marks)
        #expect(mapping.marks(for: percents) == marks)
        // Thresholds fall midway between neighbouring percentages.
        #expect(mapping.thresholds == [20, 47.5, 77.5])
    }

    @Test("The least-squares step gives a percentage the tutor marks both ways the mark nearest on average")
    func leastSquares() {
        // At 50% the tutor gave 1, 1 and 3: squared error 0+0+4 = 4 at mark 1, 1+1+1 = 3 at mark 2,
        // 4+4+0 = 8 at mark 3; so 2. At 90% the tutor gave 3.
        let groups = PercentGroups(percents: [50, 50, 50, 90], marks: [1, 1, 3, 3], lowest: 1, highest: 3)
        #expect(groups.leastSquaresMarks() == [1, 2], "mark indices above the lowest mark 1")
        // Monotone even when the tutor's average falls: 10% averages 3, 90% averages 1.
        let falling = PercentGroups(percents: [10, 10, 90, 90], marks: [3, 3, 1, 1], lowest: 1, highest: 3)
        let assigned = falling.leastSquaresMarks()
        #expect(assigned[0] <= assigned[1])
        #expect(assigned == [1, 1], "the best non-decreasing fit is the overall mean, mark 2")
    }

    @Test("Marks the tutor never gave below the fitted range stay empty")
    func scaleFromTutor() {
        let mapping = ThresholdMapping.fit(percents: [10, 20, 80, 90], marks: [2, 2, 4, 4])
        #expect(mapping.lowest == 2)
        #expect(mapping.marks(for: [10, 20, 80, 90]) == [2, 2, 4, 4])
        #expect(ThresholdMapping.fit(percents: [], marks: []).thresholds.isEmpty)
    }

    @Test("Bands from a mapping rise strictly and skip marks never given")
    func bands() {
        let mapping = ThresholdMapping(lowest: 0, thresholds: [20, 20, 60, .infinity])
        #expect(
            mapping.bands() == [
                CalibratedBand(label: "0", minPercent: 0), CalibratedBand(label: "2", minPercent: 20),
                CalibratedBand(label: "3", minPercent: 60),
            ])
        let always = ThresholdMapping(lowest: 0, thresholds: [-.infinity, 50])
        #expect(
            always.bands() == [CalibratedBand(label: "1", minPercent: 0), CalibratedBand(label: "2", minPercent: 50)])
        // Every percentage falls in the band of the mark the mapping gives it.
        for p in stride(from: 0.0, through: 100, by: 2.5) {
            let band = mapping.bands().last { $0.minPercent <= p }!
            #expect(band.label == String(mapping.mark(for: p)))
        }
    }

    @Test("Cross-validation cannot flatter itself: a held-out fold that differs is scored as it is")
    func heldOutFoldDiffers() {
        // Fold 0: higher percentages get higher marks. Fold 1: the same percentages, reversed marks.
        let percents: [Double] = [10, 20, 30, 40, 10, 20, 30, 40]
        let marks = [0, 0, 3, 3, 3, 3, 0, 0]
        let foldOf = [0, 0, 0, 0, 1, 1, 1, 1]
        // Fitted on fold 0 and scored on fold 0 itself, the mapping looks perfect...
        let inSample = ThresholdMapping.fit(percents: Array(percents[0..<4]), marks: Array(marks[0..<4]))
        #expect(
            Statistics.quadraticWeightedKappa(Array(marks[0..<4]), inSample.marks(for: Array(percents[0..<4]))) == 1)
        // ...but fold 1 is predicted only by fold 0's mapping, and that is wrong for every answer.
        let heldOut = CrossValidation(foldOf: foldOf).heldOutMarks(percents: percents, marks: marks)
        #expect(Array(heldOut[4..<8]) == inSample.marks(for: Array(percents[4..<8])))
        #expect(Array(heldOut[4..<8]) == [0, 0, 3, 3])
        let kappa = Statistics.quadraticWeightedKappa(marks, heldOut)!
        #expect(kappa < 0)
    }

    @Test("Each held-out mark comes from the mapping fitted on the other folds")
    func heldOutUsesOtherFolds() {
        let percents: [Double] = [5, 15, 25, 35, 45, 55, 65, 75, 85, 95, 50, 60]
        let marks = [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 1, 2]
        let validation = CrossValidation(count: percents.count, folds: 3)
        let heldOut = validation.heldOutMarks(percents: percents, marks: marks)
        for fold in 0..<3 {
            let training = percents.indices.filter { validation.foldOf[$0] != fold }
            let mapping = ThresholdMapping.fit(
                percents: training.map { percents[$0] }, marks: training.map { marks[$0] })
            for i in percents.indices where validation.foldOf[i] == fold {
                #expect(heldOut[i] == mapping.mark(for: percents[i]))
            }
        }
    }

    @Test("Folds are near-equal, reproducible, and never more than the answers")
    func foldAssignment() {
        let a = CrossValidation(count: 23, folds: 5)
        let sizes = (0..<5).map { f in a.foldOf.filter { $0 == f }.count }
        #expect(sizes.max()! - sizes.min()! <= 1)
        #expect(CrossValidation(count: 23, folds: 5).foldOf == a.foldOf)
        #expect(a.foldOf != Array((0..<23).map { $0 % 5 }), "the order is shuffled, not by position")
        #expect(CrossValidation(count: 3, folds: 5).folds == 3)
        #expect(!CrossValidation(count: 3, folds: 1).isHonest)
    }

    @Test("Calibration reports agreement before and after, and the largest disagreements first")
    func calibrationResult() {
        let answers = (0..<40).map { i in
            // draftcheck puts every answer one mark too low, but in the right order.
            let tutor = i % 4
            return MarkedAnswer(
                name: "a\(i)", percent: Double(tutor) * 25 + Double(i % 3), untunedMark: max(0, tutor - 1),
                tutorMark: tutor)
        }
        let result = CalibrationResult(answers: answers, folds: 5)
        #expect(result.untuned.exact! < 0.3)
        #expect(result.crossValidated.exact! == 1, "a shift in the right order is what calibration fixes")
        #expect(result.disagreements.allSatisfy { $0.tutorMark != $0.untunedMark })
        let report = CalibrationReport(result: result, rubricName: "test").text()
        #expect(report.contains("summary: answers=40"))
        #expect(report.contains("5-fold cross-validated"))
    }
}
