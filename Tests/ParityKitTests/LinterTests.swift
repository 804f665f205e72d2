import Testing
import ParityDiagnostics
@testable import ParityKit

@Suite struct LinterTests {
    let header = "apiVersion: parity/v1\nkind: Environment\n"

    @Test func lintsEnvironmentsPoliciesAndTheSpecOfARepository() throws {
        let scratch = try ScratchFolder()
        try scratch.write("environments/prod.yaml", header + "metadata: {name: prod, tier: production, owner: sre}\n")
        try scratch.write("policies/guardrails.yaml", """
            apiVersion: parity/v1
            kind: Policy
            metadata: {name: guardrails}
            rules:
              - {id: a.b, title: T, severity: error, for: services, assert: self.replicas > 0, message: m}

            """)
        try scratch.write("policies/nested/broken.yaml", "apiVersion: parity/v2\nkind: Policy\n")
        try scratch.write("policies/.hidden/skipped.yaml", "kind: Nonsense\n")
        try scratch.write("parity.yaml", "apiVersion: parity/v1\nkind: ParitySpc\n")
        let diagnostics = Linter(sources: SourceStore()).lintRepository(at: scratch.path)
        #expect(diagnostics.map(\.code) == [.schemaUnknownKind, .schemaUnknownAPIVersion])
        #expect(
            diagnostics.map { $0.location?.file } == [
                scratch.path + "/parity.yaml", scratch.path + "/policies/nested/broken.yaml",
            ])
    }

    @Test func aFileOfAFolderEnvironmentIsLintedWithItsFolder() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "environments/prod/meta.yaml",
            header + "metadata: {name: prod, tier: production, owner: sre}\nregions: [us-east-1]\n")
        let services = try scratch.write(
            "environments/prod/services.yaml", header + "services: [{name: api, image: api, regions: [us-east-1]}]\n")
        // Alone, services.yaml lacks metadata and regions; with its folder it is complete.
        #expect(Linter(sources: SourceStore()).lint(paths: [services], root: scratch.path).isEmpty)
    }

    @Test func eachProblemIsReportedOnceThoughEveryChildInheritsIt() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "environments/base.yaml",
            header
                + "metadata: {name: base, tier: production, owner: sre}\nservices: [{name: api, image: api, dependencies: [nope]}]\n"
        )
        try scratch.write(
            "environments/a.yaml", header + "extends: base\nmetadata: {name: a, tier: staging, owner: sre}\n")
        try scratch.write(
            "environments/b.yaml", header + "extends: base\nmetadata: {name: b, tier: test, owner: sre}\n")
        let diagnostics = Linter(sources: SourceStore()).lintRepository(at: scratch.path)
        #expect(diagnostics.map(\.code) == [.modelUnknownReference])
    }

    @Test func otherKindsAreCheckedOnTheirOwn() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("policy.yaml", "apiVersion: parity/v1\nkind: Policy\n---\napiVersion: parity/v1\n")
        let diagnostics = Linter(sources: SourceStore()).lint(paths: [file], root: scratch.path)
        // The policy lacks metadata and rules; the second document lacks its kind.
        #expect(diagnostics.map(\.code) == [.schemaMissingField, .schemaMissingField, .schemaMissingField])
    }

    @Test func policyExpressionsAreTypeCheckedByLint() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("policy.yaml", """
            apiVersion: parity/v1
            kind: Policy
            metadata: {name: p}
            rules:
              - id: a.b
                title: T
                severity: error
                for: services
                assert: self.replcias > 0
                message: m

            """)
        let diagnostics = Linter(sources: SourceStore()).lint(paths: [file], root: scratch.path)
        #expect(
            diagnostics.map(\.description) == [
                "\(file):9:17: error: in the assertion of rule 'a.b': no such field 'replcias' on parity.Service; did you mean 'replicas'? [cel.no-such-field]"
            ])
    }

    @Test func aMissingFileIsReported() throws {
        let scratch = try ScratchFolder()
        let diagnostics = Linter(sources: SourceStore()).lint(
            paths: [scratch.path + "/absent.yaml"], root: scratch.path)
        #expect(diagnostics.map(\.code) == ["io.unreadable"])
    }

    @Test func theSampleRepositoryIsClean() {
        #expect(Linter(sources: SourceStore()).lintRepository(at: Golden.repositoryRoot.path).isEmpty)
    }
}

extension LinterTests {
    @Test func theEnvironmentsAndPoliciesFoldersAreLintedItemByItem() throws {
        let scratch = try ScratchFolder()
        try scratch.write("environments/a.yaml", header + "metadata: {name: a, tier: production, owner: sre}\n")
        try scratch.write(
            "environments/b.yaml", header + "extends: a\nmetadata: {name: b, tier: staging, owner: sre}\n")
        try scratch.write("policies/p.yaml", "apiVersion: parity/v1\nkind: Policy\nmetadata: {name: p}\nrules: []\n")
        let linter = Linter(sources: SourceStore())
        #expect(
            linter.lint(paths: [scratch.path + "/environments", scratch.path + "/policies/"], root: scratch.path)
                .isEmpty)
        try scratch.write("policies/q.yaml", "apiVersion: parity/v1\nkind: Polcy\n")
        #expect(
            linter.lint(paths: [scratch.path + "/policies"], root: scratch.path).map(\.code) == [.schemaUnknownKind])
    }
}
