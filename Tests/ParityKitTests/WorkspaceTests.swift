import Foundation
import Testing
import ParityTestSupport
import ParityDiagnostics
@testable import ParityKit

@Suite struct WorkspaceTests {
    let header = "apiVersion: parity/v1\nkind: Environment\n"

    @Test func findsEnvironmentsByMetadataNameInFilesAndFolders() throws {
        let scratch = try ScratchFolder()
        try scratch.write("environments/prod/a.yaml", header + "metadata: {name: live, tier: production, owner: sre}\n")
        try scratch.write("environments/prod/b.yaml", header + "services: [{name: api, image: api}]\n")
        try scratch.write("environments/qa.yml", header + "metadata: {name: qa, tier: test, owner: sre}\n")
        try scratch.write("environments/notes.txt", "not yaml")
        let workspace = Workspace(root: scratch.path)
        #expect(workspace.environmentNames == ["live", "qa"])
        let live = try #require(workspace.resolve(named: "live"))
        #expect(live.diagnostics.isEmpty)
        #expect(
            live.value["services"]?.list?.first?["image"]?.location?.file == scratch.path + "/environments/prod/b.yaml")
        #expect(workspace.resolve(named: "nope") == nil)
        #expect(
            workspace.unknownEnvironment("liev").message == "no environment or file named 'liev'; did you mean 'live'?")
    }

    @Test func extendsOverridesAndKeepsWhereEachValueWasWritten() throws {
        let scratch = try ScratchFolder()
        let baseText = MarkedText(
            header + """
                metadata: {name: base, tier: production, owner: sre}
                regions: [us-east-1, eu-west-1]
                services:
                  - {name: api, image: ⟨image⟩api, replicas: 6, ports: [{port: 443}], config: {A: "1", B: "2"}}
                  - {name: web, image: web, replicas: 3}
                observability:
                  tracing: {enabled: true, sampleRate: 0.5}

                """)
        let base = try scratch.write("environments/base.yaml", baseText.text)
        let childText = MarkedText(
            header + """
                extends: base
                metadata: {name: child, tier: staging}
                regions: [us-east-1]
                services:
                  - {name: api, replicas: ⟨replicas⟩2, config: {B: "3"}}
                  - {name: worker, image: worker}
                observability:
                  tracing: {sampleRate: 0.1}

                """)
        let child = try scratch.write("environments/child.yaml", childText.text)
        let workspace = Workspace(root: scratch.path)
        let resolved = try #require(workspace.resolve(named: "child"))
        #expect(resolved.diagnostics.isEmpty)
        #expect(resolved.lineage == ["child", "base"])
        let value = resolved.value
        #expect(value["extends"] == nil)
        #expect(value["metadata"]?["owner"]?.string == "sre")
        #expect(value["metadata"]?["tier"]?.string == "staging")
        // A set is replaced whole; named items merge by name, in the parent's order.
        #expect(value["regions"]?.list?.compactMap(\.string) == ["us-east-1"])
        let services = value["services"]?.list ?? []
        #expect(services.compactMap(\.name) == ["api", "web", "worker"])
        #expect(services[0]["replicas"]?.int == 2)
        #expect(services[0]["image"]?.string == "api")
        #expect(services[0]["config"]?["A"]?.string == "1")
        #expect(services[0]["config"]?["B"]?.string == "3")
        #expect(value["observability"]?["tracing"]?["enabled"]?.bool == true)
        #expect(value["observability"]?["tracing"]?["sampleRate"]?.double == 0.1)
        // Inherited values point into the parent's file, overrides into the child's.
        #expect(services[0]["image"]?.location == baseText.location("image", file: base))
        #expect(services[0]["replicas"]?.location == childText.location("replicas", file: child))
        #expect(services[1]["replicas"]?.location?.file == base)
    }

    @Test func problemsInInheritedValuesPointAtTheParent() throws {
        let scratch = try ScratchFolder()
        let base = try scratch.write(
            "environments/base.yaml",
            header
                + "metadata: {name: base, tier: production, owner: sre}\nregions: [us-east-1, eu-west-1]\nservices: [{name: api, image: api, regions: [eu-west-1]}]\n"
        )
        try scratch.write(
            "environments/child.yaml",
            header + "extends: base\nmetadata: {name: child, tier: staging, owner: sre}\nregions: [us-east-1]\n")
        let resolved = try #require(Workspace(root: scratch.path).resolve(named: "child"))
        #expect(resolved.diagnostics.map(\.code) == [.modelUnknownReference])
        #expect(resolved.diagnostics.first?.location?.file == base)
    }

    @Test func anEnvironmentThatExtendsNeedsItsOwnName() throws {
        let scratch = try ScratchFolder()
        try scratch.write("environments/base.yaml", header + "metadata: {name: base, tier: production, owner: sre}\n")
        let child = try scratch.write("environments/child.yaml", header + "extends: base\nmetadata: {tier: staging}\n")
        let workspace = Workspace(root: scratch.path)
        let source = try #require(workspace.source(containing: child))
        let resolved = workspace.resolve(source)
        #expect(resolved.diagnostics.map(\.code) == [.schemaMissingField])
    }

    @Test func aFileGivenByPathExtendsTheRepository() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "environments/base.yaml",
            header + "metadata: {name: base, tier: production, owner: sre}\nregions: [us-east-1]\n")
        let loose = try scratch.write(
            "elsewhere/mine.yaml", header + "extends: base\nmetadata: {name: mine, tier: development, owner: me}\n")
        let workspace = Workspace(root: scratch.path)
        let resolved = workspace.resolve(workspace.load(path: loose))
        #expect(resolved.diagnostics.isEmpty)
        #expect(resolved.value["regions"]?.list?.first?.string == "us-east-1")
        #expect(workspace.environmentNames == ["base"])
    }

    @Test func documentsOfOtherKindsDoNotBelongInAnEnvironment() throws {
        let scratch = try ScratchFolder()
        try scratch.write("environments/odd.yaml", "apiVersion: parity/v1\nkind: Policy\n")
        let workspace = Workspace(root: scratch.path)
        let diagnostics = workspace.environments.flatMap { workspace.resolve($0).diagnostics }
        #expect(diagnostics.map(\.code) == [.schemaUnknownKind])
    }

    @Test func theSampleRepositoryResolvesCleanly() throws {
        let root = Golden.repositoryRoot.path
        let workspace = Workspace(root: root)
        #expect(workspace.environmentNames == ["preview", "production", "staging"])
        #expect(workspace.diagnostics.isEmpty)
        for name in workspace.environmentNames {
            let resolved = try #require(workspace.resolve(named: name))
            #expect(resolved.diagnostics.isEmpty, "\(name): \(resolved.diagnostics)")
        }
        let production = try #require(workspace.resolve(named: "production"))
        #expect((production.value["services"]?.list?.count ?? 0) >= 12)
        #expect(production.value["regions"]?.list?.count == 3)
        let preview = try #require(workspace.resolve(named: "preview"))
        #expect(preview.lineage == ["preview", "staging"])
        let stripe = preview.value["externals"]?.list?.first { $0.name == "stripe" }
        #expect(stripe?["mode"]?.string == "mock")
        #expect(stripe?["credential"]?.location?.file == root + "/environments/staging.yaml")
    }
}

extension WorkspaceTests {
    @Test func anEmptyEnvironmentFileIsReported() throws {
        let scratch = try ScratchFolder()
        let empty = try scratch.write("environments/empty.yaml", "# nothing yet\n")
        let workspace = Workspace(root: scratch.path)
        let diagnostics = workspace.environments.flatMap { workspace.resolve($0).diagnostics }
        #expect(diagnostics.map(\.code) == [.schemaMissingField])
        #expect(diagnostics.first?.location == .file(empty))
    }
}

extension WorkspaceTests {
    @Test func commandLineWordsAreNamesOrPaths() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write(
            "environments/p.yaml", header + "metadata: {name: prod, tier: production, owner: sre}\n")
        try scratch.write("environments/s.yaml", header + "metadata: {name: stage, tier: staging, owner: sre}\n")
        let workspace = Workspace(root: scratch.path)
        #expect(workspace.resolve(namesOrPaths: []).environments.map(\.name) == ["prod", "stage"])
        let (environments, unknown) = workspace.resolve(namesOrPaths: ["stage", file, "prdo"])
        #expect(environments.map(\.name) == ["stage", "prod"])
        #expect(unknown.map(\.message) == ["no environment or file named 'prdo'; did you mean 'prod'?"])
    }
}

extension WorkspaceTests {
    @Test func aChildInheritsItsParentsProblems() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "environments/base.yaml",
            header
                + "metadata: {name: base, tier: production, owner: sre}\nservices: [{name: api, image: api, replicas: many}]\n"
        )
        try scratch.write(
            "environments/child.yaml", header + "extends: base\nmetadata: {name: child, tier: staging, owner: sre}\n")
        let child = try #require(Workspace(root: scratch.path).resolve(named: "child"))
        #expect(child.diagnostics.map(\.code) == [.schemaTypeMismatch])
    }

    /// Resolving every environment at once (the checks on every core) gives what resolving
    /// each in turn gives, in the same order: values, lineage and every diagnostic.
    @Test func resolvingAllAtOnceIsResolvingEachInTurn() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "environments/base.yaml",
            header + "metadata: {name: base, tier: production, owner: sre}\n"
                + "services: [{name: api, image: api, dependencies: [nowhere]}, {name: web}]\n")
        try scratch.write(
            "environments/child.yaml",
            header + "extends: base\nmetadata: {name: child, tier: staging, owner: sre}\nregions: [eu-west-1]\n")
        try scratch.write("environments/orphan.yaml", header + "extends: base\nmetadata: {tier: test}\n")
        try scratch.write("environments/empty.yaml", "")
        try scratch.write(
            "environments/big.yaml",
            header + "metadata: {name: big, tier: test, owner: sre}\nservices:\n"
                + (0..<50).map { "  - {name: s\($0), image: s, dependencies: [s\($0 + 1)]}\n" }.joined())
        let workspace = Workspace(root: scratch.path)
        let together = workspace.resolve(workspace.environments)
        let inTurn = workspace.environments.map { workspace.resolve($0) }
        #expect(together.count == inTurn.count && together.count == 5)
        for (a, b) in zip(together, inTurn) {
            #expect(a.name == b.name && a.lineage == b.lineage)
            #expect(a.value.sameContent(as: b.value))
            #expect(a.diagnostics.map(\.message) == b.diagnostics.map(\.message))
            #expect(a.diagnostics.map(\.location) == b.diagnostics.map(\.location))
        }
        // The problems are there to compare: a dangling reference, a missing field, a missing name.
        #expect(together.flatMap(\.diagnostics).count >= 4)
    }
}
