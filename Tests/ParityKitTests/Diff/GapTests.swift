import ParityDiagnostics
@testable import ParityKit
import Testing

/// A gap's fields are one shared box: a changed copy must never change the gap it came from.
@Suite struct GapTests {
    static func gap() -> Gap {
        Gap(
            .changed, at: ModelPath([.field("services"), .item("api"), .field("replicas")]),
            reference: Value(.int(3), at: nil), mirror: Value(.int(1), at: nil), sensitive: false,
            mirrorLocation: nil, referenceLocation: nil)
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = Self.gap()
        var copy = original
        copy.status = .failing(explanation: "allowed variance 'fewer' does not hold")
        copy.kind = .missingEdge
        copy.path = ModelPath([.field("regions")])
        copy.sensitive = true
        copy.missingEdges = [
            DependencyGraph.Edge(
                from: .init(kind: .service, name: "a"), to: .init(kind: .service, name: "b"), field: "dependencies",
                evidence: nil, location: nil, path: ModelPath([.field("services")]))
        ]
        if case .failing(let explanation) = original.status { #expect(explanation == nil) } else { Issue.record() }
        #expect(original.kind == .changed)
        #expect(original.path.description == "services[api].replicas")
        #expect(!original.sensitive)
        #expect(original.missingEdges.isEmpty)
        #expect(copy.kind == .missingEdge && copy.sensitive && copy.missingEdges.count == 1)
    }

    @Test func gapsInAnArrayChangeOneAtATime() {
        var gaps = [Self.gap(), Self.gap()]
        let before = gaps
        gaps[1].status = .baselined
        #expect(gaps[1].isBaselined)
        #expect(!gaps[0].isBaselined && !before[1].isBaselined)
    }
}
