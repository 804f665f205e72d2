/// `parity graph --format dot`: Graphviz, every id and attribute quoted, sorted so the same
/// graph always gives the same text. A pair draws one cluster per environment, the edges
/// the mirror lacks dashed and red.
public struct GraphDOTRenderer: Sendable {
    public init() {}

    public func render(_ graph: DependencyGraph) -> String {
        var out = "digraph \(Self.quoted(graph.name)) {\n"
        out += Self.defaults(label: graph.name)
        for node in graph.nodes { out += "  " + Self.node(node, id: Self.id(node.key)) + "\n" }
        for edge in graph.edges {
            out += "  " + Self.edge(edge, from: Self.id(edge.from), to: Self.id(edge.to), extra: []) + "\n"
        }
        return out + "}\n"
    }

    public func render(_ pair: PairGraph) -> String {
        let title = "\(pair.reference.name) -> \(pair.mirror.name)"
        var out = "digraph \(Self.quoted(title)) {\n"
        out += Self.defaults(label: title)
        for (index, graph) in [pair.reference, pair.mirror].enumerated() {
            let prefix = "\(index == 0 ? "reference" : "mirror")/"
            out += "  subgraph \(Self.quoted("cluster_\(index == 0 ? "reference" : "mirror")")) {\n"
            out += "    graph [label=\(Self.quoted(graph.name))];\n"
            for node in graph.nodes { out += "    " + Self.node(node, id: Self.id(node.key, prefix)) + "\n" }
            if index == 1 {
                for node in pair.missingNodes {
                    let attributes = [
                        ("style", "dashed"), ("color", Self.missingColour), ("fontcolor", Self.missingColour),
                        ("tooltip", "missing in \(pair.mirror.name)"),
                    ]
                    out += "    " + Self.node(node, id: Self.id(node.key, prefix), extra: attributes) + "\n"
                }
            }
            out += "  }\n"
        }
        for edge in pair.reference.edges {
            out +=
                "  "
                + Self.edge(edge, from: Self.id(edge.from, "reference/"), to: Self.id(edge.to, "reference/"), extra: [])
                + "\n"
        }
        for edge in pair.mirror.edges {
            out +=
                "  " + Self.edge(edge, from: Self.id(edge.from, "mirror/"), to: Self.id(edge.to, "mirror/"), extra: [])
                + "\n"
        }
        for edge in pair.missingEdges {
            let attributes = [
                ("style", "dashed"), ("color", Self.missingColour), ("fontcolor", Self.missingColour),
                ("label", "missing in \(pair.mirror.name)"),
            ]
            out +=
                "  "
                + Self.edge(
                    edge, from: Self.id(edge.from, "mirror/"), to: Self.id(edge.to, "mirror/"), extra: attributes)
                + "\n"
        }
        return out + "}\n"
    }

    static let missingColour = "#d62728"

    private static func defaults(label: String) -> String {
        "  graph [label=\(quoted(label)), labelloc=\"t\", rankdir=\"LR\", fontname=\"Helvetica\"];\n"
            + "  node [fontname=\"Helvetica\", fontsize=\"11\"];\n"
            + "  edge [fontname=\"Helvetica\", fontsize=\"9\"];\n"
    }

    private static func id(_ key: DependencyGraph.NodeKey, _ prefix: String = "") -> String {
        quoted(prefix + key.kind.rawValue + ":" + key.name)
    }

    private static func node(_ node: DependencyGraph.Node, id: String, extra: [(String, String)] = []) -> String {
        let shape =
            switch node.kind {
            case .service: "box"
            case .datastore: "cylinder"
            case .external: "hexagon"
            default: "note"
            }
        let label = node.kind.isPrimary ? node.name : "\(node.kind.rawValue)\n\(node.name)"
        return id + " " + attributes([("label", label), ("shape", shape)] + extra) + ";"
    }

    private static func edge(_ edge: DependencyGraph.Edge, from: String, to: String, extra: [(String, String)])
        -> String
    {
        var list: [(String, String)] = []
        // Dependencies are what the graph is about; other fields say what the edge is.
        if edge.field != "dependencies" { list.append(("label", edge.field)) }
        if let evidence = edge.evidence {
            list += [("style", "dotted"), ("label", "inferred"), ("tooltip", evidence)]
        }
        for (name, value) in extra {
            list.removeAll { $0.0 == name }
            list.append((name, value))
        }
        return "\(from) -> \(to)" + (list.isEmpty ? "" : " " + attributes(list)) + ";"
    }

    private static func attributes(_ list: [(String, String)]) -> String {
        "[" + list.map { "\($0.0)=\(quoted($0.1))" }.joined(separator: ", ") + "]"
    }

    /// A DOT double-quoted string: quotes and backslashes escaped, so no name can end it
    /// early or turn into an escape; a newline becomes DOT's centred line break.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += ""
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
