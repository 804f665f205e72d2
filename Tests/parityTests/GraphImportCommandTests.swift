import Foundation
import Testing

/// `parity graph` and `parity import` as a user runs them: output, exit status, usage errors.
@Suite struct GraphImportCommandTests {
    static let manifests =
        "Tests/ParityKitTests/Fixtures/importers/kubernetes/online-boutique/kubernetes-manifests.yaml"
    static let compose = "Tests/ParityKitTests/Fixtures/importers/compose/sock-shop/docker-compose.yml"

    @Test func graphOfAnEnvironmentInEachFormat() throws {
        let dot = try ParityBinary.run(["graph", "production"])
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.hasPrefix("digraph \"production\" {\n"))
        let mermaid = try ParityBinary.run(["graph", "production", "--format", "mermaid"])
        #expect(mermaid.status == 0)
        #expect(mermaid.stdout.hasPrefix("flowchart LR\n"))
        let json = try ParityBinary.run(["graph", "production", "-f", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["environment"] as? String == "production")
    }

    @Test func aPairsMissingEdgesAreFindings() throws {
        let run = try ParityBinary.run(["graph", "--pair", "production:staging"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("subgraph \"cluster_mirror\""))
        #expect(
            run.stdout.contains(
                "\"mirror/service:checkout-api\" -> \"mirror/service:fraud-detector\" [style=\"dashed\""))
    }

    @Test(arguments: [
        ["graph"], ["graph", "production", "--pair", "production:staging"], ["graph", "--pair", "production"],
        ["graph", "production", "--format", "svg"], ["import", "kubernetes"], ["import"],
    ])
    func usageErrors(_ arguments: [String]) throws {
        let run = try ParityBinary.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
    }

    @Test func severalComposeFilesAndPoliciesImportTogether() throws {
        let folder = "Tests/ParityKitTests/Fixtures/importers/compose/overrides/"
        let merged = try ParityBinary.run([
            "import", "compose", folder + "compose.yaml", folder + "compose.prod.yaml", "--name", "shop",
        ])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains(#"version: "1.1"  # \#(folder)compose.prod.yaml:4"#))
        #expect(merged.stdout.contains(#"API_URL: "http://api:8000"  # \#(folder)compose.yaml:11"#))
        let policies = "Tests/ParityKitTests/Fixtures/importers/kubernetes/network-policies/network-policies.yaml"
        let isolated = try ParityBinary.run(["import", "kubernetes", Self.manifests, policies])
        #expect(isolated.status == 0)
        #expect(isolated.stdout.contains("isolated by NetworkPolicy 'deny-all'"))
        #expect(isolated.stderr.contains("\(policies):149:15: warning: the address range 10.0.0.0/8"))
    }

    @Test func anUnknownEnvironmentIsInvalidInput() throws {
        let run = try ParityBinary.run(["graph", "nowhere"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("nowhere"))
    }

    @Test func importWritesToStandardOutputWithLocatedWarnings() throws {
        let run = try ParityBinary.run([
            "import", "kubernetes", Self.manifests, "--name", "boutique", "--owner", "shop-team",
        ])
        #expect(run.status == 0)
        #expect(
            run.stdout.contains("apiVersion: parity/v1\nkind: Environment\nmetadata:\n  name: \"boutique\"  # --name\n")
        )
        #expect(run.stdout.contains("  owner: \"shop-team\"  # --owner\n"))
        #expect(
            run.stderr.contains(
                "\(Self.manifests):90:20: warning: environment variable 'SHOPPING_ASSISTANT_SERVICE_ADDR'"))
        #expect(!run.signalled)
    }

    @Test func importRefusesToOverwriteUnlessForced() throws {
        let folder = try ParityBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("sock-shop.yaml").path
        let first = try ParityBinary.run(["import", "compose", Self.compose, "--output", output])
        #expect(first.status == 0)
        #expect(first.stdout.isEmpty)
        let again = try ParityBinary.run(["import", "compose", Self.compose, "--output", output])
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists; not overwriting it (pass --force to replace it) [import.output-exists]"))
        let forced = try ParityBinary.run(["import", "compose", Self.compose, "--output", output, "--force"])
        #expect(forced.status == 0)
        let lint = try ParityBinary.run(["lint", output])
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stderr.isEmpty)
    }

    @Test func unreadableInputIsInvalidInput() throws {
        let run = try ParityBinary.run(["import", "compose", "no/such/compose.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no/such/compose.yaml"))
    }
}
