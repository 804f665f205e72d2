public import ParityDiagnostics

/// `parity graph ENV` or `parity graph --pair REF:MIRROR`: the dependency graph of one
/// environment, or of a pair with the reference's edges the mirror lacks. Cycles are warnings,
/// or fail the run when the spec's gate says `cycles: fail`.
public struct GraphRun {
    public let sources: SourceStore

    public init(sources: SourceStore) {
        self.sources = sources.maskingSecrets()
    }

    public struct Options: Sendable {
        /// What to draw: an environment (name or file), or a pair of them.
        public var subject: Subject
        public var root = "."
        public var config: String?

        public enum Subject: Sendable {
            case environment(String)
            case pair(reference: String, mirror: String)
        }

        public init(subject: Subject) {
            self.subject = subject
        }
    }

    /// One graph, or a pair's.
    public enum Report: Sendable {
        case environment(DependencyGraph)
        case pair(PairGraph)
    }

    /// The graph; failing when a pair's mirror lacks an edge of the reference, or on a cycle
    /// the gate fails on.
    public func run(_ options: Options) -> Outcome<Report> {
        var (layout, diagnostics) = RepositoryLayout.load(root: options.root, config: options.config, sources: sources)
        let workspace = Workspace(
            root: layout.root, sources: sources, environmentsFolder: layout.spec.environmentsFolder)
        let names: [String] =
            switch options.subject {
            case .environment(let name): [name]
            case .pair(let reference, let mirror): [reference, mirror]
            }
        var environments: [(name: String, value: Value)] = []
        for name in names {
            guard let environment = workspace.resolve(nameOrPath: name) else {
                diagnostics.append(workspace.unknownEnvironment(name))
                continue
            }
            diagnostics += environment.diagnostics
            environments.append((environment.name, environment.value))
        }
        let policy = layout.spec.gate.cycles
        let check = GraphCheck(environments: environments, policy: policy)
        diagnostics += check.diagnostics
        let graphs = environments.compactMap { check.graphs[$0.name] }
        guard !diagnostics.containsError, let first = graphs.first else { return .invalid(diagnostics) }
        if graphs.count == 2 {
            let pair = PairGraph(reference: first, mirror: graphs[1])
            let failing = !pair.missingEdges.isEmpty || check.fails(policy)
            return Outcome(report: .pair(pair), diagnostics: diagnostics, failing: failing)
        }
        return Outcome(report: .environment(first), diagnostics: diagnostics, failing: check.fails(policy))
    }
}

extension Diagnostic.Code {
    /// A graph cut to fit the format's limits.
    public static let graphTruncated: Self = "graph.truncated"
}
