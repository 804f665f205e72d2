import Dispatch
import Synchronization

/// Independent pieces of work spread over the cores: each piece's result lands at its own
/// position, so what follows reads them in order, as if they had run one after another.
enum Parallel {
    /// `body(0) ..< body(count)`, run concurrently; list the largest pieces first, so the
    /// cores finish together.
    static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        let results = Mutex<[Int: Result]>([:])
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = body(index)
            results.withLock { $0[index] = result }
        }
        return results.withLock { done in (0..<count).map { done[$0]! } }  // every index ran
    }
}
