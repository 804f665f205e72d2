import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// The dependency graph of the sample environments and of small written ones: edges from
/// every referring field, cycles, the pair's missing edges, and each renderer's output.
@Suite struct GraphTests {
    static let root = Golden.repositoryRoot.path
    static let goldens = Golden.testsFolder.appendingPathComponent("Golden/graph")

    static func outcome(_ subject: GraphRun.Options.Subject, root: String = root) -> Outcome<GraphRun.Report> {
        var options = GraphRun.Options(subject: subject)
        options.root = root
        return GraphRun(sources: SourceStore()).run(options)
    }

    static func graph(_ name: String, root: String = root) throws -> DependencyGraph {
        let outcome = outcome(.environment(name), root: root)
        guard case .environment(let graph)? = outcome.report else {
            Issue.record("no graph of \(name): \(outcome.diagnostics)")
            throw CancellationError()
        }
        return graph
    }

    static func pair(_ reference: String, _ mirror: String, root: String = root) throws -> PairGraph {
        let outcome = outcome(.pair(reference: reference, mirror: mirror), root: root)
        guard case .pair(let pair)? = outcome.report else {
            Issue.record("no pair graph: \(outcome.diagnostics)")
            throw CancellationError()
        }
        return pair
    }

    /// Rendered text with the repository's absolute path taken out, so goldens hold on any machine.
    static func portable(_ text: String) -> String {
        text.replacingOccurrences(of: root + "/", with: "")
    }

    @Test func sampleGoldensInEveryFormat() throws {
        let production = try Self.graph("production")
        try Golden.check(
            Self.portable(GraphDOTRenderer().render(production)),
            against: Self.goldens.appendingPathComponent("production.dot"))
        try Golden.check(
            Self.portable(GraphMermaidRenderer().render(production).text),
            against: Self.goldens.appendingPathComponent("production.mmd"))
        try Golden.check(
            Self.portable(GraphJSONRenderer().render(production)),
            against: Self.goldens.appendingPathComponent("production.json"))
        let pair = try Self.pair("production", "staging")
        try Golden.check(
            Self.portable(GraphDOTRenderer().render(pair)),
            against: Self.goldens.appendingPathComponent("production-staging.dot"))
        try Golden.check(
            Self.portable(GraphMermaidRenderer().render(pair).text),
            against: Self.goldens.appendingPathComponent("production-staging.mmd"))
        try Golden.check(
            Self.portable(GraphJSONRenderer().render(pair)),
            against: Self.goldens.appendingPathComponent("production-staging.json"))
    }

    /// The Online Boutique as imported: its dependencies are all inferred, drawn dotted in
    /// DOT and Mermaid and carrying their evidence in JSON.
    static func importedBoutique() throws -> (graph: DependencyGraph, scratch: ScratchFolder) {
        let text = try #require(ImportTests.run(.kubernetes, [ImportTests.cases[0].path]).report?.text)
        let scratch = try ScratchFolder()
        let file = try scratch.write("online-boutique.yaml", text)
        return (try graph(file, root: scratch.path), scratch)
    }

    @Test func importedGraphGoldensShowInferredEdges() throws {
        let (graph, _) = try Self.importedBoutique()
        try Golden.check(
            GraphDOTRenderer().render(graph), against: Self.goldens.appendingPathComponent("online-boutique.dot"))
        try Golden.check(
            GraphMermaidRenderer().render(graph).text,
            against: Self.goldens.appendingPathComponent("online-boutique.mmd"))
        let edge = try #require(graph.edges.first { $0.from.name == "frontend" && $0.to.name == "cartservice" })
        #expect(edge.evidence == "env CART_SERVICE_ADDR=cartservice:7070")
        #expect(GraphJSONRenderer().render(graph).contains(#""evidence": "env CART_SERVICE_ADDR=cartservice:7070""#))
    }

    @Test func edgesComeFromEveryFieldThatNamesAnItem() throws {
        let production = try Self.graph("production")
        let fields = Set(production.edges.map(\.field))
        // dependencies, the credentials a service reads, its segment, what a rollback reverts,
        // the service an SLO measures, a binding's role, a network rule's segments.
        for field in ["dependencies", "secrets", "segment", "reverts", "service", "role", "from", "to"] {
            #expect(fields.contains(field), "no edge from '\(field)'")
        }
        #expect(!fields.contains("regions"), "a region is a word, not an item: no edge")
        let checkout = production.edges.filter { $0.from.name == "checkout-api" && $0.field == "dependencies" }.map(
            \.to.name)
        #expect(checkout.contains("fraud-detector"))
        #expect(production.nodes.contains { $0.kind == .datastore && $0.name == "orders-db" })
        #expect(production.nodes.contains { $0.kind == .external && $0.name == "stripe" })
    }

    @Test func thePairsMissingEdgesAreTheReferencesEdgesTheMirrorLacks() throws {
        let pair = try Self.pair("production", "staging")
        let missing = pair.missingEdges.map(\.identity.description)
        #expect(missing.contains("checkout-api -> fraud-detector (dependencies)"))
        #expect(missing.contains("fraud-detector -> accounts-db (dependencies)"))
        // fraud-detector, and the SLOs staging does not declare.
        #expect(pair.missingNodes.contains { $0.kind == .service && $0.name == "fraud-detector" })
        let mirror = Set(pair.mirror.edges.map(\.identity))
        #expect(pair.missingEdges.allSatisfy { !mirror.contains($0.identity) })
    }

    /// What a pair's comparison keeps of each side (the mirror's identities, the reference's
    /// edges not among them) is what the whole graphs say.
    @Test func aComparisonKeepsOnlyTheMirrorsIdentitiesAndTheReferencesLosses() throws {
        let workspace = Workspace(root: Self.root)
        let production = try #require(workspace.resolve(named: "production")).value
        let staging = try #require(workspace.resolve(named: "staging")).value
        let builder = GraphBuilder()
        let graphs = (builder.graph(name: "production", root: production), builder.graph(name: "staging", root: staging))
        let (items, identities) = builder.identities(of: staging)
        #expect(identities == Set(graphs.1.edges.map(\.identity)))
        #expect(graphs.1.nodes.allSatisfy { items.contains($0.key) })
        let lost = builder.edges(of: production, except: identities)
        #expect(!lost.isEmpty)
        #expect(Set(lost.map(\.identity)) == Set(graphs.0.edges.map(\.identity)).subtracting(identities))
        #expect(builder.edges(of: staging, except: identities).isEmpty)
        #expect(builder.edges(of: production, except: []).count >= graphs.0.edges.count)
    }

    @Test func mermaidQuotesEveryLabelAndUsesGeneratedIDs() throws {
        let graph = DependencyGraph(name: "tricky", nodes: [
            .init(kind: .service, name: "end"), .init(kind: .service, name: "a-->b \"quoted\" <b>#1</b>"),
        ], edges: [])
        let text = GraphMermaidRenderer().render(graph).text
        #expect(text.contains(#"n1["end"]"#))
        #expect(text.contains(#"n0["a--#gt;b #quot;quoted#quot; #lt;b#gt;#35;1#lt;/b#gt;"]"#))
        #expect(!text.contains("\"quoted\""))
    }

    @Test func mermaidPastItsLimitsIsCutWithANote() throws {
        let nodes = (0..<30).map { DependencyGraph.Node(kind: .service, name: "s\($0)") }
        let edges = (0..<29).map {
            DependencyGraph.Edge(from: nodes[$0].key, to: nodes[$0 + 1].key, field: "dependencies", path: ModelPath())
        }
        let graph = DependencyGraph(name: "long", nodes: nodes, edges: edges)
        let byEdges = GraphMermaidRenderer(maxEdges: 10).render(graph)
        #expect(byEdges.omitted == 19)
        #expect(byEdges.text.components(separatedBy: " --> ").count - 1 == 10)
        #expect(byEdges.text.contains("10 of 29 edges shown"))
        let bySize = GraphMermaidRenderer(maxCharacters: 1_000).render(graph)
        #expect(bySize.text.count <= 1_000)
        #expect(bySize.omitted > 0)
        #expect(bySize.text.contains("graph cut"))
        let whole = GraphMermaidRenderer().render(graph)
        #expect(whole.omitted == 0)
        #expect(!whole.text.contains("graph cut"))
    }

    @Test func dotQuotesNamesThatWouldEndAString() throws {
        let graph = DependencyGraph(
            name: "say \"hi\"",
            nodes: [.init(kind: .service, name: #"back\slash"#), .init(kind: .service, name: "q\"uote")],
            edges: [])
        let text = GraphDOTRenderer().render(graph)
        #expect(text.contains(#""service:back\\slash" [label="back\\slash""#))
        #expect(text.contains(#""service:q\"uote" [label="q\"uote""#))
    }

    @Test func everyRenderingIsTheSameTwice() throws {
        let first = try Self.pair("production", "staging"), second = try Self.pair("production", "staging")
        #expect(GraphDOTRenderer().render(first) == GraphDOTRenderer().render(second))
        #expect(GraphMermaidRenderer().render(first).text == GraphMermaidRenderer().render(second).text)
        #expect(GraphJSONRenderer().render(first) == GraphJSONRenderer().render(second))
    }
}
