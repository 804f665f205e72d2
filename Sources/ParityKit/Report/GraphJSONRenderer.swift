/// `parity graph --format json`: version 1, `{version, environment, nodes[{id, kind, name,
/// location?}], edges[{from, to, field, inferred, evidence?, location?}], cycles[[name]]}`;
/// for a pair, `{version, reference, mirror, missingEdges, missingNodes}` with each side a
/// graph as above. Sorted; new fields may be added within a version.
public struct GraphJSONRenderer: Sendable {
    public static let version = 1

    public init() {}

    public func render(_ graph: DependencyGraph) -> String {
        JSONValue.object([("version", .int(Self.version))] + Self.fields(graph)).pretty
    }

    public func render(_ pair: PairGraph) -> String {
        JSONValue.object([
            ("version", .int(Self.version)),
            ("reference", .object(Self.fields(pair.reference))),
            ("mirror", .object(Self.fields(pair.mirror))),
            ("missingEdges", .array(pair.missingEdges.map(Self.edge))),
            ("missingNodes", .array(pair.missingNodes.map(Self.node))),
        ]).pretty
    }

    private static func fields(_ graph: DependencyGraph) -> [(String, JSONValue)] {
        [
            ("environment", .string(graph.name)),
            ("nodes", .array(graph.nodes.map(node))),
            ("edges", .array(graph.edges.map(edge))),
            ("cycles", .array(CycleFinder.cycles(in: graph).map { cycle in
                .array(([cycle[0].from] + cycle.map(\.to)).map { .string($0.name) })
            })),
        ]
    }

    static func id(_ key: DependencyGraph.NodeKey) -> String { key.kind.rawValue + ":" + key.name }

    private static func node(_ node: DependencyGraph.Node) -> JSONValue {
        .object([("id", .string(id(node.key))), ("kind", .string(node.kind.rawValue)), ("name", .string(node.name)),
                 ("location", .optional(node.location?.description))])
    }

    static func edge(_ edge: DependencyGraph.Edge) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("from", .string(id(edge.from))), ("to", .string(id(edge.to))), ("field", .string(edge.field)),
            ("inferred", .bool(edge.isInferred)),
        ]
        if let evidence = edge.evidence { fields.append(("evidence", .string(evidence))) }
        fields.append(("location", .optional(edge.location?.description)))
        return .object(fields)
    }
}
