public import ParityDiagnostics

/// Finds the cycles of a dependency graph: one per strongly connected component of two or
/// more nodes, each reported as a path that starts and ends at the component's first node.
/// An item naming itself is not a cycle (Graphviz's `acyclic` agrees) but is reported too.
public enum CycleFinder {
    /// Each cycle as its edges in order, the first edge leaving the smallest node; sorted.
    public static func cycles(in graph: DependencyGraph) -> [[DependencyGraph.Edge]] {
        cycles(of: graph.edges)
    }

    /// The cycles of `edges`, in any order and with repeats. The nodes are numbered once and
    /// Kahn's algorithm peels off every node no cycle reaches; only what is left (nothing, in
    /// an acyclic environment) is searched for components, and only a cycle's edges sorted.
    static func cycles(of edges: [DependencyGraph.Edge]) -> [[DependencyGraph.Edge]] {
        let graph = NumberedGraph(edges.filter { $0.from != $0.to })
        var cycles: [[DependencyGraph.Edge]] = []
        for component in graph.components(among: graph.unpeeled()) where component.count > 1 {
            let members = Set(component.map { graph.keys[$0] })
            guard let start = members.min() else { continue }
            // Sorted edges within the component: the same graph always gives the same path.
            var outgoing: [DependencyGraph.NodeKey: [DependencyGraph.Edge]] = [:]
            for node in component {
                var seen = Set<DependencyGraph.EdgeIdentity>()
                outgoing[graph.keys[node]] = graph.edges(from: node).filter { seen.insert($0.identity).inserted }
                    .sorted()
            }
            if let path = shortestReturn(to: start, within: members, outgoing: outgoing) { cycles.append(path) }
        }
        return cycles.sorted { $0.map(\.identity).lexicographicallyPrecedes($1.map(\.identity)) }
    }

    /// One warning per cycle, at the place the cycle's first edge is written (none when the
    /// gate ignores cycles), and one per item that names itself.
    public static func diagnostics(
        for graph: DependencyGraph, policy: ParitySpec.CyclePolicy = .warn
    ) -> [Diagnostic] {
        diagnostics(for: graph, cycles: policy == .ignore ? [] : cycles(in: graph), policy: policy)
    }

    /// The warnings of `cycles`, found in `graph` already.
    static func diagnostics(
        for graph: DependencyGraph, cycles: [[DependencyGraph.Edge]], policy: ParitySpec.CyclePolicy
    ) -> [Diagnostic] {
        diagnostics(environment: graph.name, edges: graph.edges, cycles: cycles, policy: policy)
    }

    /// The warnings of the environment `environment`, whose edges (in any order) are `edges`.
    static func diagnostics(
        environment: String, edges: [DependencyGraph.Edge], cycles: [[DependencyGraph.Edge]],
        policy: ParitySpec.CyclePolicy
    ) -> [Diagnostic] {
        var seen = Set<DependencyGraph.EdgeIdentity>()
        let selfLoops = edges.filter { $0.from == $0.to && seen.insert($0.identity).inserted }.sorted().map { edge in
            Diagnostic.warning(
                .graphSelfDependency,
                "'\(edge.from.name)' names itself in '\(edge.field)' in \(environment); remove the name",
                at: edge.location)
        }
        let consequence = policy == .fail ? "; the gate fails on cycles (cycles: fail in parity.yaml)" : ""
        return selfLoops
            + cycles.map { cycle in
                let names = ([cycle[0].from] + cycle.map(\.to)).map(\.name).joined(separator: " -> ")
                var diagnostic = Diagnostic.warning(
                    .graphCycle,
                    "dependency cycle in \(environment): \(names); break it, or no order can start these one at a time"
                        + consequence,
                    at: cycle[0].location)
                for edge in cycle.dropFirst() {
                    diagnostic.notes.append(
                        Diagnostic.Note("\(edge.from.name) -> \(edge.to.name) (\(edge.field))", at: edge.location))
                }
                return diagnostic
            }
    }

    /// The shortest walk from `start` back to itself inside one component, breadth first
    /// over sorted edges so the same graph always gives the same path.
    private static func shortestReturn(
        to start: DependencyGraph.NodeKey, within members: Set<DependencyGraph.NodeKey>,
        outgoing: [DependencyGraph.NodeKey: [DependencyGraph.Edge]]
    ) -> [DependencyGraph.Edge]? {
        var reachedBy: [DependencyGraph.NodeKey: DependencyGraph.Edge] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in outgoing[node] ?? [] where members.contains(edge.to) && edge.from != edge.to {
                if edge.to == start {
                    var path = [edge]
                    var at = node
                    while at != start, let previous = reachedBy[at] {
                        path.append(previous)
                        at = previous.from
                    }
                    return path.reversed()
                }
                guard reachedBy[edge.to] == nil, edge.to != start else { continue }
                reachedBy[edge.to] = edge
                queue.append(edge.to)
            }
        }
        return nil
    }
}

/// Edges over numbered nodes, in compressed rows: what the cycle search walks, with no
/// string hashed after the numbering.
private struct NumberedGraph {
    var keys: [DependencyGraph.NodeKey] = []
    /// Row `node` is `targets[offsets[node]..<offsets[node + 1]]`, with `kept` the edges.
    var offsets: [Int] = []
    var targets: [Int] = []
    var kept: [DependencyGraph.Edge] = []

    init(_ edges: [DependencyGraph.Edge]) {
        var ids: [DependencyGraph.NodeKey: Int] = [:]
        ids.reserveCapacity(edges.count)
        func id(_ key: DependencyGraph.NodeKey) -> Int {
            if let known = ids[key] { return known }
            ids[key] = keys.count
            keys.append(key)
            return keys.count - 1
        }
        let ends = edges.map { (id($0.from), id($0.to)) }
        offsets = Array(repeating: 0, count: keys.count + 1)
        for (from, _) in ends { offsets[from + 1] += 1 }
        for node in keys.indices { offsets[node + 1] += offsets[node] }
        var next = offsets
        targets = Array(repeating: 0, count: ends.count)
        var order = Array(repeating: 0, count: ends.count)
        for (index, (from, to)) in ends.enumerated() {
            targets[next[from]] = to
            order[next[from]] = index
            next[from] += 1
        }
        kept = order.map { edges[$0] }
    }

    func edges(from node: Int) -> ArraySlice<DependencyGraph.Edge> { kept[offsets[node]..<offsets[node + 1]] }

    /// The nodes Kahn's algorithm cannot remove: on a cycle, or reached from one.
    func unpeeled() -> [Int] {
        var incoming = Array(repeating: 0, count: keys.count)
        for target in targets { incoming[target] += 1 }
        var queue = keys.indices.filter { incoming[$0] == 0 }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for target in targets[offsets[node]..<offsets[node + 1]] {
                incoming[target] -= 1
                if incoming[target] == 0 { queue.append(target) }
            }
        }
        return queue.count == keys.count ? [] : keys.indices.filter { incoming[$0] > 0 }
    }

    /// Tarjan's strongly connected components of the nodes `among`, iterative so a long chain
    /// cannot exhaust the stack.
    func components(among nodes: [Int]) -> [[Int]] {
        guard !nodes.isEmpty else { return [] }
        var inside = Array(repeating: false, count: keys.count)
        for node in nodes { inside[node] = true }
        var index = Array(repeating: -1, count: keys.count), low = Array(repeating: 0, count: keys.count)
        var onStack = Array(repeating: false, count: keys.count)
        var stack: [Int] = []
        var result: [[Int]] = []
        var counter = 0
        for root in nodes where index[root] < 0 {
            // Each frame: a node and the next of its edges to follow.
            var frames: [(node: Int, next: Int)] = [(root, offsets[root])]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let frame = frames.last {
                if frame.next < offsets[frame.node + 1] {
                    frames[frames.count - 1].next += 1
                    let target = targets[frame.next]
                    guard inside[target] else { continue }
                    if index[target] < 0 {
                        index[target] = counter; low[target] = counter; counter += 1
                        stack.append(target); onStack[target] = true
                        frames.append((target, offsets[target]))
                    } else if onStack[target] {
                        low[frame.node] = min(low[frame.node], index[target])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.node] = min(low[parent.node], low[frame.node]) }
                if low[frame.node] == index[frame.node] {
                    var component: [Int] = []
                    while let top = stack.popLast() {
                        onStack[top] = false
                        component.append(top)
                        if top == frame.node { break }
                    }
                    result.append(component)
                }
            }
        }
        return result
    }
}

extension Diagnostic.Code {
    /// A cycle in the dependency graph.
    public static let graphCycle: Self = "graph.cycle"
    /// An item that names itself (a service depending on itself).
    public static let graphSelfDependency: Self = "graph.self-dependency"
}
