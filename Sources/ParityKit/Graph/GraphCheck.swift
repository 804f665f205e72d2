public import ParityDiagnostics

/// The dependency graph of every environment a run checked, with its cycles judged as the
/// spec's gate says (`cycles: warn | fail | ignore`).
public struct GraphCheck: Sendable {
    /// Each environment's graph, by name, when drawn.
    public var graphs: [String: DependencyGraph] = [:]
    /// Cycle and self-dependency warnings, environment by environment.
    public var diagnostics: [Diagnostic] = []
    /// How many cycles each environment has, in the order given; none when cycles are ignored.
    public var cycles: [(environment: String, count: Int)] = []

    /// The cycles of each environment, and its whole graph only when `drawing` (the HTML
    /// report draws them): a check finds cycles from the edges alone, unsorted.
    public init(environments: [(name: String, value: Value)], policy: ParitySpec.CyclePolicy, drawing: Bool = true) {
        let builder = GraphBuilder()
        for environment in environments {
            let edges: [DependencyGraph.Edge]
            if drawing {
                let graph = builder.graph(name: environment.name, root: environment.value)
                graphs[environment.name] = graph
                edges = graph.edges
            } else {
                edges = builder.cycleEdges(of: environment.value)
            }
            let found = policy == .ignore ? [] : CycleFinder.cycles(of: edges)
            diagnostics += CycleFinder.diagnostics(
                environment: environment.name, edges: edges, cycles: found, policy: policy)
            cycles.append((environment.name, found.count))
        }
    }

    /// Whether the gate fails on what was found: a cycle while it says `cycles: fail`.
    public func fails(_ policy: ParitySpec.CyclePolicy) -> Bool {
        policy == .fail && cycles.contains { $0.count > 0 }
    }
}
