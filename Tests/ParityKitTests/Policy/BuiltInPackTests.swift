import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// The pack compiled into the binary is `policies/`, and every repository runs it beside its
/// own rules: replaced by id, disabled with a reason, or left out with `builtin: false`.
@Suite struct BuiltInPackTests {
    static let policies = Golden.repositoryRoot.appendingPathComponent("policies").path

    @Test func theCompiledPackIsPoliciesFolder() throws {
        let onDisk = RepositoryLayout.policyFiles(in: Self.policies).map { String($0.dropFirst(Self.policies.count + 1)) }
        let compiled = BuiltInPack.policyFiles
        #expect(compiled.map(\.name) == onDisk, "the pack's files differ from policies/; run `swift run parity-pack`")
        for file in compiled {
            let text = try String(contentsOfFile: (Self.policies as NSString).appendingPathComponent(file.name), encoding: .utf8)
            #expect(file.text == text, "\(file.name) differs from policies/\(file.name); run `swift run parity-pack`")
        }
    }

    @Test func everyPackRuleCompilesWithoutADiagnostic() {
        let sources = SourceStore()
        let set = PolicySet.load(spec: ParitySpec(), root: try! ScratchFolder().path, sources: sources)  // a fresh folder can be made
        #expect(set.diagnostics.isEmpty, "\(DiagnosticRenderer(sources: sources).render(set.diagnostics))")
        #expect(set.entries.count >= 20)
        #expect(set.entries.allSatisfy { $0.origin == .builtIn && $0.source == "built-in" })
        let location = try? #require(set.entries.first?.rule.rule.location)
        #expect(location.map(BuiltInPack.contains) == true)
        #expect(location.flatMap { sources.line($0.line, of: $0.file) }?.contains("- id:") == true, "the pack's text is there to quote")
    }

    @Test func inThisRepositoryEveryRuleRunsOnce() {
        let sources = SourceStore()
        let (spec, _) = SpecLoader.load(nil, root: Golden.repositoryRoot.path, sources: sources)
        let set = PolicySet.load(spec: spec, root: Golden.repositoryRoot.path, sources: sources)
        let pack = PolicySet.load(spec: ParitySpec(), root: "/nonexistent", sources: SourceStore())
        #expect(set.diagnostics.isEmpty)
        #expect(set.entries.map(\.rule.rule.id) == pack.entries.map(\.rule.rule.id))
        #expect(Set(set.entries.map(\.rule.rule.id)).count == set.entries.count)
        #expect(set.entries.allSatisfy { $0.origin == .sameAsBuiltIn })
        // The repository's own file is where the rule is read from, so carets point into it.
        #expect(set.entries.allSatisfy { $0.rule.rule.location?.file.hasSuffix(".yaml") == true && !BuiltInPack.contains($0.rule.rule.location) })
        #expect(set.entries.first?.source.hasPrefix("built-in (the same rule as ") == true)
    }

    @Test func aRepositoryRuleWithABuiltInIdReplacesIt() throws {
        let folder = try ScratchFolder()
        try folder.write("policies/own.yaml", """
            apiVersion: parity/v1
            kind: Policy
            metadata: {name: own}
            rules:
              - id: encryption.tls-on-ports
                title: Ports use TLS, or say why not
                severity: info
                for: ports
                assert: has(self.tls) && self.tls
                message: "port {{ self.port }} has no TLS"
              - id: own.replicas
                title: Two replicas at least
                severity: warning
                for: services
                assert: self.replicas >= 2
                message: one replica
            """)
        let set = PolicySet.load(spec: ParitySpec(), root: folder.path, sources: SourceStore())
        let pack = PolicySet.load(spec: ParitySpec(), root: "/nonexistent", sources: SourceStore())
        #expect(set.diagnostics.isEmpty)
        #expect(set.entries.count == pack.entries.count + 1)
        let replaced = try #require(set.entries.first { $0.rule.rule.id == "encryption.tls-on-ports" })
        #expect(replaced.origin == .replacesBuiltIn)
        #expect(replaced.rule.rule.severity == .info)
        #expect(replaced.source.hasSuffix("own.yaml:5:5 (replaces the built-in rule)"))
        // The replacement takes the built-in rule's place; the repository's new rules follow the pack.
        #expect(set.entries.firstIndex { $0.rule.rule.id == "encryption.tls-on-ports" } == pack.entries.firstIndex { $0.rule.rule.id == "encryption.tls-on-ports" })
        #expect(set.entries.last?.rule.rule.id == "own.replicas")
        #expect(set.entries.last?.origin == .repository)
    }

    @Test func disablingNeedsAKnownIdAndAReason() throws {
        let folder = try ScratchFolder()
        let sources = SourceStore()
        try folder.write("parity.yaml", """
            apiVersion: parity/v1
            kind: ParitySpec
            rules:
              disable:
                - {id: observability.metrics-parity, reason: metrics go to the shared cluster}
                - {id: encryption.at-rst, reason: typo}
            """)
        let (spec, diagnostics) = SpecLoader.load(nil, root: folder.path, sources: sources)
        #expect(diagnostics.isEmpty)
        let set = PolicySet.load(spec: spec, root: folder.path, sources: sources)
        #expect(!set.entries.contains { $0.rule.rule.id == "observability.metrics-parity" })
        #expect(set.disabled.map(\.entry.rule.rule.id) == ["observability.metrics-parity"])
        #expect(set.disabled.first?.reason == "metrics go to the shared cluster")
        #expect(set.knownIDs.contains("observability.metrics-parity"))
        let text = DiagnosticRenderer(sources: sources).render(set.diagnostics)
        #expect(text.hasPrefix("\(folder.path)/parity.yaml:6:12: warning: 'rules.disable' names rule 'encryption.at-rst', which no policy has; did you mean 'encryption.at-rest'?"), "\(text)")
    }

    @Test func aDisabledRuleWithoutAReasonIsInvalidAtItsLine() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("parity.yaml", """
            apiVersion: parity/v1
            kind: ParitySpec
            rules:
              disable:
                - id: observability.metrics-parity
                - {id: audit.log-enabled, reason: "  "}
            """)
        let lines = Linter(sources: SourceStore()).lint(paths: [file]).map(\.description)
        #expect(lines.contains { $0.hasPrefix("\(file):5:7: error: ") && $0.contains("'reason'") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(file):6:39: error: disabling 'audit.log-enabled' needs a reason") }, "\(lines)")
    }

    @Test func builtinFalseRunsTheRepositoryRulesOnly() throws {
        let folder = try ScratchFolder()
        let sources = SourceStore()
        try folder.write("parity.yaml", "apiVersion: parity/v1\nkind: ParitySpec\nbuiltin: false\n")
        let (spec, _) = SpecLoader.load(nil, root: folder.path, sources: sources)
        let none = PolicySet.load(spec: spec, root: folder.path, sources: sources)
        #expect(none.entries.isEmpty)
        #expect(none.diagnostics.map(\.description) == [
            "\(folder.path)/parity.yaml:3:10: warning: no policies folder '\(folder.path)/policies' and the built-in pack is off (builtin: false); no guardrail runs [check.no-policies]",
        ])
        try folder.write("policies/own.yaml", """
            apiVersion: parity/v1
            kind: Policy
            metadata: {name: own}
            rules:
              - {id: own.one, title: One, severity: error, for: services, assert: "true", message: m}
            """)
        let own = PolicySet.load(spec: spec, root: folder.path, sources: sources)
        #expect(own.entries.map(\.rule.rule.id) == ["own.one"])
        #expect(own.diagnostics.isEmpty)
    }
}
