/// A pair's dependency graph as inline SVG for the HTML report: the items and edges of both
/// environments in one picture, laid out by `GraphLayout` (no script, no outside tool); what
/// the mirror lacks dashed red, what only the mirror has solid blue, every node and edge titled,
/// and the missing edges listed in text beside it. Past `maxNodes` or `maxEdges` it draws the
/// neighbourhood of what differs, and says so.
struct GraphDrawing {
    var links: SourceLinks
    var maxNodes = 400
    var maxEdges = 1_200

    typealias Key = DependencyGraph.NodeKey

    /// Which environments have a node or an edge.
    enum Presence {
        case both, reference, mirror
    }

    /// The edges between two nodes, one per referring field, drawn as one line.
    struct Link {
        var from: Key
        var to: Key
        var parts: [(edge: DependencyGraph.Edge, presence: Presence)]

        /// The line's look: missing wins over only-in-mirror, which wins over both.
        var presence: Presence {
            if parts.contains(where: { $0.presence == .reference }) { return .reference }
            return parts.allSatisfy { $0.presence == .mirror } ? .mirror : .both
        }
        var isInferred: Bool { parts.allSatisfy { $0.edge.isInferred } }
    }

    static let nodeHeight = 24.0, pitch = 36.0, passPitch = 10.0, gap = 72.0, margin = 12.0, characterWidth = 7.0
    private static let longestLabel = 30
    private static let missing = "#d62728", extra = "#0b4fb3", plain = "#5a6572"

    /// The section: heading, a sentence of counts, the drawing, its legend and the missing edges.
    func render(_ pair: PairGraph, id: String, heading: String) -> String {
        let reference = pair.reference.name
        let mirror = pair.mirror.name
        var (nodes, lines) = Self.union(pair)
        let differing = lines.filter { $0.presence != .both }.count
        var out = "<\(heading) id=\"\(id)-graph\">Dependency graph</\(heading)>\n"
        out +=
            "<p>"
            + HTML.escape(
                "\(reference): \(Self.count(pair.reference.nodes.count, "item")) and "
                    + "\(Self.count(pair.reference.edges.count, "edge")); \(mirror): "
                    + "\(Self.count(pair.mirror.nodes.count, "item")) and \(Self.count(pair.mirror.edges.count, "edge")). "
                    + (pair.missingEdges.isEmpty
                        ? "\(mirror) has every edge of \(reference)."
                        : "\(Self.count(pair.missingEdges.count, "edge")) of \(reference) missing in \(mirror), "
                            + "dashed red."))
            + "</p>\n"
        guard !nodes.isEmpty else { return out }
        if nodes.count > maxNodes || lines.count > maxEdges {
            let whole = (nodes.count, lines.count)
            (nodes, lines) = focus(nodes, lines)
            out +=
                "<p class=\"muted\">"
                + HTML.escape(
                    "The graph has \(Self.count(whole.0, "node")) and \(Self.count(whole.1, "edge")), more than a page "
                        + "draws legibly (\(maxNodes) nodes, \(maxEdges) edges): "
                        + (nodes.isEmpty
                            ? "not drawn. "
                            : "drawn here are the \(Self.count(nodes.count, "node")) around the "
                                + "\(Self.count(differing, "edge")) and items that differ. ")
                        + "parity graph --pair \(reference):\(mirror) --format dot gives the whole of it.")
                + "</p>\n"
        }
        if !nodes.isEmpty {
            out += "<div class=\"graph\">" + svg(nodes, lines, pair: pair, id: id) + "</div>\n"
            out += legend(mirror: mirror, reference: reference)
        }
        if !pair.missingEdges.isEmpty {
            out +=
                "<details class=\"allowed\"><summary>"
                + HTML.escape("Edges \(mirror) lacks (\(pair.missingEdges.count))")
                + "</summary>\n<div><ul>\n"
            for edge in pair.missingEdges {
                out +=
                    "<li><code>" + HTML.escape(edge.from.description) + "</code> → <code>"
                    + HTML.escape(edge.to.description) + "</code> (" + HTML.escape(edge.field)
                    + (edge.evidence.map { ", inferred: " + HTML.escape($0) } ?? "") + ")"
                    + (edge.location.map { " " + links.html($0) } ?? "") + "</li>\n"
            }
            out += "</ul></div></details>\n"
        }
        return out
    }

    /// The nodes of either side to draw, and the edges of either side between them, grouped
    /// by their two ends.
    static func union(_ pair: PairGraph) -> (nodes: [Key: Presence], links: [Link]) {
        var nodes: [Key: Presence] = [:]
        for node in pair.reference.nodes { nodes[node.key] = .reference }
        for node in pair.mirror.nodes { nodes[node.key] = nodes[node.key] == nil ? .mirror : .both }
        let inMirror = Set(pair.mirror.edges.map(\.identity))
        let inReference = Set(pair.reference.edges.map(\.identity))
        var parts: [GraphLayout.Edge: [(edge: DependencyGraph.Edge, presence: Presence)]] = [:]
        for edge in pair.reference.edges {
            parts[GraphLayout.Edge(from: edge.from, to: edge.to), default: []].append(
                (edge, inMirror.contains(edge.identity) ? .both : .reference))
        }
        for edge in pair.mirror.edges where !inReference.contains(edge.identity) {
            parts[GraphLayout.Edge(from: edge.from, to: edge.to), default: []].append((edge, .mirror))
        }
        for ends in parts.keys {
            for key in [ends.from, ends.to] where nodes[key] == nil { nodes[key] = .both }
        }
        let links = parts.map { Link(from: $0.key.from, to: $0.key.to, parts: $0.value) }
            .sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        // Services, datastores and externals, and the other items (credentials, roles, rules)
        // only where they differ: drawn, the rest would crowd out the dependencies.
        var kept = Set(nodes.filter { $0.key.kind.isPrimary || $0.value != .both }.map(\.key))
        for link in links where link.presence != .both {
            kept.insert(link.from)
            kept.insert(link.to)
        }
        return (
            nodes.filter { kept.contains($0.key) }, links.filter { kept.contains($0.from) && kept.contains($0.to) }
        )
    }

    /// What differs and its neighbours, or what differs alone, or nothing: the first that fits.
    private func focus(_ nodes: [Key: Presence], _ links: [Link]) -> ([Key: Presence], [Link]) {
        let differing = Set(
            links.filter { $0.presence != .both }.flatMap { [$0.from, $0.to] }
                + nodes.filter { $0.value != .both }.map(\.key))
        var around = differing
        for link in links where differing.contains(link.from) || differing.contains(link.to) {
            around.insert(link.from)
            around.insert(link.to)
        }
        for keep in [around, differing] {
            let kept = links.filter { keep.contains($0.from) && keep.contains($0.to) }
            if keep.count <= maxNodes, kept.count <= maxEdges {
                return (nodes.filter { keep.contains($0.key) }, kept)
            }
        }
        return ([:], [])
    }

    /// Where each box and each waypoint lands: columns side by side, each centred on the
    /// tallest; a waypoint takes a thin row, so long edges pass between the boxes.
    private struct Geometry {
        var boxes: [Key: Box] = [:]
        /// Per column and row of a waypoint: the column's left and right edges, and the height.
        var passes: [GraphLayout.Place: (left: Double, right: Double, y: Double)] = [:]
        var width = 0.0, height = 0.0

        struct Box {
            var x: Double, y: Double, width: Double
            var middle: Double { y + GraphDrawing.nodeHeight / 2 }
        }

        init(_ layout: GraphLayout, widths: [Key: Double]) {
            let columnWidths = layout.columns.map { column in
                column.map { if case .node(let key) = $0 { widths[key] ?? 0 } else { 0 } }.max() ?? 0
            }
            func height(_ slot: GraphLayout.Slot) -> Double {
                if case .node = slot { GraphDrawing.pitch } else { GraphDrawing.passPitch }
            }
            let heights = layout.columns.map { $0.reduce(0) { $0 + height($1) } }
            let tallest = heights.max() ?? 0
            var x = GraphDrawing.margin
            for (column, slots) in layout.columns.enumerated() {
                var y = GraphDrawing.margin + (tallest - heights[column]) / 2
                for (row, slot) in slots.enumerated() {
                    switch slot {
                    case .node(let key):
                        let box = widths[key] ?? 0
                        boxes[key] = Box(x: x + (columnWidths[column] - box) / 2, y: y, width: box)
                    case .waypoint:
                        passes[GraphLayout.Place(column: column, row: row)] = (
                            x, x + columnWidths[column], y + GraphDrawing.passPitch / 2
                        )
                    }
                    y += height(slot)
                }
                x += columnWidths[column] + GraphDrawing.gap
            }
            width = x - GraphDrawing.gap + GraphDrawing.margin
            self.height = tallest + GraphDrawing.margin * 2
        }
    }

    private func svg(_ nodes: [Key: Presence], _ links: [Link], pair: PairGraph, id: String) -> String {
        let layout = GraphLayout(
            nodes: Array(nodes.keys), edges: links.map { GraphLayout.Edge(from: $0.from, to: $0.to) })
        let geometry = Geometry(
            layout, widths: nodes.keys.reduce(into: [:]) { $0[$1] = Self.width(of: Self.label($1)) })
        let n = HTML.coordinate
        var out =
            "<svg role=\"img\" aria-labelledby=\"\(id)-graph-title \(id)-graph-desc\" "
            + "viewBox=\"0 0 \(n(geometry.width)) \(n(geometry.height))\" width=\"\(n(geometry.width))\" "
            + "height=\"\(n(geometry.height))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        out +=
            "<title id=\"\(id)-graph-title\">"
            + HTML.escape("Dependency graph of \(pair.reference.name) and \(pair.mirror.name)")
            + "</title>\n<desc id=\"\(id)-graph-desc\">" + HTML.escape(description(pair, drawn: nodes.count))
            + "</desc>\n"
        for link in links {
            let ends = GraphLayout.Edge(from: link.from, to: link.to)
            guard let from = geometry.boxes[link.from], let to = geometry.boxes[link.to] else { continue }
            // The line's points in the flow's direction, then turned round for an edge against it.
            let back = layout.backEdges.contains(ends)
            let passes = (layout.waypoints[ends] ?? []).compactMap { geometry.passes[$0] }
            var points: [(Double, Double)] =
                back
                ? [(to.x + to.width, to.middle)] + passes.flatMap { [($0.left, $0.y), ($0.right, $0.y)] }
                    + [(from.x, from.middle)]
                : [(from.x + from.width, from.middle)] + passes.flatMap { [($0.left, $0.y), ($0.right, $0.y)] }
                    + [(to.x, to.middle)]
            if back { points.reverse() }
            out += edge(link, through: points, pair: pair)
        }
        for key in nodes.keys.sorted() {
            guard let box = geometry.boxes[key] else { continue }
            out += node(key, presence: nodes[key] ?? .both, at: box, pair: pair)
        }
        return out + "</svg>"
    }

    /// One line through `points`, each step a curve leaving and arriving level.
    private func edge(_ link: Link, through points: [(Double, Double)], pair: PairGraph) -> String {
        let n = HTML.coordinate
        var path = "M\(n(points[0].0)),\(n(points[0].1))"
        for (previous, next) in zip(points, points.dropFirst()) {
            let bend = (next.0 - previous.0) / 2
            path +=
                next.1 == previous.1
                ? " L\(n(next.0)),\(n(next.1))"
                : " C\(n(previous.0 + bend)),\(n(previous.1)) \(n(next.0 - bend)),\(n(next.1)) \(n(next.0)),\(n(next.1))"
        }
        let (colour, dash, stroke): (String, String?, String) =
            switch link.presence {
            case .reference: (Self.missing, "6 4", "2")
            case .mirror: (Self.extra, nil, "1.5")
            case .both: (Self.plain, link.isInferred ? "2 3" : nil, "1.2")
            }
        let title =
            "\(link.from.description) → \(link.to.description): "
            + link.parts.map { part in
                var text = part.edge.field
                if let evidence = part.edge.evidence { text += ", inferred from \(evidence)" }
                switch part.presence {
                case .reference: text += " (missing in \(pair.mirror.name))"
                case .mirror: text += " (only in \(pair.mirror.name))"
                case .both: break
                }
                return text
            }.joined(separator: "; ")
        // An arrowhead of its own rather than an SVG marker: every line arrives level, so it
        // points left or right, and the page refers to nothing, not even a fragment.
        let end = points[points.count - 1]
        let way = end.0 < points[points.count - 2].0 ? -1.0 : 1.0
        let head =
            "\(n(end.0)),\(n(end.1)) \(n(end.0 - 8 * way)),\(n(end.1 - 4)) \(n(end.0 - 8 * way)),\(n(end.1 + 4))"
        return "<g><title>" + HTML.escape(title) + "</title><path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" "
            + "stroke-width=\"\(stroke)\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
            + "/><polygon points=\"\(head)\" fill=\"\(colour)\"/></g>\n"
    }

    private func node(_ key: Key, presence: Presence, at box: Geometry.Box, pair: PairGraph) -> String {
        let n = HTML.coordinate
        let (x, y, width, height) = (box.x, box.y, box.width, Self.nodeHeight)
        let (stroke, dash, state): (String, String?, String) =
            switch presence {
            case .reference: (Self.missing, "5 3", ", missing in \(pair.mirror.name)")
            case .mirror: (Self.extra, nil, ", only in \(pair.mirror.name)")
            case .both: ("#1b1f24", nil, "")
            }
        let look =
            "fill=\"\(key.kind.isPrimary ? "#ffffff" : "#f4f6f8")\" stroke=\"\(stroke)\" stroke-width=\"1.2\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
        let shape: String
        switch key.kind {
        case .datastore:
            let rim = 4.0
            shape =
                "<path d=\"M\(n(x)),\(n(y + rim)) A\(n(width / 2)),\(n(rim)) 0 0 1 \(n(x + width)),\(n(y + rim)) "
                + "V\(n(y + height - rim)) A\(n(width / 2)),\(n(rim)) 0 0 1 \(n(x)),\(n(y + height - rim)) Z "
                + "M\(n(x)),\(n(y + rim)) A\(n(width / 2)),\(n(rim)) 0 0 0 \(n(x + width)),\(n(y + rim))\" \(look)/>"
        case .external:
            let cut = 8.0
            let points = [
                (x + cut, y), (x + width - cut, y), (x + width, y + height / 2), (x + width - cut, y + height),
                (x + cut, y + height), (x, y + height / 2),
            ].map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
            shape = "<polygon points=\"\(points)\" \(look)/>"
        default:
            let corner = key.kind.isPrimary ? 3.0 : 11.0
            shape =
                "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" rx=\"\(n(corner))\" \(look)/>"
        }
        let label = Self.label(key)
        let shown = label.count > Self.longestLabel ? String(label.prefix(Self.longestLabel - 1)) + "…" : label
        return "<g><title>" + HTML.escape("\(key.kind.rawValue) \(key.name)\(state)") + "</title>" + shape
            + "<text x=\"\(n(x + width / 2))\" y=\"\(n(y + 16))\" text-anchor=\"middle\""
            + (presence == .reference ? " fill=\"#7a0f0f\"" : "") + ">" + HTML.escape(shown) + "</text></g>\n"
    }

    private func legend(mirror: String, reference: String) -> String {
        func line(_ colour: String, _ dash: String?) -> String {
            "<svg width=\"32\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" x2=\"32\" y1=\"5\" y2=\"5\" stroke=\"\(colour)\" "
                + "stroke-width=\"2\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/></svg> "
        }
        return "<ul class=\"legend\">\n"
            + "<li>" + line(Self.plain, nil) + "an edge of both</li>\n"
            + "<li>" + line(Self.missing, "6 4") + HTML.escape("in \(reference), missing in \(mirror)") + "</li>\n"
            + "<li>" + line(Self.extra, nil) + HTML.escape("only in \(mirror)") + "</li>\n"
            + "<li>" + line(Self.plain, "2 3") + "inferred (hover for the evidence)</li>\n"
            + "<li>boxes are services, cylinders datastores, hexagons externals; callers left of what they call</li>\n"
            + "</ul>\n"
    }

    private func description(_ pair: PairGraph, drawn: Int) -> String {
        let missing = pair.missingEdges.map { "\($0.from.name) to \($0.to.name)" }
        return "\(drawn) items, callers left of what they call. "
            + (missing.isEmpty
                ? "No edge is missing in \(pair.mirror.name)."
                : "Missing in \(pair.mirror.name): " + missing.prefix(20).joined(separator: ", ")
                    + (missing.count > 20 ? ", and \(missing.count - 20) more (listed below)." : "."))
    }

    private static func label(_ key: Key) -> String {
        key.kind.isPrimary ? key.name : "\(key.kind.rawValue): \(key.name)"
    }

    private static func width(of label: String) -> Double {
        Double(min(label.count, longestLabel)) * characterWidth + 20
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
