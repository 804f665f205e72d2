import Foundation
import Testing

/// The built-in pack as a repository without policies of its own meets it.
@Suite struct BuiltInPackCommandTests {
    let today = ["PARITY_TODAY": "2026-11-25"]

    func sampleWithoutPolicies(spec: String = "") throws -> URL {
        try ParityBinary.sampleWithoutPolicies(spec: spec)
    }

    @Test func aRepositoryWithoutPoliciesRunsThePack() throws {
        let here = try ParityBinary.run(["check"], environment: today)
        let run = try ParityBinary.run(["check"], in: try sampleWithoutPolicies(), environment: today)
        #expect(run.status == 1)
        #expect(run.stderr == "")
        #expect(run.stdout.contains("\nNO-GO: 13 parity gaps in production -> staging; 10 policy errors (parity: production -> staging 98.1%)"))
        // The same rules, run once each, as in this repository, whose policies/ is the pack.
        #expect(here.stdout.split(separator: "\n").first == run.stdout.split(separator: "\n").first)
    }

    @Test func disabledRulesAndBuiltinFalse() throws {
        let disabled = try sampleWithoutPolicies(spec: """
            rules:
              disable:
                - id: access.no-wildcard-actions
                  reason: the deployer's wildcard is tracked in PLAT-9
                - id: access.no-wildcard-actons
                  reason: a typo

            """)
        let run = try ParityBinary.run(["check"], in: disabled, environment: today)
        #expect(run.status == 1)
        #expect(!run.stdout.contains("access.no-wildcard-actions"))
        #expect(run.stderr.hasPrefix("parity.yaml:10:11: warning: 'rules.disable' names rule 'access.no-wildcard-actons', which no policy has; did you mean 'access.no-wildcard-actions'?"), "\(run.stderr)")
        let list = try ParityBinary.run(["policy", "list"], in: disabled)
        #expect(list.stdout.contains("disabled in parity.yaml: the deployer's wildcard is tracked in PLAT-9\n"))

        let off = try ParityBinary.run(["check"], in: try sampleWithoutPolicies(spec: "builtin: false\n"), environment: today)
        #expect(off.stdout.contains("policy findings  none"))
        #expect(off.stderr.contains("warning: no policies folder 'policies' and the built-in pack is off (builtin: false); no guardrail runs [check.no-policies]"))
    }

    @Test func policyListSaysWhereEachRuleComesFrom() throws {
        let folder = try sampleWithoutPolicies()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("policies"), withIntermediateDirectories: true)
        try """
            apiVersion: parity/v1
            kind: Policy
            metadata: {name: own}
            rules:
              - {id: encryption.tls-on-ports, title: Ports use TLS, severity: info, for: ports, assert: "true", message: m}
              - {id: own.rule, title: Our own, severity: warning, for: services, assert: "true", message: m}
            """.write(to: folder.appendingPathComponent("policies/own.yaml"), atomically: true, encoding: .utf8)
        let list = try ParityBinary.run(["policy", "list"], in: folder)
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("encryption.tls-on-ports ") && $0.hasSuffix("  policies/own.yaml:5:5 (replaces the built-in rule)") })
        #expect(lines.last?.hasPrefix("own.rule ") == true && lines.last?.hasSuffix("  policies/own.yaml:6:5") == true)
        #expect(lines.filter { $0.hasSuffix("  built-in") }.count == lines.count - 2)
        let here = try ParityBinary.run(["policy", "list"])
        #expect(here.stdout.split(separator: "\n").allSatisfy { $0.contains("  built-in (the same rule as policies/") })
    }
}
