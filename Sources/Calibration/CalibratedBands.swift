/// A band of a calibrated rubric: the tutor's mark as its label, from a percentage of draftcheck's
/// marks.
public struct CalibratedBand: Sendable, Equatable {
    /// The tutor's mark, as the band label.
    public var label: String
    /// The percentage of the rubric's marks from which the band is reached (0...100).
    public var minPercent: Double

    /// A band.
    public init(label: String, minPercent: Double) {
        self.label = label
        self.minPercent = minPercent
    }
}

extension ThresholdMapping {
    /// The mapping as rubric bands, lowest first, with strictly rising thresholds: the lowest mark
    /// from 0%, each higher mark from its threshold; marks the mapping never gives (an empty step or
    /// a threshold above 100%) have no band. A percentage then falls in the band of the mark the
    /// mapping gives it.
    public func bands() -> [CalibratedBand] {
        var result = [CalibratedBand(label: String(lowest), minPercent: 0)]
        for (k, threshold) in thresholds.enumerated() where threshold <= 100 {
            let start = max(0, threshold)
            let band = CalibratedBand(label: String(lowest + k + 1), minPercent: start)
            if let last = result.last, last.minPercent >= start {
                result[result.count - 1] = band
            } else {
                result.append(band)
            }
        }
        return result
    }
}
