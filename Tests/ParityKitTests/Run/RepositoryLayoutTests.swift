import Testing
import ParityDiagnostics
@testable import ParityKit

/// One layout for every command: the folders parity.yaml names, policies and their tests at
/// any depth, and one rule for an argument that is both a name and a file.
@Suite struct RepositoryLayoutTests {
    static let header = "apiVersion: parity/v1\nkind: Environment\n"
    static let policy = """
        apiVersion: parity/v1
        kind: Policy
        metadata: {name: nested}
        rules:
          - {id: nested.replicas, title: T, severity: error, for: services, assert: self.replicas > 1, message: m}

        """
    static let test = """
        apiVersion: parity/v1
        kind: PolicyTest
        cases:
          - name: one replica
            environment: {services: [{name: api, image: api, replicas: 1}]}
            expect: {nested.replicas: fail}

        """

    @Test func policyTestsInASubfolderRun() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "environments/prod.yaml", Self.header + "metadata: {name: prod, tier: production, owner: sre}\n")
        try scratch.write("policies/nested/rules.yaml", Self.policy)
        try scratch.write("policies/nested/rules.test.yaml", Self.test)
        var options = PolicyTestRun.Options()
        options.root = scratch.path
        let outcome = PolicyTestRun(sources: SourceStore()).run(options)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(outcome.report?.outcomes.map(\.ruleID) == ["nested.replicas"])
        #expect(outcome.report?.untested == [])
        #expect(outcome.status == .passed)
    }

    @Test func lintReadsThePoliciesFolderTheSpecNames() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "environments/prod.yaml", Self.header + "metadata: {name: prod, tier: production, owner: sre}\n")
        try scratch.write("parity.yaml", "apiVersion: parity/v1\nkind: ParitySpec\npolicies: guardrails\n")
        try scratch.write("guardrails/broken.yaml", "apiVersion: parity/v2\nkind: Policy\n")
        var options = LintRun.Options()
        options.root = scratch.path
        let outcome = LintRun(sources: SourceStore()).run(options)
        #expect(outcome.diagnostics.map(\.code) == [.schemaUnknownAPIVersion])
        #expect(outcome.diagnostics.first?.location?.file == scratch.path + "/guardrails/broken.yaml")
        #expect(outcome.status == .invalidInput)
    }

    @Test func lintOfTheCleanMirrorExampleChecksThePoliciesCheckRuns() throws {
        let root = Golden.repositoryRoot.appendingPathComponent("examples/clean-mirror").path
        let (layout, diagnostics) = RepositoryLayout.load(root: root, sources: SourceStore())
        #expect(diagnostics.isEmpty)
        #expect(
            Workspace.canonical(layout.policiesFolder)
                == Workspace.canonical(Golden.repositoryRoot.appendingPathComponent("policies").path))
        #expect(!layout.policyFiles.isEmpty)
        #expect(layout.policyTestFiles.allSatisfy(RepositoryLayout.isPolicyTest))
        #expect(Set(layout.policyFiles).isDisjoint(with: layout.policyTestFiles))
    }

    @Test func aNameWinsOverAFileOfTheSameNameInDiffEvalAndExport() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "environments/prod.yaml", Self.header + "metadata: {name: prod, tier: production, owner: sre}\n")
        try scratch.write("environments/stg.yaml", Self.header + "metadata: {name: stg, tier: staging, owner: sre}\n")
        // A file at the root whose path reads like the name, holding another environment.
        let impostor = try scratch.write("stg", Self.header + "metadata: {name: impostor, tier: staging, owner: sre}\n")
        let workspace = Workspace(root: scratch.path, sources: SourceStore())
        #expect(workspace.resolve(nameOrPath: "stg")?.name == "stg")
        #expect(workspace.resolve(nameOrPath: impostor)?.name == "impostor")

        var diff = DiffRun.Options(reference: "prod", mirror: "stg", today: "2026-11-25")
        diff.root = scratch.path
        #expect(DiffRun(sources: SourceStore()).run(diff).report?.mirror == "stg")
        var export = ExportRun.Options(environments: ["stg"])
        export.root = scratch.path
        #expect(ExportRun(sources: SourceStore()).run(export).report?.models.map(\.name) == ["stg"])
        var eval = EvalRun.Options(expression: "env.metadata.name")
        eval.environment = "stg"
        eval.root = scratch.path
        #expect(EvalRun(sources: SourceStore()).run(eval).report?.json == "\"stg\"")
    }

    @Test func specIsDecodedIntoItsTypeOnceWithItsOwnFile() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("parity.yaml", """
            apiVersion: parity/v1
            kind: ParitySpec
            pairs:
              - reference: a
                mirror: a

            """)
        let (_, diagnostics) = SpecLoader.load(nil, root: scratch.path, sources: SourceStore())
        // Once, not once from lint's checker and again from the loader; at the spec's own file.
        #expect(diagnostics.map(\.code) == [.specInvalidPair])
        #expect(diagnostics.first?.location?.file == file)
        let linted = LintRun(sources: SourceStore()).run(LintRun.Options(paths: [file]))
        #expect(linted.diagnostics.map(\.location?.file) == [file])
    }
}

/// A PolicyTest file is decoded once, by the same function for `lint` and `policy test`.
@Suite struct PolicyTestDecodingTests {
    @Test func lintReportsWhatPolicyTestWouldRefuse() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("cases.test.yaml", """
            apiVersion: parity/v1
            kind: PolicyTest
            cases:
              - name: both
                environment: {services: []}
                file: env.yaml
                expect: {a.b: pass}
              - name: odd
                environment: {services: []}
                expect: {a.b: maybe}

            """)
        let linted = LintRun(sources: SourceStore()).run(LintRun.Options(paths: [file]))
        #expect(linted.diagnostics.map(\.code) == [.policyTestInvalid, .policyTestInvalid])
        #expect(linted.diagnostics.map { $0.location?.line } == [6, 10])
        #expect(linted.status == .invalidInput)
    }
}
