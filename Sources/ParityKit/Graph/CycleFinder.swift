public import ParityDiagnostics

/// Finds the cycles of a dependency graph: one per strongly connected component of two or
/// more nodes, each reported as a path that starts and ends at the component's first node.
/// An item naming itself is not a cycle (Graphviz's `acyclic` agrees) but is reported too.
public enum CycleFinder {
    /// Each cycle as its edges in order, the first edge leaving the smallest node; sorted.
    public static func cycles(in graph: DependencyGraph) -> [[DependencyGraph.Edge]] {
        cycles(of: graph.edges)
    }

    /// The cycles of `edges`, in any order and with repeats: only the nodes of a cycle are
    /// ever sorted, so a check of a large acyclic environment costs one pass over its edges.
    static func cycles(of edges: [DependencyGraph.Edge]) -> [[DependencyGraph.Edge]] {
        var outgoing: [DependencyGraph.NodeKey: [DependencyGraph.Edge]] = [:]
        for edge in edges where edge.from != edge.to { outgoing[edge.from, default: []].append(edge) }
        var cycles: [[DependencyGraph.Edge]] = []
        for component in Tarjan(outgoing: outgoing).components() where component.count > 1 {
            let members = Set(component)
            guard let start = component.min() else { continue }
            // Sorted edges within the component: the same graph always gives the same path.
            var sorted: [DependencyGraph.NodeKey: [DependencyGraph.Edge]] = [:]
            for member in component {
                var seen = Set<DependencyGraph.EdgeIdentity>()
                sorted[member] = (outgoing[member] ?? []).filter { seen.insert($0.identity).inserted }.sorted()
            }
            if let path = shortestReturn(to: start, within: members, outgoing: sorted) { cycles.append(path) }
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

/// Tarjan's strongly connected components, iterative so a long chain cannot exhaust the stack.
private struct Tarjan {
    let outgoing: [DependencyGraph.NodeKey: [DependencyGraph.Edge]]

    func components() -> [[DependencyGraph.NodeKey]] {
        var index: [DependencyGraph.NodeKey: Int] = [:]
        var low: [DependencyGraph.NodeKey: Int] = [:]
        var onStack = Set<DependencyGraph.NodeKey>()
        var stack: [DependencyGraph.NodeKey] = []
        var result: [[DependencyGraph.NodeKey]] = []
        var counter = 0
        // Only a node with an edge out can be on a cycle.
        for root in outgoing.keys where index[root] == nil {
            // Each frame: a node and how many of its edges have been followed.
            var frames: [(node: DependencyGraph.NodeKey, next: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack.insert(root)
            while let frame = frames.last {
                let edges = outgoing[frame.node] ?? []
                if frame.next < edges.count {
                    frames[frames.count - 1].next += 1
                    let target = edges[frame.next].to
                    if index[target] == nil {
                        index[target] = counter; low[target] = counter; counter += 1
                        stack.append(target); onStack.insert(target)
                        frames.append((target, 0))
                    } else if onStack.contains(target) {
                        low[frame.node] = min(low[frame.node] ?? 0, index[target] ?? 0)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    low[parent.node] = min(low[parent.node] ?? 0, low[frame.node] ?? 0)
                }
                if low[frame.node] == index[frame.node] {
                    var component: [DependencyGraph.NodeKey] = []
                    while let top = stack.popLast() {
                        onStack.remove(top)
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
