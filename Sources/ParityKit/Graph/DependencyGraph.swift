public import ParityDiagnostics

/// The graph of one environment: its items as typed nodes, and an edge for every name a
/// field of one item gives to another (a dependency, a credential read, a segment run in).
public struct DependencyGraph: Sendable {
    /// The environment's name.
    public var name: String
    /// Every node, sorted by kind rank then name.
    public var nodes: [Node]
    /// Every edge, sorted by source, target and field.
    public var edges: [Edge]

    /// An item of the environment.
    public struct Node: Sendable, Hashable {
        public var kind: NodeKind
        public var name: String
        /// Where the item is declared, when it is.
        public var location: SourceLocation?

        public var key: NodeKey { NodeKey(kind: kind, name: name) }

        public static func == (a: Node, b: Node) -> Bool { a.key == b.key }
        public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    }

    /// What a node is; its identity together with its name.
    public struct NodeKey: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var kind: NodeKind
        public var name: String

        public static func < (a: NodeKey, b: NodeKey) -> Bool { (a.kind.rank, a.name) < (b.kind.rank, b.name) }
        public var description: String { kind == .service ? name : "\(kind.rawValue) \(name)" }
    }

    /// One name an item gives to another.
    public struct Edge: Sendable, Hashable, Comparable {
        public var from: NodeKey
        public var to: NodeKey
        /// The referring field (`dependencies`, `secrets`, `segment`, `reverts`).
        public var field: String
        /// Written by an importer from indirect evidence rather than declared.
        public var evidence: String?
        /// Where the name is written.
        public var location: SourceLocation?
        /// The referring field in the model (`services[checkout-api].dependencies`).
        public var path: ModelPath

        public var isInferred: Bool { evidence != nil }
        /// What identifies the edge between environments: endpoints and field, not evidence or place.
        public var identity: EdgeIdentity { EdgeIdentity(from: from, to: to, field: field) }

        public static func == (a: Edge, b: Edge) -> Bool { a.identity == b.identity }
        public func hash(into hasher: inout Hasher) { hasher.combine(identity) }
        public static func < (a: Edge, b: Edge) -> Bool { a.identity < b.identity }
    }

    /// An edge's identity.
    public struct EdgeIdentity: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var from: NodeKey
        public var to: NodeKey
        public var field: String

        public static func < (a: EdgeIdentity, b: EdgeIdentity) -> Bool {
            if a.from != b.from { return a.from < b.from }
            if a.to != b.to { return a.to < b.to }
            return a.field < b.field
        }

        public var description: String { "\(from.name) -> \(to.name) (\(field))" }
    }

    public init(name: String, nodes: [Node], edges: [Edge]) {
        self.name = name
        self.nodes = nodes.sorted { $0.key < $1.key }
        // Edges sort by their endpoints' places among the sorted nodes, then by field: whole
        // numbers to compare rather than the names, in the same order as `EdgeIdentity`.
        var rank: [NodeKey: Int] = [:]
        rank.reserveCapacity(self.nodes.count)
        for (index, node) in self.nodes.enumerated() where rank[node.key] == nil { rank[node.key] = index }
        let keys = edges.map { (from: rank[$0.from] ?? -1, to: rank[$0.to] ?? -1) }
        let sorted: [Edge]
        if keys.allSatisfy({ $0.from >= 0 && $0.to >= 0 }) {
            sorted = edges.indices.sorted { a, b in
                if keys[a].from != keys[b].from { return keys[a].from < keys[b].from }
                if keys[a].to != keys[b].to { return keys[a].to < keys[b].to }
                return edges[a].field < edges[b].field
            }.map { edges[$0] }
        } else {
            sorted = edges.sorted()
        }
        // A name written twice (or in a list and as evidence) is one edge: the first kept.
        var unique: [Edge] = []
        unique.reserveCapacity(sorted.count)
        for edge in sorted
        where unique.last.map({ $0.from != edge.from || $0.to != edge.to || $0.field != edge.field }) ?? true {
            unique.append(edge)
        }
        self.edges = unique
    }

    /// The node with `key`, if the environment has it.
    public func node(_ key: NodeKey) -> Node? {
        nodes.first { $0.key == key }
    }
}
