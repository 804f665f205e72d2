import Foundation
import ParityDiagnostics
import Testing

@testable import ParityKit

/// Each pair's dependency graph in the HTML report: an inline SVG of both environments, the
/// edges the mirror lacks dashed red and listed in text, every name escaped, and past the
/// size a page draws legibly, the neighbourhood of what differs with a note saying so.
@Suite struct GraphDrawingTests {
    static let goldens = Golden.testsFolder.appendingPathComponent("Golden/html")

    static func draw(
        _ pair: PairGraph, id: String = "pair-a-to-b", maxNodes: Int = 400, maxEdges: Int = 1_200
    ) -> String {
        var drawing = GraphDrawing(links: SourceLinks(base: nil))
        drawing.maxNodes = maxNodes
        drawing.maxEdges = maxEdges
        return drawing.render(pair, id: id, heading: "h3")
    }

    static func graph(_ name: String, _ pairs: [(String, String)], kinds: [String: NodeKind] = [:]) -> DependencyGraph {
        let names = Set(pairs.flatMap { [$0.0, $0.1] })
        let key = { (name: String) in DependencyGraph.NodeKey(kind: kinds[name] ?? .service, name: name) }
        return DependencyGraph(
            name: name, nodes: names.map { DependencyGraph.Node(kind: key($0).kind, name: $0) },
            edges: pairs.map {
                DependencyGraph.Edge(from: key($0.0), to: key($0.1), field: "dependencies", path: ModelPath())
            })
    }

    @Test func theSamplePairsGraphGolden() throws {
        let pair = try GraphTests.pair("production", "staging")
        let html = GraphTests.portable(Self.draw(pair, id: "pair-production-to-staging"))
        try Golden.check(html, against: Self.goldens.appendingPathComponent("graph-production-staging.html"))
        #expect(html.contains("<svg role=\"img\""))
        // Each edge staging lacks is drawn dashed red, with a title, and listed.
        let dashed = html.components(separatedBy: "stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"6 4\"")
        #expect(dashed.count - 1 >= 1)
        #expect(html.contains("checkout-api → fraud-detector: dependencies (missing in staging)"))
        #expect(html.contains("<li><code>checkout-api</code> → <code>fraud-detector</code> (dependencies)"))
        #expect(html.contains("Edges staging lacks (\(pair.missingEdges.count))"))
        // fraud-detector is missing in staging: its box is dashed.
        #expect(html.contains("<title>service fraud-detector, missing in staging</title>"))
        #expect(Self.draw(pair) == Self.draw(pair), "the same every time")
    }

    @Test func namesAreEscapedEverywhere() throws {
        let reference = Self.graph("prod <b>", [("<script>alert(1)</script>", "a\"b"), ("a\"b", "c&d")])
        let mirror = Self.graph("stage", [("<script>alert(1)</script>", "a\"b")])
        let html = Self.draw(PairGraph(reference: reference, mirror: mirror))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("a&quot;b"))
        #expect(html.contains("c&amp;d"))
    }

    @Test func onlyTheMirrorsEdgesAreBlueAndSharedOnesPlain() throws {
        let reference = Self.graph("a", [("web", "api")])
        let mirror = Self.graph("b", [("web", "api"), ("web", "cache")], kinds: ["cache": .datastore])
        let html = Self.draw(PairGraph(reference: reference, mirror: mirror))
        #expect(html.contains("web → datastore cache: dependencies (only in b)"))
        #expect(html.contains("<title>datastore cache, only in b</title>"))
        #expect(html.contains("b has every edge of a."))
        #expect(!html.contains("Edges b lacks"))
    }

    @Test func aGraphPastTheLimitsDrawsWhatDiffersWithANote() throws {
        // 60 services in a chain; the mirror lacks one edge in the middle.
        let chain = (0..<59).map { ("s\($0)", "s\($0 + 1)") }
        let reference = Self.graph("a", chain)
        let mirror = Self.graph("b", chain.filter { $0.0 != "s30" })
        let html = Self.draw(PairGraph(reference: reference, mirror: mirror), maxNodes: 10)
        #expect(html.contains("The graph has 60 nodes and 59 edges, more than a page draws legibly (10 nodes"))
        #expect(html.contains("drawn here are the 4 nodes around the 1 edge and items that differ"))
        #expect(html.contains("parity graph --pair a:b --format dot gives the whole of it"))
        #expect(html.contains(">s30</text>") && html.contains(">s31</text>") && html.contains(">s29</text>"))
        #expect(!html.contains(">s10</text>"))
        let nothing = Self.draw(PairGraph(reference: reference, mirror: mirror), maxNodes: 1)
        #expect(nothing.contains("not drawn"))
        #expect(!nothing.contains("<svg role"))
        #expect(nothing.contains("<li><code>s30</code> → <code>s31</code>"), "the missing edge is still listed")
    }

    @Test func hundredsOfNodesAreDrawnWhole() throws {
        var pairs: [(String, String)] = []
        for layer in 0..<15 {
            for index in 0..<20 { pairs.append(("s\(layer)-\(index)", "s\(layer + 1)-\((index * 3) % 20)")) }
        }
        let graph = Self.graph("a", pairs)
        let html = Self.draw(PairGraph(reference: graph, mirror: graph))
        #expect(!html.contains("more than a page draws legibly"))
        #expect(html.components(separatedBy: "</text></g>").count - 1 == Set(pairs.flatMap { [$0.0, $0.1] }).count)
    }
}
