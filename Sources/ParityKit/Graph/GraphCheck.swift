public import ParityDiagnostics

/// The dependency graph of every environment a run checked, with its cycles judged as the
/// spec's gate says (`cycles: warn | fail | ignore`).
public struct GraphCheck: Sendable {
    /// Each environment's graph, by name.
    public var graphs: [String: DependencyGraph] = [:]
    /// Cycle and self-dependency warnings, environment by environment.
    public var diagnostics: [Diagnostic] = []
    /// How many cycles each environment has, in the order given; none when cycles are ignored.
    public var cycles: [(environment: String, count: Int)] = []

    public init(environments: [(name: String, value: Value)], policy: ParitySpec.CyclePolicy) {
        let builder = GraphBuilder()
        for environment in environments {
            let graph = builder.graph(name: environment.name, root: environment.value)
            let found = policy == .ignore ? [] : CycleFinder.cycles(in: graph)
            diagnostics += CycleFinder.diagnostics(for: graph, cycles: found, policy: policy)
            cycles.append((environment.name, found.count))
            graphs[environment.name] = graph
        }
    }

    /// Whether the gate fails on what was found: a cycle while it says `cycles: fail`.
    public func fails(_ policy: ParitySpec.CyclePolicy) -> Bool {
        policy == .fail && cycles.contains { $0.count > 0 }
    }
}
