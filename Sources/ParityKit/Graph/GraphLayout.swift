/// A layered drawing of a dependency graph, worked out without any outside tool: callers
/// left of what they call, one column per depth of dependency, and rows ordered to keep edges
/// short and off the boxes. Deterministic: the same nodes and edges always give the same places.
///
/// The steps of a Sugiyama layout, kept small: cycles broken (an edge back to a node still
/// being visited, in a depth-first walk over sorted nodes, is drawn against the flow); columns
/// by longest path, a node nothing calls moved up to what it calls; an edge crossing columns passes a waypoint in each, so it runs between the
/// boxes; rows by the barycentre of neighbours in the next column, a few sweeps each way, ties
/// kept in name order.
public struct GraphLayout: Sendable {
    public typealias Key = DependencyGraph.NodeKey

    /// Each node's column (depth) and its row among the column's slots.
    public var places: [Key: Place] = [:]
    /// Each column's slots, top to bottom: nodes, and the waypoints of edges passing through.
    public var columns: [[Slot]] = []
    /// Edges that close a cycle: drawn against the flow, from right to left.
    public var backEdges: Set<Edge> = []
    /// Per edge that crosses columns, the places it passes, in the flow's direction (left to right).
    public var waypoints: [Edge: [Place]] = [:]

    public struct Place: Sendable, Hashable {
        public var column: Int
        public var row: Int
    }

    /// An edge by its endpoints only: what the layout needs.
    public struct Edge: Sendable, Hashable {
        public var from: Key
        public var to: Key

        public init(from: Key, to: Key) {
            self.from = from
            self.to = to
        }
    }

    /// What holds a row of a column.
    public enum Slot: Sendable, Hashable {
        case node(Key)
        /// An edge passing through the column on its way.
        case waypoint(Edge, column: Int)
    }

    /// How many ordering sweeps run; more rarely improves a dependency graph.
    static let sweeps = 4

    public init(nodes: [Key], edges: [Edge]) {
        let nodes = Array(Set(nodes)).sorted()
        let known = Set(nodes)
        let edges = Array(Set(edges.filter { $0.from != $0.to && known.contains($0.from) && known.contains($0.to) }))
            .sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        var outgoing: [Key: [Key]] = [:]
        for edge in edges { outgoing[edge.from, default: []].append(edge.to) }
        backEdges = Self.backEdges(nodes: nodes, outgoing: outgoing)
        let depth = Self.depths(nodes: nodes, edges: edges.filter { !backEdges.contains($0) })

        let count = (nodes.map { depth[$0] ?? 0 }.max() ?? -1) + 1
        columns = Array(repeating: [], count: count)
        for node in nodes { columns[depth[node] ?? 0].append(.node(node)) }
        // Each edge as a chain of slots in adjacent columns, oriented with the flow.
        var left: [Slot: [Slot]] = [:]
        var right: [Slot: [Slot]] = [:]
        for edge in edges {
            let back = backEdges.contains(edge)
            let (start, end) = back ? (edge.to, edge.from) : (edge.from, edge.to)
            var previous = Slot.node(start)
            for column in ((depth[start] ?? 0) + 1)..<max((depth[start] ?? 0) + 1, depth[end] ?? 0) {
                let slot = Slot.waypoint(edge, column: column)
                columns[column].append(slot)
                right[previous, default: []].append(slot)
                left[slot, default: []].append(previous)
                previous = slot
            }
            right[previous, default: []].append(.node(end))
            left[.node(end), default: []].append(previous)
        }
        order(left: left, right: right)
        for (column, slots) in columns.enumerated() {
            for (row, slot) in slots.enumerated() {
                switch slot {
                case .node(let key): places[key] = Place(column: column, row: row)
                case .waypoint(let edge, _): waypoints[edge, default: []].append(Place(column: column, row: row))
                }
            }
        }
    }

    /// Each node's depth: the longest path to it from the nodes nothing points at.
    private static func depths(nodes: [Key], edges: [Edge]) -> [Key: Int] {
        var incoming: [Key: Int] = [:]
        var successors: [Key: [Key]] = [:]
        for edge in edges {
            incoming[edge.to, default: 0] += 1
            successors[edge.from, default: []].append(edge.to)
        }
        var depth: [Key: Int] = [:]
        let sources = nodes.filter { incoming[$0] == nil }
        var ready = sources
        var head = 0
        while head < ready.count {
            let node = ready[head]
            head += 1
            let level = depth[node] ?? 0
            for next in successors[node] ?? [] {
                depth[next] = max(depth[next] ?? 0, level + 1)
                incoming[next]? -= 1
                if incoming[next] == 0 { ready.append(next) }
            }
        }
        // A node nothing calls sits just left of the nearest thing it calls, not in the
        // first column with a long edge across the drawing.
        for source in sources {
            guard let nearest = (successors[source] ?? []).compactMap({ depth[$0] }).min() else { continue }
            depth[source] = max(0, nearest - 1)
        }
        return depth
    }

    /// Edges to a node still on the walk's path, walking depth first from each node in order.
    private static func backEdges(nodes: [Key], outgoing: [Key: [Key]]) -> Set<Edge> {
        var finished: [Key: Bool] = [:]  // false: on the path; true: done
        var back = Set<Edge>()
        for root in nodes where finished[root] == nil {
            var frames: [(node: Key, next: Int)] = [(root, 0)]
            finished[root] = false
            while let frame = frames.last {
                let targets = outgoing[frame.node] ?? []
                guard frame.next < targets.count else {
                    finished[frame.node] = true
                    frames.removeLast()
                    continue
                }
                frames[frames.count - 1].next += 1
                let target = targets[frame.next]
                switch finished[target] {
                case nil:
                    finished[target] = false
                    frames.append((target, 0))
                case false?:
                    back.insert(Edge(from: frame.node, to: target))
                case true?:
                    break
                }
            }
        }
        return back
    }

    /// Rows by the mean row of each slot's neighbours in the column beside it: rightwards
    /// using the column to the left, then leftwards using the one to the right.
    private mutating func order(left: [Slot: [Slot]], right: [Slot: [Slot]]) {
        guard columns.count > 1 else { return }
        var row: [Slot: Int] = [:]
        func number(_ column: Int) {
            for (index, slot) in columns[column].enumerated() { row[slot] = index }
        }
        for column in columns.indices { number(column) }
        for _ in 0..<Self.sweeps {
            for column in 1..<columns.count {
                columns[column] = Self.sorted(columns[column], by: left, row: row)
                number(column)
            }
            for column in stride(from: columns.count - 2, through: 0, by: -1) {
                columns[column] = Self.sorted(columns[column], by: right, row: row)
                number(column)
            }
        }
    }

    /// `slots` by the mean row of their neighbours; one without any keeps its own row.
    private static func sorted(_ slots: [Slot], by neighbours: [Slot: [Slot]], row: [Slot: Int]) -> [Slot] {
        let weights = slots.enumerated().map { index, slot -> (Double, Int) in
            let rows = (neighbours[slot] ?? []).compactMap { row[$0] }
            let mean = rows.isEmpty ? Double(index) : Double(rows.reduce(0, +)) / Double(rows.count)
            return (mean, index)
        }
        return weights.indices.sorted { weights[$0] < weights[$1] }.map { slots[$0] }
    }
}
