import Synchronization

/// The items of a reference's and a mirror's list paired by key, kept per list: the variances
/// over one collection (`services[*].replicas`, `services[*].regions`, ...) pair its items
/// once, not once each. One instance serves one pair of trees.
/// Threads may share one: a pair's variances are judged on every core.
final class ItemPairs: Sendable {
    typealias Pairs = [(path: ModelPath, reference: Value?, mirror: Value?)]
    private let paired = Mutex<[ModelPath: Pairs]>([:])

    /// The pairs of the lists at `path`, made by `make` the first time they are asked for
    /// (outside the lock: two threads asking at once both make them, and keep the same).
    func pairs(at path: ModelPath, make: () -> Pairs) -> Pairs {
        if let known = paired.withLock({ $0[path] }) { return known }
        let made = make()
        paired.withLock { $0[path] = made }
        return made
    }
}
