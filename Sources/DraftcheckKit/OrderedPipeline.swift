import Foundation

/// Runs `work` for indices 0..<count on `jobs` worker threads and hands each result to `consume` on
/// the calling thread in index order. At most `window` results are in progress or waiting at once,
/// so memory stays bounded however many items there are.
final class OrderedPipeline<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var nextToStart = 0
    private var nextToConsume = 0
    private var ready: [Int: Result] = [:]

    /// Runs the pipeline; returns when every result has been consumed.
    static func run(
        count: Int, jobs: Int, window: Int, work: @escaping @Sendable (Int) -> Result, consume: (Int, Result) -> Void
    ) {
        let pipeline = OrderedPipeline<Result>()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            DispatchQueue.global().async(group: group) { pipeline.workLoop(count: count, window: window, work: work) }
        }
        pipeline.consumeLoop(count: count, consume: consume)
        group.wait()
    }

    private func workLoop(count: Int, window: Int, work: (Int) -> Result) {
        while true {
            condition.lock()
            while nextToStart < count && nextToStart - nextToConsume >= window { condition.wait() }
            guard nextToStart < count else {
                condition.unlock()
                return
            }
            let i = nextToStart
            nextToStart += 1
            condition.unlock()
            let r = work(i)
            condition.lock()
            ready[i] = r
            condition.broadcast()
            condition.unlock()
        }
    }

    private func consumeLoop(count: Int, consume: (Int, Result) -> Void) {
        while true {
            condition.lock()
            guard nextToConsume < count else {
                condition.unlock()
                return
            }
            while ready[nextToConsume] == nil { condition.wait() }
            let i = nextToConsume
            let r = ready.removeValue(forKey: i)!
            condition.unlock()
            consume(i, r)
            condition.lock()
            nextToConsume += 1
            condition.broadcast()
            condition.unlock()
        }
    }
}
