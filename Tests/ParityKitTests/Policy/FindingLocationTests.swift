import Foundation
import Testing
import ParityCEL
import ParityDiagnostics
import ParityTestSupport
import ParityYAML
@testable import ParityKit

/// A finding points at the field its assertion reads, found in the expression's syntax tree.
@Suite struct FindingLocationTests {
    /// The built-in rules, by id.
    static let builtIn: [String: CompiledRule] = {
        let loaded = PolicyLoader().load(
            files: RepositoryLayout.policyFiles(in: BuiltInPolicyTests.policies), sources: SourceStore())
        return Dictionary(loaded.rules.map { ($0.rule.id, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    private func subject(_ marked: MarkedText, name: String, tier: String) throws -> PolicySubject {
        let root = try YAMLLoader().load(marked.bytes, file: "\(name).yaml")[0].root
        let decoded = SchemaDecoder(checksRequiredFields: false).decode(root, as: EnvironmentSchema.root)
        #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics)")
        return PolicySubject(name: name, tier: tier, value: decoded.value)
    }

    private func findings(_ id: String, _ environment: PolicySubject, reference: PolicySubject? = nil) throws
        -> [Finding]
    {
        let rule = try #require(Self.builtIn[id])
        let engine = PolicyEngine(rules: [rule], schema: EnvironmentSchema.root, date: RunDate(day: "2026-11-25")!)
        return engine.evaluate(environments: [environment], pairs: reference.map { [($0, environment)] } ?? [])
    }

    @Test func inTransitPointsAtInTransitNotAtRest() throws {
        let marked = MarkedText(
            """
            datastores:
              - name: orders-db
                kind: database
                engine: postgres
                encryption:
                  atRest: true
                  inTransit: ⟨field⟩false
            """)
        let found = try findings("encryption.in-transit", try subject(marked, name: "staging", tier: "staging"))
        let location = try #require(found.first?.location)
        #expect(found.count == 1)
        #expect(location == marked.location("field", file: "staging.yaml"))
    }

    @Test func aMissingFieldPointsAtTheItem() throws {
        let marked = MarkedText(
            """
            datastores:
              - ⟨item⟩name: orders-db
                kind: database
                engine: postgres
                encryption: {atRest: true}
            """)
        let location = try #require(
            try findings("encryption.in-transit", try subject(marked, name: "staging", tier: "staging")).first?.location
        )
        #expect(location == marked.location("item", file: "staging.yaml"))
    }

    @Test func sharedSecretsPointAtTheMirrorsCredentials() throws {
        let reference = MarkedText(
            """
            access:
              credentials:
                - {name: stripe, kind: api-key, secretRef: vault:prod/stripe, rotation: 90d}
            """)
        let mirror = MarkedText(
            """
            metadata: {name: staging, tier: staging}
            access:
              credentials:
                ⟨credentials⟩- {name: stripe, kind: api-key, secretRef: vault:prod/stripe, rotation: 90d}
            """)
        let found = try findings(
            "data.no-production-secrets", try subject(mirror, name: "staging", tier: "staging"),
            reference: try subject(reference, name: "production", tier: "production"))
        let location = try #require(found.first?.location)
        #expect(location.file == "staging.yaml")
        #expect(location == mirror.location("credentials", file: "staging.yaml"))
    }

    @Test func overdueRotationPointsAtLastRotated() throws {
        let marked = MarkedText(
            """
            access:
              credentials:
                - name: search-token
                  kind: token
                  rotation: 90d
                  lastRotated: ⟨field⟩2025-05-20
            """)
        let location = try #require(
            try findings("credentials.rotation-overdue", try subject(marked, name: "staging", tier: "staging")).first?
                .location)
        #expect(location == marked.location("field", file: "staging.yaml"))
    }

    @Test func selectionsComeFromTheSyntaxTree() throws {
        let expr = try CEL.parse(
            "has(self.encryption) && self.encryption.inTransit && self.reverts.all(self, self.x) && size('self.a') > 0")
        let paths = expr.selections(from: "self")
        #expect(paths.map(\.path) == [["encryption"], ["encryption", "inTransit"], ["reverts"]])
        #expect(paths.map(\.testOnly) == [true, false, false])
        #expect(paths.map(\.iterated) == [false, false, true])
    }
}
