/// The items of a reference's and a mirror's list paired by key, kept per list: the variances
/// over one collection (`services[*].replicas`, `services[*].regions`, ...) pair its items
/// once, not once each. One instance serves one pair of trees.
final class ItemPairs {
    typealias Pairs = [(path: ModelPath, reference: Value?, mirror: Value?)]
    private var paired: [ModelPath: Pairs] = [:]

    /// The pairs of the lists at `path`, made by `make` the first time they are asked for.
    func pairs(at path: ModelPath, make: () -> Pairs) -> Pairs {
        if let known = paired[path] { return known }
        let made = make()
        paired[path] = made
        return made
    }
}
