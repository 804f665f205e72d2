import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// Parity's DOT read by Graphviz itself: `dot -Tcanon` parses every graph, and its
/// `acyclic` tool finds a cycle exactly where Parity's cycle check does.
@Suite(.enabled(if: Graphviz.usable, "graphviz (dot, acyclic) is not installed; .ci/run installs it"))
struct GraphvizTests {
    static func environment(_ name: String, services: [(String, [String])]) -> String {
        var text =
            "apiVersion: parity/v1\nkind: Environment\nmetadata: {name: \(name), tier: production, owner: team}\nservices:\n"
        for (service, dependencies) in services {
            text += "  - {name: \(service), image: app, dependencies: [\(dependencies.joined(separator: ", "))]}\n"
        }
        return text
    }

    /// A cycle of three, a service naming itself (no cycle to either check: acyclic leaves
    /// self-loops alone, and Parity reports them on their own), and an acyclic graph.
    static let cases: [(String, [(String, [String])], Bool)] = [
        ("cyclic", [("api", ["orders"]), ("orders", ["billing"]), ("billing", ["api"]), ("web", ["api"])], true),
        ("self-loop", [("api", ["api"]), ("web", ["api"])], false),
        ("two-cycles", [("a", ["b"]), ("b", ["a"]), ("c", ["d"]), ("d", ["e"]), ("e", ["c"])], true),
        ("acyclic", [("web", ["api", "search"]), ("api", ["orders", "search"]), ("orders", []), ("search", [])], false),
    ]

    @Test(arguments: cases.indices)
    func acyclicAgreesWithParitysCycleCheck(_ index: Int) throws {
        let (name, services, cyclic) = Self.cases[index]
        let scratch = try ScratchFolder()
        let file = try scratch.write("\(name).yaml", Self.environment(name, services: services))
        let outcome = GraphTests.outcome(.environment(file), root: scratch.path)
        guard case .environment(let graph)? = outcome.report else {
            Issue.record("no graph: \(outcome.diagnostics)")
            return
        }
        let cycles = CycleFinder.cycles(in: graph)
        #expect(!cycles.isEmpty == cyclic)
        #expect(outcome.diagnostics.contains { $0.code == .graphCycle } == cyclic)
        #expect(outcome.diagnostics.contains { $0.code == .graphSelfDependency } == (name == "self-loop"))
        if name == "two-cycles" { #expect(cycles.count == 2) }
        // acyclic exits 0 for an acyclic graph and 1 for one with a cycle.
        let verdict = try Graphviz.run("acyclic", ["-n"], input: GraphDOTRenderer().render(graph))
        #expect(verdict.status == (cyclic ? 1 : 0), "acyclic said \(verdict.status): \(verdict.stderr)")
    }

    @Test func theCyclesPathIsReportedWhereItStarts() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("cyclic.yaml", Self.environment("cyclic", services: Self.cases[0].1))
        let outcome = GraphTests.outcome(.environment(file), root: scratch.path)
        let warning = try #require(outcome.diagnostics.first { $0.code == .graphCycle })
        #expect(warning.severity == .warning)
        #expect(warning.message.hasPrefix("dependency cycle in cyclic: api -> orders -> billing -> api;"))
        #expect(warning.location?.line == 5)
        #expect(outcome.status == .passed)
    }

    @Test func dotParsesEverySampleGraph() throws {
        let production = try GraphTests.graph("production")
        let pair = try GraphTests.pair("production", "staging")
        let tricky = DependencyGraph(
            name: "names \"quoted\" \\ and -> arrows",
            nodes: [
                .init(kind: .service, name: "end"), .init(kind: .service, name: "a\"b\\c -> d"),
                .init(kind: .datastore, name: "subgraph"),
            ], edges: [])
        let (boutique, _) = try GraphTests.importedBoutique()
        for text in [
            GraphDOTRenderer().render(production), GraphDOTRenderer().render(pair), GraphDOTRenderer().render(tricky),
            GraphDOTRenderer().render(boutique),
        ] {
            let canon = try Graphviz.run("dot", ["-Tcanon"], input: text)
            #expect(canon.status == 0 && canon.stderr.isEmpty, "dot: \(canon.stderr)")
        }
    }

    @Test func theSampleHasNoCycleByEitherCheck() throws {
        for name in ["production", "staging"] {
            let graph = try GraphTests.graph(name)
            #expect(CycleFinder.cycles(in: graph).isEmpty)
            let verdict = try Graphviz.run("acyclic", ["-n"], input: GraphDOTRenderer().render(graph))
            #expect(verdict.status == 0, "\(name): \(verdict.stderr)")
        }
    }
}
