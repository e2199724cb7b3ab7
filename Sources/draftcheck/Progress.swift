import DraftcheckKit
import Foundation

/// Progress on standard error: a bar redrawn in place on a terminal (done/total, rate, time left),
/// plain lines otherwise (about one per 10%, or one per file when there are few), nothing when quiet.
final class Progress: BatchRunEvents {
    enum Style { case bar, lines, none }

    private var total = 0
    private let style: Style
    private let started = Date()
    private var done = 0
    private var lastDraw = Date.distantPast
    private var lastLineStep = -1

    init(quiet: Bool) {
        style = quiet ? .none : (Output.stderrIsTerminal ? .bar : .lines)
    }

    func message(_ text: String) {
        Output.err(text)
    }

    func started(total: Int) {
        self.total = total
    }

    /// Records `n` more files done.
    func advanced(by n: Int, label: String) {
        done += n
        switch style {
        case .none: return
        case .bar:
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
            lastDraw = now
            FileHandle.standardError.write(Data(("\r" + bar() + "\u{1B}[K").utf8))
        case .lines:
            let step = total <= 20 ? done : done * 10 / max(total, 1)
            guard step != lastLineStep else { return }
            lastLineStep = step
            let what = total <= 20 ? ": \(label)" : ""
            Output.err("draftcheck: checked \(done)/\(total) files\(what)")
        }
    }

    /// Ends the bar's line.
    func finished() {
        if style == .bar { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func bar() -> String {
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Int((Double(total - done) / rate).rounded()) : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return
            "\(bar) \(done)/\(total)  \(String(format: "%.1f", rate)) files/s  \(left / 60):\(String(format: "%02d", left % 60)) left"
    }
}
