import Foundation
import ParityDiagnostics
import Testing

@testable import ParityKit

/// NetworkPolicies imported with the Online Boutique manifests they are written for: each
/// workload a policy selects is isolated (a default deny leaves `ingress: []`), its rules let
/// the selected workloads through on their ports (named ports read from the container), and
/// what a service's ingress and egress cannot name is a warning at its line.
@Suite struct NetworkPolicyImportTests {
    static let manifests = "kubernetes/online-boutique/kubernetes-manifests.yaml"
    static let policies = "kubernetes/network-policies/network-policies.yaml"
    static let goldens = Golden.testsFolder.appendingPathComponent("Golden/import")

    static func imported(
        name: String = "boutique", tier: String = "production"
    ) throws -> (
        text: String, diagnostics: [Diagnostic]
    ) {
        let outcome = ImportTests.run(.kubernetes, [manifests, policies]) {
            $0.name = name
            $0.tier = tier
        }
        return (try #require(outcome.report?.text, "\(outcome.diagnostics)"), outcome.diagnostics)
    }

    /// The value at `path` of the imported environment, read back through the loader.
    static func model(_ text: String) throws -> Value {
        let scratch = try ScratchFolder()
        let file = try scratch.write("boutique.yaml", text)
        #expect(ImportTests.lint(file).isEmpty, "the import lints clean")
        let workspace = Workspace(root: scratch.path, sources: SourceStore(), environmentsFolder: ".")
        return try #require(workspace.resolve(nameOrPath: file)?.value)
    }

    static func traffic(_ model: Value, _ path: String) -> [String] {
        guard let list = model.value(at: ModelPath(parsing: path)!)?.list else { return ["absent"] }
        return list.map { entry in
            let peer = entry["from"]?.string ?? entry["to"]?.string ?? "?"
            let ports = entry["ports"]?.list?.compactMap(\.int).map(String.init).joined(separator: ",")
            return ports.map { "\(peer):\($0)" } ?? peer
        }
    }

    @Test func policiesBecomeEachItemsIngressAndEgress() throws {
        let (text, diagnostics) = try Self.imported()
        try Golden.check(text, against: Self.goldens.appendingPathComponent("online-boutique-policies.yaml"))
        let warnings = diagnostics.filter { $0.location?.file == Self.policies }.map { "\($0)\n" }.joined()
        try Golden.check(warnings, against: Self.goldens.appendingPathComponent("online-boutique-policies.warnings"))
        let model = try Self.model(text)
        // Callers let in on the port the rule names; everything else denied by deny-all.
        #expect(Self.traffic(model, "services[cartservice].ingress") == ["checkoutservice:7070", "frontend:7070"])
        #expect(Self.traffic(model, "datastores[redis-cart].ingress") == ["cartservice:6379"])
        #expect(Self.traffic(model, "services[frontend].ingress") == ["any"], "an empty rule lets everyone in")
        #expect(Self.traffic(model, "services[adservice].ingress") == [], "deny-all and nothing else")
        #expect(Self.traffic(model, "services[adservice].egress") == [])
        #expect(Self.traffic(model, "services[cartservice].egress") == ["any"])
        // A named port read from the receiving container: currencyservice's grpc is 7000.
        #expect(Self.traffic(model, "services[currencyservice].ingress") == ["checkoutservice:7000", "frontend:7000"])
        // matchExpressions (In) and matchLabels peers; the kube-dns peer in kube-system left out.
        #expect(
            Self.traffic(model, "services[checkoutservice].egress") == [
                "cartservice", "currencyservice", "emailservice", "paymentservice", "productcatalogservice",
                "shippingservice",
            ])
        // 0.0.0.0/0 is the internet; its except ranges and 10.0.0.0/8 cannot be named.
        #expect(Self.traffic(model, "services[paymentservice].egress") == ["internet:443"])
        #expect(Self.traffic(model, "services[paymentservice].ingress") == [], "its named port names nothing")
        for (line, fragment) in [
            (111, "selects other namespaces"), (118, "the protocol UDP"), (137, "names no container port"),
            (143, "'ipBlock.except'"), (149, "the address range 10.0.0.0/8"),
        ] {
            #expect(
                diagnostics.contains {
                    $0.location?.file == Self.policies && $0.location?.line == line && $0.message.contains(fragment)
                }, "a warning at line \(line): \(fragment)")
        }
        #expect(!diagnostics.contains { $0.message.hasPrefix("NetworkPolicy") }, "no policy is left out whole")
    }

    @Test func permissionsDrawNoEdgeOfTheGraph() throws {
        let (with, _) = try Self.imported()
        let without = try #require(ImportTests.run(.kubernetes, [Self.manifests]) { $0.name = "boutique" }.report?.text)
        let edges = { (text: String) in
            GraphBuilder().graph(name: "boutique", root: try Self.model(text)).edges.map(\.identity)
        }
        #expect(try edges(with) == edges(without), "ingress and egress permit traffic; they are not calls")
    }

    @Test func aStagingWithoutThePoliciesShowsEachAsAGap() throws {
        let (production, _) = try Self.imported(name: "production")
        let staging = try #require(
            ImportTests.run(.kubernetes, [Self.manifests]) {
                $0.name = "staging"
                $0.tier = "staging"
            }.report?.text)
        let scratch = try ScratchFolder()
        try scratch.write("environments/production.yaml", production)
        try scratch.write("environments/staging.yaml", staging)
        var options = DiffRun.Options(reference: "production", mirror: "staging", today: "2026-11-25")
        options.root = scratch.path
        let report = try #require(DiffRun(sources: SourceStore()).run(options).report)
        let gaps = Set(report.gaps.map { "\($0.kind.rawValue) \($0.path)" })
        for expected in [
            "missing services[cartservice].ingress", "missing services[cartservice].egress",
            "missing datastores[redis-cart].ingress", "missing services[adservice].ingress",
        ] {
            #expect(gaps.contains(expected), "\(expected) in \(gaps.sorted())")
        }
        #expect(!gaps.contains { $0.hasPrefix("missing-edge") }, "no edge is missing: staging is open, not cut off")
    }
}
