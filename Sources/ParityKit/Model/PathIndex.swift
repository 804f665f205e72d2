/// The positions of many concrete paths under each of their prefixes, so a pattern finds the
/// paths it matches as a descendant (a waiver's gaps, a rule waiver's findings) from its
/// concrete head instead of testing every path: matching W patterns against P paths costs
/// what they match, not W x P.
struct PathIndex {
    private var under: [ModelPath: [Int]] = [:]
    private let paths: [ModelPath]

    init(_ paths: [ModelPath]) {
        self.paths = paths
        for (position, path) in paths.enumerated() {
            var prefix = ModelPath()
            prefix.components.reserveCapacity(path.components.count)
            for component in path.components {
                prefix.components.append(component)
                under[prefix, default: []].append(position)
            }
        }
    }

    /// The positions, in order, of the paths at `path` or below it (no wildcards).
    func positions(under path: ModelPath) -> [Int] { under[path] ?? [] }

    /// The positions, in order, of the paths `pattern` matches exactly or as a descendant.
    func positions(matching pattern: ModelPath) -> [Int] {
        let head = pattern.components.prefix { component in
            switch component {
            case .anyItem, .anyField: false
            default: true
            }
        }
        let candidates = head.isEmpty ? Array(paths.indices) : under[ModelPath(Array(head))] ?? []
        if head.count == pattern.components.count { return candidates }  // no wildcard: every path under it
        return candidates.filter { paths[$0].matches(pattern, prefix: true) }
    }
}
