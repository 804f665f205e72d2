import Foundation
import Testing

@testable import ParityKit

/// The layered layout the HTML report draws with: callers left of what they call, cycles
/// drawn against the flow, long edges passing a waypoint in each column, and the same places
/// for the same graph however its nodes and edges are listed.
@Suite struct GraphLayoutTests {
    typealias Key = DependencyGraph.NodeKey

    static func key(_ name: String, _ kind: NodeKind = .service) -> Key { Key(kind: kind, name: name) }

    static func edges(_ pairs: [(String, String)]) -> [GraphLayout.Edge] {
        pairs.map { GraphLayout.Edge(from: key($0.0), to: key($0.1)) }
    }

    static func layout(_ pairs: [(String, String)], extra: [String] = []) -> GraphLayout {
        let names = Set(pairs.flatMap { [$0.0, $0.1] } + extra)
        return GraphLayout(nodes: names.map { key($0) }, edges: edges(pairs))
    }

    @Test func callersSitLeftOfWhatTheyCall() throws {
        let pairs = [("web", "api"), ("api", "orders"), ("api", "search"), ("orders", "db"), ("web", "db")]
        let layout = Self.layout(pairs)
        #expect(layout.backEdges.isEmpty)
        for (from, to) in pairs {
            let a = try #require(layout.places[Self.key(from)])
            let b = try #require(layout.places[Self.key(to)])
            #expect(a.column < b.column, "\(from) -> \(to)")
        }
        // Longest path: db is three calls from web, so in the fourth column.
        #expect(layout.places[Self.key("db")]?.column == 3)
        // web -> db crosses two columns, passing a waypoint in each.
        #expect(layout.waypoints[GraphLayout.Edge(from: Self.key("web"), to: Self.key("db"))]?.map(\.column) == [1, 2])
    }

    @Test func aNodeNothingCallsSitsNextToWhatItCalls() throws {
        // cron calls only db, three calls deep from web: it sits in the column before db's.
        let layout = Self.layout([("web", "api"), ("api", "orders"), ("orders", "db"), ("cron", "db")])
        #expect(layout.places[Self.key("db")]?.column == 3)
        #expect(layout.places[Self.key("cron")]?.column == 2)
        #expect(layout.waypoints[GraphLayout.Edge(from: Self.key("cron"), to: Self.key("db"))] == nil)
    }

    @Test func aCycleIsBrokenByOneEdgeDrawnBackwards() throws {
        let layout = Self.layout([("a", "b"), ("b", "c"), ("c", "a"), ("web", "a")])
        #expect(layout.backEdges == [GraphLayout.Edge(from: Self.key("c"), to: Self.key("a"))])
        let columns = ["a", "b", "c", "web"].map { layout.places[Self.key($0)]?.column }
        #expect(columns == [0, 1, 2, 0] || columns == [1, 2, 3, 0])
    }

    @Test func theSameGraphInAnyOrderGetsTheSamePlaces() throws {
        let pairs = [
            ("gateway", "cart"), ("gateway", "catalog"), ("cart", "redis"), ("checkout", "cart"),
            ("checkout", "payments"), ("gateway", "checkout"), ("catalog", "search"), ("payments", "stripe"),
        ]
        let first = Self.layout(pairs, extra: ["lonely"])
        let second = Self.layout(pairs.reversed(), extra: ["lonely"])
        #expect(first.places == second.places)
        #expect(first.columns == second.columns)
        #expect(first.waypoints == second.waypoints)
        // Every node and every waypoint has a row of its own.
        for column in first.columns { #expect(Set(column).count == column.count) }
    }

    @Test func selfLoopsAndUnknownEndsAreLeftOut() throws {
        let layout = GraphLayout(
            nodes: [Self.key("a")], edges: Self.edges([("a", "a"), ("a", "ghost")]))
        #expect(layout.columns == [[.node(Self.key("a"))]])
        #expect(layout.backEdges.isEmpty)
    }

    @Test func hundredsOfNodesAreLaidOutWithoutOverlap() throws {
        // A wide, deep graph: 20 layers of 20 services, each calling three of the next layer.
        var pairs: [(String, String)] = []
        for layer in 0..<19 {
            for index in 0..<20 {
                for step in 0..<3 { pairs.append(("s\(layer)-\(index)", "s\(layer + 1)-\((index * 7 + step) % 20)")) }
            }
        }
        let layout = Self.layout(pairs)
        #expect(layout.places.count == 400)
        #expect(layout.columns.count == 20)
        let places = Array(layout.places.values)
        #expect(Set(places).count == places.count, "two nodes in one place")
    }
}
