/// The graphs of a reference and its mirror, side by side, with the reference's edges the
/// mirror lacks.
public struct PairGraph: Sendable {
    public var reference: DependencyGraph
    public var mirror: DependencyGraph
    /// Edges of the reference with no edge of the same endpoints and field in the mirror, sorted.
    public var missingEdges: [DependencyGraph.Edge]
    /// Nodes those edges need that the mirror does not have, sorted.
    public var missingNodes: [DependencyGraph.Node]

    public init(reference: DependencyGraph, mirror: DependencyGraph) {
        self.reference = reference
        self.mirror = mirror
        let present = Set(mirror.edges.map(\.identity))
        missingEdges = reference.edges.filter { !present.contains($0.identity) }
        let mirrorNodes = Set(mirror.nodes.map(\.key))
        let needed = Set(missingEdges.flatMap { [$0.from, $0.to] }).subtracting(mirrorNodes)
        missingNodes = reference.nodes.filter { needed.contains($0.key) }
    }
}
