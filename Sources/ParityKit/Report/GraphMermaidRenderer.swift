/// `parity graph --format mermaid`: a flowchart with generated ids (`n0`, `n1`, ...) and
/// every label quoted and escaped, since real names may be `end` or hold `-->`. Kept within
/// Mermaid's default limits (500 edges, 50,000 characters): past them the graph is cut,
/// and says so in a visible note.
public struct GraphMermaidRenderer: Sendable {
    public var maxEdges: Int
    public var maxCharacters: Int

    public init(maxEdges: Int = 500, maxCharacters: Int = 50_000) {
        self.maxEdges = maxEdges
        self.maxCharacters = maxCharacters
    }

    /// The text, and how many edges were left out to stay within the limits.
    public func render(_ graph: DependencyGraph) -> (text: String, omitted: Int) {
        var chart = Chart(limits: self)
        let ids = Chart.ids(graph.nodes.map(\.key), prefix: "n")
        for node in graph.nodes { chart.add(Self.node(node, id: ids[node.key] ?? "")) }
        for edge in graph.edges { chart.add(edge: Self.edge(edge, ids, ids), style: nil) }
        return chart.finish(total: graph.edges.count)
    }

    public func render(_ pair: PairGraph) -> (text: String, omitted: Int) {
        var chart = Chart(limits: self)
        let referenceIDs = Chart.ids(pair.reference.nodes.map(\.key), prefix: "r")
        let mirrorIDs = Chart.ids((pair.mirror.nodes + pair.missingNodes).map(\.key).sorted(), prefix: "m")
        for (index, graph) in [pair.reference, pair.mirror].enumerated() {
            let ids = index == 0 ? referenceIDs : mirrorIDs
            chart.add("  subgraph \(index == 0 ? "reference" : "mirror")[\(Self.label(graph.name))]")
            for node in graph.nodes { chart.add("  " + Self.node(node, id: ids[node.key] ?? "")) }
            if index == 1 {
                for node in pair.missingNodes {
                    chart.add("  " + Self.node(node, id: ids[node.key] ?? "") + ":::missing")
                }
            }
            chart.add("  end")
        }
        if !pair.missingNodes.isEmpty {
            chart.add("  classDef missing stroke:#d62728,stroke-dasharray:5 5,color:#d62728")
        }
        for edge in pair.reference.edges { chart.add(edge: Self.edge(edge, referenceIDs, referenceIDs), style: nil) }
        for edge in pair.mirror.edges { chart.add(edge: Self.edge(edge, mirrorIDs, mirrorIDs), style: nil) }
        for edge in pair.missingEdges {
            let from = mirrorIDs[edge.from] ?? "", to = mirrorIDs[edge.to] ?? ""
            chart.add(
                edge: "  \(from) -.->|\(Self.label("missing in \(pair.mirror.name)"))| \(to)",
                style: "stroke:#d62728,stroke-width:2px,stroke-dasharray:5 5")
        }
        return chart.finish(total: pair.reference.edges.count + pair.mirror.edges.count + pair.missingEdges.count)
    }

    private static func node(_ node: DependencyGraph.Node, id: String) -> String {
        let label = label(node.kind.isPrimary ? node.name : "\(node.kind.rawValue): \(node.name)")
        return switch node.kind {
        case .service: "  \(id)[\(label)]"
        case .datastore: "  \(id)[(\(label))]"
        case .external: "  \(id){{\(label)}}"
        default: "  \(id)>\(label)]"
        }
    }

    private static func edge(_ edge: DependencyGraph.Edge, _ fromIDs: [DependencyGraph.NodeKey: String],
                             _ toIDs: [DependencyGraph.NodeKey: String]) -> String {
        let from = fromIDs[edge.from] ?? "", to = toIDs[edge.to] ?? ""
        if edge.isInferred { return "  \(from) -.->|\(label("inferred"))| \(to)" }
        if edge.field == "dependencies" { return "  \(from) --> \(to)" }
        return "  \(from) -->|\(label(edge.field))| \(to)"
    }

    /// A quoted Mermaid label: characters that could end it or read as markup written as
    /// Mermaid's entity codes.
    static func label(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// The text being built, and the budget it must stay in.
    private struct Chart {
        let limits: GraphMermaidRenderer
        var lines: [String] = ["flowchart LR"]
        var characters = "flowchart LR\n".count
        var edgesWritten = 0
        var linkStyles: [String] = []
        var full = false
        /// Room kept for the note saying the graph was cut, and for the link styles.
        let reserve = 400

        init(limits: GraphMermaidRenderer) {
            self.limits = limits
        }

        static func ids(_ keys: [DependencyGraph.NodeKey], prefix: String) -> [DependencyGraph.NodeKey: String] {
            Dictionary(keys.enumerated().map { ($1, "\(prefix)\($0)") }, uniquingKeysWith: { first, _ in first })
        }

        mutating func add(_ line: String) {
            guard !full else { return }
            if characters + line.count + 1 + reserve > limits.maxCharacters {
                full = true
                return
            }
            lines.append(line)
            characters += line.count + 1
        }

        mutating func add(edge line: String, style: String?) {
            let styleLine = style.map { "  linkStyle \(edgesWritten) \($0)" }
            let cost = line.count + 1 + (styleLine.map { $0.count + 1 } ?? 0)
            guard !full, edgesWritten < limits.maxEdges, characters + cost + reserve <= limits.maxCharacters else {
                full = true
                return
            }
            lines.append(line)
            if let styleLine { linkStyles.append(styleLine) }
            characters += cost
            edgesWritten += 1
        }

        func finish(total: Int) -> (text: String, omitted: Int) {
            var out = lines + linkStyles
            let omitted = total - edgesWritten
            if full {
                let note =
                    "graph cut to stay within Mermaid's limits (\(limits.maxEdges) edges, \(limits.maxCharacters) characters): "
                    + "\(edgesWritten) of \(total) edges shown; use --format dot or json for the whole graph"
                out.append("  %% \(note)")
                out.append("  cut[\(GraphMermaidRenderer.label(note))]")
            }
            return (out.joined(separator: "\n") + "\n", omitted)
        }
    }
}
