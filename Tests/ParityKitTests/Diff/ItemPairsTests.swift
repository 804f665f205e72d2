import Testing
@testable import ParityKit

/// Pairs of items kept for one pair of trees and shared by many variance paths give each
/// path what a fresh expansion gives it: the same paths, with the same values on each side.
@Suite struct ItemPairsTests {
    static func service(_ name: String, replicas: Int, ports: [Int]) -> Value {
        let portItems = ports.map { port in
            Value(.object(Fields([("port", Value(.int(port), at: nil)), ("protocol", Value(.string("http"), at: nil))])),
                  at: nil)
        }
        return Value(
            .object(
                Fields([
                    ("name", Value(.string(name), at: nil)), ("replicas", Value(.int(replicas), at: nil)),
                    ("ports", Value(.list(portItems), at: nil)),
                ])), at: nil)
    }

    static func environment(_ services: [Value]) -> Value {
        Value(.object(Fields([("services", Value(.list(services), at: nil))])), at: nil)
    }

    @Test func sharedPairsExpandAsFreshOnes() {
        let reference = Self.environment([
            Self.service("a", replicas: 3, ports: [80, 443]), Self.service("b", replicas: 2, ports: [80]),
            Self.service("c", replicas: 1, ports: []),
        ])
        let mirror = Self.environment([
            Self.service("b", replicas: 1, ports: [8080]), Self.service("d", replicas: 1, ports: [80]),
            Self.service("a", replicas: 2, ports: [443]),
        ])
        let patterns = [
            "services[*].replicas", "services[*].ports", "services[*].ports[*].port", "services[*]",
            "services[a].ports[*]", "services[*].ports[*].protocol", "services[*].replicas",
        ].map { ModelPath(parsing: $0)! }  // literal paths: cannot fail
        let lookups = (reference: ItemLookup(), mirror: ItemLookup()), pairs = ItemPairs()
        for pattern in patterns {
            let shared = pattern.expanded(reference: reference, mirror: mirror, lookups: lookups, pairs: pairs)
            let fresh = pattern.expanded(reference: reference, mirror: mirror)
            #expect(shared.map(\.path) == fresh.map(\.path), "\(pattern)")
            #expect(shared.map { $0.reference?.canonicalText } == fresh.map { $0.reference?.canonicalText }, "\(pattern)")
            #expect(shared.map { $0.mirror?.canonicalText } == fresh.map { $0.mirror?.canonicalText }, "\(pattern)")
            #expect(!fresh.isEmpty, "\(pattern)")
        }
    }
}
