/// The calibration report as plain text for a tutor, ending with one `summary:` line of key=value
/// pairs for scripts.
public struct CalibrationReport: Sendable {
    /// The result to report.
    public let result: CalibrationResult
    /// The rubric's title or id.
    public let rubricName: String
    /// How many of the largest disagreements to list.
    public let disagreementsShown: Int

    /// A report on `result` for the rubric named `rubricName`.
    public init(result: CalibrationResult, rubricName: String, disagreementsShown: Int = 10) {
        self.result = result
        self.rubricName = rubricName
        self.disagreementsShown = disagreementsShown
    }

    /// The whole report.
    public func text() -> String {
        var lines: [String] = []
        lines.append("Calibration of \(rubricName) on \(result.count) marked answers")
        lines.append("")
        lines.append("draftcheck untuned against the tutor's marks:")
        lines.append("  " + Self.figures(result.untuned))
        lines.append("")
        lines.append("Confusion matrix (rows: tutor, columns: draftcheck untuned):")
        lines += Self.matrix(result.untuned.confusion).map { "  " + $0 }
        for (id, agreement) in result.perPoint {
            lines.append("")
            lines.append("Marking point \(id) (\(agreement.count) answers):")
            lines.append("  " + Self.figures(agreement))
        }
        lines.append("")
        lines.append(
            "Calibrated (monotone thresholds on draftcheck's percentage), \(result.folds)-fold cross-validated:")
        lines.append("  before: " + Self.figures(result.untuned))
        lines.append("  after:  " + Self.figures(result.crossValidated))
        lines.append("  Each answer's calibrated mark comes from thresholds fitted without its fold.")
        lines.append("Thresholds fitted on all answers:")
        lines.append("  " + Self.describe(result.mapping))
        if let (choice, names) = result.choice {
            lines.append("")
            lines.append(
                "Calibrated with a choice of scoring (marks placed within each level by how far the point is developed),"
            )
            lines.append(
                "the choice and the thresholds \(result.folds)-fold cross-validated together:")
            lines.append("  after:  " + Self.figures(choice.crossValidated))
            let chosenInFolds = zip(names, choice.timesChosen).filter { $0.1 > 0 }.map { "\($0.0) (\($0.1))" }
            lines.append("  chosen in the folds: " + chosenInFolds.joined(separator: ", "))
            lines.append(
                "  chosen on all answers: \(names[choice.chosen]); thresholds " + Self.describe(choice.mapping))
        }
        lines.append(
            "The calibrated rubric uses "
                + (result.choice == nil ? "these thresholds" : "the choice fitted on all answers and its thresholds")
                + "; their agreement on these same answers is not reported.")
        lines.append("")
        lines.append("Largest disagreements (draftcheck untuned vs tutor):")
        if result.disagreements.isEmpty { lines.append("  none") }
        for answer in result.disagreements.prefix(disagreementsShown) {
            lines.append(
                "  \(answer.name): tutor \(answer.tutorMark), draftcheck \(answer.untunedMark) (\(Self.number(answer.percent, 1))%)"
            )
            lines += answer.evidence.map { "    " + $0 }
        }
        lines.append("")
        lines.append(summaryLine())
        return lines.joined(separator: "\n") + "\n"
    }

    /// The machine-readable summary line.
    public func summaryLine() -> String {
        let u = result.untuned
        let c = result.crossValidated
        return "summary: answers=\(result.count) qwk_untuned=\(Self.optional(u.quadraticWeightedKappa, 3))"
            + " exact_untuned=\(Self.optional(u.exact, 3)) adjacent_untuned=\(Self.optional(u.adjacent, 3))"
            + " qwk_cv=\(Self.optional(c.quadraticWeightedKappa, 3)) exact_cv=\(Self.optional(c.exact, 3)) folds=\(result.folds)"
            + (result.choice.map {
                " qwk_cv_choice=\(Self.optional($0.result.crossValidated.quadraticWeightedKappa, 3))"
                    + " exact_cv_choice=\(Self.optional($0.result.crossValidated.exact, 3)) chosen=\($0.result.chosen)"
            } ?? "")
    }

    static func figures(_ a: Agreement) -> String {
        "QWK \(optional(a.quadraticWeightedKappa, 3))  exact \(percent(a.exact))  adjacent \(percent(a.adjacent))"
            + "  Pearson \(optional(a.pearson, 3))  Spearman \(optional(a.spearman, 3))"
    }

    static func matrix(_ m: ConfusionMatrix) -> [String] {
        guard !m.scale.isEmpty else { return ["(no answers)"] }
        let width = max(5, (m.counts.flatMap { $0 }.map { String($0).count }.max() ?? 1) + 2)
        func pad(_ s: String) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        var rows = [pad("") + m.scale.map { pad(String($0)) }.joined()]
        for (i, mark) in m.scale.enumerated() {
            rows.append(pad(String(mark)) + m.counts[i].map { pad(String($0)) }.joined())
        }
        return rows
    }

    static func describe(_ mapping: ThresholdMapping) -> String {
        var parts = ["\(mapping.lowest) below the first threshold"]
        for (k, t) in mapping.thresholds.enumerated() {
            let mark = mapping.lowest + k + 1
            if t == .infinity {
                parts.append("\(mark) never")
            } else if t == -.infinity {
                parts.append("\(mark) always")
            } else {
                parts.append("\(mark) from \(number(t, 2))%")
            }
        }
        return parts.joined(separator: "; ")
    }

    static func optional(_ value: Double?, _ places: Int) -> String {
        value.map { number($0, places) } ?? "n/a"
    }

    static func percent(_ share: Double?) -> String {
        share.map { number($0 * 100, 1) + "%" } ?? "n/a"
    }

    /// A fixed-point number without Foundation's locale-dependent formatting.
    public static func number(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard places > 0 else { return sign + String(whole) }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
    }
}
