import Foundation

/// Independent pieces of work spread over the cores: each piece's result lands at its own
/// position, so what follows reads them in order, as if they had run one after another.
///
/// Pieces may themselves spread work (a pair's diff its sections, while rules run beside
/// it): every thread that is free takes a piece of the newest work first, and a thread
/// waiting for its own pieces to finish takes pieces of any other meanwhile. (Dispatch's
/// `concurrentPerform` runs a nested call on one thread, which left a core idle through the
/// long tail of a large pair.)
enum Parallel {
    /// `body(0) ..< body(count)`, run concurrently; list the largest pieces first, so the
    /// cores finish together.
    static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1, let pool = Pool.shared else { return (0..<count).map(body) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let slots = Slots(results)
        withoutActuallyEscaping(body) { body in
            // Every piece has run when `perform` returns: the closure does not outlive this call.
            pool.perform(Job(count: count) { index in slots.store(body(index), at: index) })
        }
        return (0..<count).map { results.moveElement(from: $0)! }  // every index ran
    }

    /// `body` over `0..<count` cut into runs of `size` (the last one short), each run a piece:
    /// for work of many small items, where a piece per item would cost more than the item.
    static func map<Result: Sendable>(
        runsOf size: Int, in count: Int, _ body: @Sendable (Range<Int>) -> Result
    ) -> [Result] {
        map((count + size - 1) / size) { run in body(run * size..<min(count, (run + 1) * size)) }
    }

    /// Where each piece puts its result: distinct pieces write distinct slots, and the pool's
    /// lock orders every write before the caller reads.
    private struct Slots<Result>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result?>

        init(_ buffer: UnsafeMutableBufferPointer<Result?>) {
            self.buffer = buffer
        }

        func store(_ result: Result, at index: Int) {
            buffer[index] = result
        }
    }

    /// One call's pieces: the next one to hand out and how many have finished, under the pool's lock.
    private final class Job: @unchecked Sendable {
        let count: Int
        let run: @Sendable (Int) -> Void
        var next = 0
        var finished = 0

        init(count: Int, run: @escaping @Sendable (Int) -> Void) {
            self.count = count
            self.run = run
        }
    }

    /// One thread per core beside the caller's, each taking pieces of the newest job that has
    /// some left.
    private final class Pool: @unchecked Sendable {
        /// None on one core: the pieces then run in turn on the caller's thread.
        static let shared: Pool? = {
            let workers = ProcessInfo.processInfo.activeProcessorCount - 1
            return workers > 0 ? Pool(workers: workers) : nil
        }()

        private let condition = NSCondition()
        /// The jobs with pieces not yet handed out, oldest first.
        private var open: [Job] = []

        private init(workers: Int) {
            for number in 1...workers {
                let thread = Thread { [unowned self] in self.work() }
                thread.name = "parity-worker-\(number)"
                // As deep as the main thread's: a piece may walk a deeply nested document.
                thread.stackSize = 8 << 20
                thread.start()
            }
        }

        /// Runs every piece of `job`, on this thread and any that are free, and returns once all have finished.
        func perform(_ job: Job) {
            condition.lock()
            open.append(job)
            condition.broadcast()
            while job.finished < job.count {
                // This job's own pieces first, then any other's, while others finish its last ones.
                if let index = claim(job) {
                    run(job, index)
                } else if let (other, index) = claimNewest() {
                    run(other, index)
                } else {
                    condition.wait()
                }
            }
            condition.unlock()
        }

        private func work() {
            condition.lock()
            while true {
                if let (job, index) = claimNewest() {
                    run(job, index)
                } else {
                    condition.wait()
                }
            }
        }

        /// Runs one piece outside the lock (held on entry and on return).
        private func run(_ job: Job, _ index: Int) {
            condition.unlock()
            job.run(index)
            condition.lock()
            job.finished += 1
            if job.finished == job.count { condition.broadcast() }
        }

        private func claim(_ job: Job) -> Int? {
            guard job.next < job.count else { return nil }
            let index = job.next
            job.next += 1
            if job.next == job.count, let position = open.lastIndex(where: { $0 === job }) {
                open.remove(at: position)
            }
            return index
        }

        private func claimNewest() -> (Job, Int)? {
            guard let job = open.last, let index = claim(job) else { return nil }
            return (job, index)
        }
    }
}

/// What a run is done with, freed on another core while the run goes on: letting go of the
/// models of a large repository (millions of values) takes tenths of a second that the
/// report need not wait for.
///
/// The run keeps each large value here as well as where it uses it, and hands the whole over
/// (`freeInBackground`) once its own references are going; the background thread waits until
/// it holds the last one, so the freeing is never the caller's.
final class Leftovers: @unchecked Sendable {
    private var values: [Any] = []

    init() {}

    func keep(_ value: Any) {
        values.append(value)
    }

    private static let queue = DispatchQueue(label: "parity.leftovers", qos: .utility)

    /// Frees what `leftovers` keeps on another thread, once the caller's references to it
    /// (and to what it keeps) are gone.
    static func freeInBackground(_ leftovers: consuming Leftovers) {
        let retained = Unmanaged.passRetained(leftovers)
        queue.async {
            var held = retained.takeRetainedValue()
            while !isKnownUniquelyReferenced(&held) { usleep(100) }
            held.values = []
        }
    }
}
