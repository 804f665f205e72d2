/// The positions of many concrete paths under each of their prefixes, so a pattern finds the
/// paths it matches as a descendant (a waiver's gaps, a rule waiver's findings) from its
/// concrete head instead of testing every path: matching W patterns against P paths costs
/// what they match, not W x P. A trie of path steps: adding a path walks its steps, with
/// no prefix built or hashed whole.
struct PathIndex {
    /// Each step the paths take, as a number. A node's child is found by the node and the
    /// step's number in one word: the whole trie shares one table (a table per node cost an
    /// allocation, and growing it, for each of the hundreds of thousands of nodes), and keyed
    /// by a node and a whole step it was three times the size, the largest thing a drifted
    /// pair held while its variances were judged.
    private var steps: [ModelPath.Component: UInt32] = [:]
    private var children: [UInt64: Int32] = [:]

    private static func edge(_ node: Int, _ step: UInt32) -> UInt64 { UInt64(node) << 32 | UInt64(step) }

    /// The child of `node` by `component`, if a path took that step there.
    private func child(of node: Int, _ component: ModelPath.Component) -> Int? {
        guard let step = steps[component], let child = children[Self.edge(node, step)] else { return nil }
        return Int(child)
    }

    /// The positions of the paths at a node or below it, in order. Paths come in tree order
    /// nearly always (a diff's gaps do), so a node's positions are one run of consecutive
    /// numbers, kept as its two ends: a list for each of a drifted pair's hundreds of
    /// thousands of nodes cost an allocation each, and most of the index's memory.
    struct Positions: RandomAccessCollection, Sendable {
        private enum Storage {
            /// `lower..<upper`, in 32-bit halves: a node's positions take half the room.
            case run(lower: UInt32, upper: UInt32)
            case list([Int])
        }

        private var storage = Storage.run(lower: 0, upper: 0)

        init() {}

        var startIndex: Int { 0 }
        var endIndex: Int {
            switch storage {
            case .run(let lower, let upper): Int(upper - lower)
            case .list(let list): list.count
            }
        }

        subscript(offset: Int) -> Int {
            switch storage {
            case .run(let lower, _): Int(lower) + offset
            case .list(let list): list[offset]
            }
        }

        /// Adds `position`, which is above every position held.
        mutating func append(_ position: Int) {
            switch storage {
            case .run(let lower, let upper) where lower == upper:
                storage = .run(lower: UInt32(position), upper: UInt32(position + 1))
            case .run(let lower, let upper) where Int(upper) == position:
                storage = .run(lower: lower, upper: UInt32(position + 1))
            case .run(let lower, let upper): storage = .list(Array(Int(lower)..<Int(upper)) + [position])
            case .list(var list):
                storage = .run(lower: 0, upper: 0)  // the list's only reference, so the append does not copy it
                list.append(position)
                storage = .list(list)
            }
        }
    }

    /// Per node, the paths at it or below it.
    private var positions = [Positions()]
    /// Per node, whether a path ends there.
    private var ends = [false]
    private var paths: [ModelPath] = []
    /// The nodes the last path added went through, root first: paths come mostly in tree
    /// order, so the next one shares a prefix with it, and its steps there need no look-up.
    private var lastNodes = [0]

    init(_ paths: [ModelPath]) {
        self.paths.reserveCapacity(paths.count)
        // At most one new node per step a path does not share with the one before it: the
        // table sized once (a drifted pair's 120,000 gap paths made 1.6 nodes each, and growing
        // the table rehashed every edge in it).
        // Each path's steps shared with the one before, counted once for the sizing and the adding.
        let shared = paths.indices.map { $0 == 0 ? 0 : Self.sharedSteps(paths[$0 - 1], paths[$0]) }
        let nodes = zip(paths, shared).reduce(0) { $0 + $1.0.components.count - $1.1 }
        children.reserveCapacity(nodes)
        positions.reserveCapacity(nodes + 1)
        ends.reserveCapacity(nodes + 1)
        for (path, shared) in zip(paths, shared) { append(path, sharing: shared) }
    }

    /// How many paths are indexed.
    var count: Int { paths.count }

    /// Adds `path` as the next position.
    mutating func append(_ path: ModelPath) {
        append(path, sharing: paths.last.map { Self.sharedSteps($0, path) } ?? 0)
    }

    /// Adds `path`, whose first `shared` steps are the last path's.
    private mutating func append(_ path: ModelPath, sharing shared: Int) {
        let position = paths.count
        paths.append(path)
        lastNodes.removeSubrange((shared + 1)...)
        var node = lastNodes[shared]
        for (depth, component) in path.components.enumerated() {
            if depth < shared {
                positions[lastNodes[depth + 1]].append(position)
                continue
            }
            let step = steps[component] ?? add(component)
            let edge = Self.edge(node, step)
            if let next = children[edge] {
                node = Int(next)
            } else {
                node = positions.count
                children[edge] = Int32(node)
                positions.append(Positions())
                ends.append(false)
            }
            positions[node].append(position)
            lastNodes.append(node)
        }
        ends[node] = true
    }

    /// Numbers `component` as the next step.
    private mutating func add(_ component: ModelPath.Component) -> UInt32 {
        let step = UInt32(steps.count)
        steps[component] = step
        return step
    }

    /// How many leading steps `a` and `b` share.
    private static func sharedSteps(_ a: ModelPath, _ b: ModelPath) -> Int {
        var count = 0
        for (x, y) in zip(a.components, b.components) {
            guard x == y else { break }
            count += 1
        }
        return count
    }

    /// Whether an indexed path is a proper prefix of `path` (an ancestor of it, the root excepted).
    func containsAncestor(of path: ModelPath) -> Bool {
        var node = 0
        for component in path.components.dropLast() {
            guard let next = child(of: node, component) else { return false }
            node = next
            if ends[node] { return true }
        }
        return false
    }

    /// The positions, in order, of the paths at `path` or below it (no wildcards).
    func positions(under path: ModelPath) -> Positions {
        positions(under: path.components[...]) ?? Positions()
    }

    private func positions(under components: ArraySlice<ModelPath.Component>) -> Positions? {
        var node = 0
        for component in components {
            guard let next = child(of: node, component) else { return nil }
            node = next
        }
        return node == 0 ? nil : positions[node]
    }

    /// The positions, in order, of the paths `pattern` matches exactly or as a descendant.
    func positions(matching pattern: ModelPath) -> [Int] {
        let head = pattern.components.prefix { component in
            switch component {
            case .anyItem, .anyField: false
            default: true
            }
        }
        guard !head.isEmpty else { return paths.indices.filter { paths[$0].matches(pattern, prefix: true) } }
        let candidates = positions(under: head) ?? Positions()
        if head.count == pattern.components.count { return Array(candidates) }  // no wildcard: every path under it
        return candidates.filter { paths[$0].matches(pattern, prefix: true) }
    }
}
