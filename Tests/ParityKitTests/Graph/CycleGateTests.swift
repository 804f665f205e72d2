import Foundation
import ParityDiagnostics
import Testing

@testable import ParityKit

/// A dependency cycle under the spec's `gate: {cycles: warn | fail | ignore}`: a located
/// warning by default, a reason the gate fails with `fail`, nothing with `ignore`; the same
/// in `parity check` and `parity graph`.
@Suite struct CycleGateTests {
    static let header = "apiVersion: parity/v1\nkind: Environment\n"

    /// Production and staging alike (no gap), both with the cycle api -> orders -> api.
    static func repository(gate: String) throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        for (name, tier) in [("production", "production"), ("staging", "staging")] {
            try scratch.write(
                "environments/\(name).yaml",
                header + """
                    metadata: {name: \(name), tier: \(tier), owner: sre}
                    services:
                      - {name: api, image: api, dependencies: [orders]}
                      - {name: orders, image: orders, dependencies: [api]}

                    """)
        }
        // One rule that always holds: the built-in pack would judge these environments too.
        try scratch.write(
            "policies/owners.yaml",
            """
            apiVersion: parity/v1
            kind: Policy
            metadata: {name: owners}
            rules:
              - {id: owners.named, title: T, severity: warning, for: environment, assert: "true", message: m}

            """)
        try scratch.write("parity.yaml", "apiVersion: parity/v1\nkind: ParitySpec\nbuiltin: false\n\(gate)")
        return scratch
    }

    static func check(_ scratch: ScratchFolder) -> Outcome<CheckReport> {
        var options = CheckRun.Options(today: "2026-11-25")
        options.root = scratch.path
        return CheckRun(sources: SourceStore()).run(options)
    }

    @Test func aCycleIsAWarningByDefault() throws {
        let outcome = Self.check(try Self.repository(gate: ""))
        let cycles = outcome.diagnostics.filter { $0.code == .graphCycle }
        #expect(cycles.map(\.severity) == [.warning, .warning], "one per environment")
        #expect(cycles.first?.message.hasPrefix("dependency cycle in production: api -> orders -> api;") == true)
        #expect(cycles.first?.location?.line == 5)
        #expect(outcome.status == .passed)
        #expect(outcome.report?.gate.reasons == [])
        // Cycles come from the edges alone: the whole graphs are kept only when asked (HTML).
        #expect(outcome.report?.graphs.isEmpty == true)
        var options = CheckRun.Options(today: "2026-11-25")
        let scratch = try Self.repository(gate: "")
        options.root = scratch.path
        options.graphs = true
        let drawn = CheckRun(sources: SourceStore()).run(options)
        #expect(drawn.report?.graphs.keys.sorted() == ["production", "staging"])
        #expect(drawn.diagnostics.filter { $0.code == .graphCycle }.map(\.message) == cycles.map(\.message))
    }

    @Test func cyclesFailFailsTheGateOncePerEnvironment() throws {
        let outcome = Self.check(try Self.repository(gate: "gate: {cycles: fail}\n"))
        let report = try #require(outcome.report)
        #expect(
            report.gate.reasons == [
                .dependencyCycles(1, environment: "production"), .dependencyCycles(1, environment: "staging"),
            ])
        #expect(outcome.status == .findings)
        #expect(report.verdict == .noGo)
        #expect(report.gate.reasons.first?.text == "1 dependency cycle in production (gate: cycles: fail)")
        // Still a warning: a cycle is a finding of the gate, not invalid input.
        #expect(outcome.diagnostics.filter { $0.code == .graphCycle }.allSatisfy { $0.severity == .warning })
        #expect(outcome.diagnostics.first { $0.code == .graphCycle }?.message.contains("cycles: fail") == true)
    }

    @Test func cyclesIgnoreSaysNothing() throws {
        let outcome = Self.check(try Self.repository(gate: "gate: {cycles: ignore, failOn: warning}\n"))
        #expect(!outcome.diagnostics.contains { $0.code == .graphCycle })
        #expect(outcome.status == .passed, "\(outcome.diagnostics)")
    }

    @Test func failOnNeverPassesEvenACycle() throws {
        let outcome = Self.check(try Self.repository(gate: "gate: {cycles: fail, failOn: never}\n"))
        #expect(outcome.status == .passed)
    }

    @Test func theGraphCommandFollowsTheGate() throws {
        for (gate, status) in [("", RunStatus.passed), ("gate: {cycles: fail}\n", .findings)] {
            let scratch = try Self.repository(gate: gate)
            var options = GraphRun.Options(subject: .environment("production"))
            options.root = scratch.path
            let outcome = GraphRun(sources: SourceStore()).run(options)
            #expect(outcome.status == status, "gate '\(gate)'")
            #expect(outcome.diagnostics.contains { $0.code == .graphCycle })
        }
    }

    @Test func aLongChainIsSearchedWithoutRecursionAndOnlyItsCycleFound() throws {
        let keys = (0..<50_000).map { DependencyGraph.NodeKey(kind: .service, name: "s\($0)") }
        var edges = (0..<49_999).map {
            DependencyGraph.Edge(from: keys[$0], to: keys[$0 + 1], field: "dependencies", path: ModelPath())
        }
        // The chain's last two call each other; a repeated edge changes nothing.
        edges.append(
            DependencyGraph.Edge(from: keys[49_999], to: keys[49_998], field: "dependencies", path: ModelPath()))
        edges.append(edges[0])
        let cycles = CycleFinder.cycles(of: edges.shuffled())
        #expect(
            cycles.map { $0.map(\.identity.description) } == [
                ["s49998 -> s49999 (dependencies)", "s49999 -> s49998 (dependencies)"]
            ])
        #expect(CycleFinder.cycles(of: Array(edges.dropLast(2))).isEmpty)
    }

    @Test func anUnknownCyclesValueIsALocatedError() throws {
        let scratch = try Self.repository(gate: "gate:\n  cycles: error\n")
        let outcome = Self.check(scratch)
        #expect(outcome.status == .invalidInput)
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.location?.file.hasSuffix("parity.yaml") == true)
        #expect(error.location?.line == 5)
        #expect(error.message.contains("warn") && error.message.contains("fail") && error.message.contains("ignore"))
    }
}

/// Which fields a cycle can pass through, read from the schema: in this schema only a
/// service names a service, so only services' dependencies (declared or inferred) can close one.
@Suite struct CycleFieldsTests {
    @Test func onlyServicesNamingServicesCanCloseACycle() throws {
        let names = CycleFields.environment.fields.compactMap { key -> String? in
            guard key.schema == ObjectIdentifier(EnvironmentSchema.service) else { return "other" }
            return EnvironmentSchema.service.fields[key.position].name
        }.sorted()
        #expect(names == ["dependencies", EnvironmentSchema.inferredField])
    }

    @Test func theCycleWalkFindsWhatTheWholeGraphFinds() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write(
            "cyclic.yaml", GraphvizTests.environment("cyclic", services: GraphvizTests.cases[2].1))
        for (root, name) in [(GraphTests.root, "production"), (GraphTests.root, "staging"), (scratch.path, file)] {
            let workspace = Workspace(root: root, sources: SourceStore())
            let value = try #require(workspace.resolve(nameOrPath: name)?.value)
            let whole = CycleFinder.cycles(in: GraphBuilder().graph(name: name, root: value))
            let walked = CycleFinder.cycles(of: GraphBuilder().cycleEdges(of: value))
            #expect(walked.map { $0.map(\.identity) } == whole.map { $0.map(\.identity) }, "\(name)")
            #expect(whole.count == (name == file ? 2 : 0))
        }
    }
}
