import Foundation
import Testing

/// `parity check`, `diff` and `eval` run as a user runs them, on the bundled sample and
/// on the example repositories; exit statuses exactly as PRODUCT.md says.
@Suite struct CheckCommandTests {
    let today = ["PARITY_TODAY": "2026-11-25"]
    let examples = ParityBinary.repositoryRoot.appendingPathComponent("examples")

    @Test func sampleIsANoGoWithItsDeliberateGapsAndViolations() throws {
        let run = try ParityBinary.run(["check"], environment: today)
        #expect(run.status == 1)
        #expect(run.stderr == "")
        for gap in [
            "services[fraud-detector]  missing in staging",
            "datastores[orders-db].version  production: 16.4 | staging: 15.8",
            "observability.tracing.enabled  production: true | staging: false",
            "featureFlags[new-checkout-flow].enabled",
            "externals[stripe].mode", #"access.roles[checkout-deployer].permissions["*"]  only in staging"#,
            "datastores[order-events].data.pii[order_placed.email].masking",
        ] {
            #expect(run.stdout.contains("  x \(gap)"), "gap \(gap)")
        }
        for rule in [
            "data.no-live-data-outside-production", "externals.no-live-money-outside-production",
            "access.no-wildcard-actions", "observability.tracing-parity",
        ] {
            #expect(run.stdout.contains(rule), "finding \(rule)")
        }
        #expect(
            run.stdout.contains(
                "\nNO-GO: 13 parity gaps in production -> staging; 10 policy errors (parity: production -> staging 98.1%)"
                    + "; fix each, allow a gap with a reason in parity.yaml, or waive it with an owner and an expiry\n")
        )
        // Production is clean: no finding names it alone.
        #expect(!run.stdout.contains("\n  production\n"))
    }

    @Test func cleanMirrorIsAGo() throws {
        let run = try ParityBinary.run(
            ["check"], in: examples.appendingPathComponent("clean-mirror"), environment: today)
        #expect(run.status == 0)
        #expect(
            run.stdout.hasSuffix(
                "GO: no gaps or findings at or above fail-on error (parity: production -> staging 100%)\n"))
    }

    @Test func configOptionResolvesFoldersFromTheSpec() throws {
        let run = try ParityBinary.run(["check", "--config", "examples/clean-mirror/parity.yaml"], environment: today)
        #expect(run.status == 0)
    }

    @Test func invalidRepositoryExitsTwoWithEveryProblem() throws {
        let run = try ParityBinary.run(
            ["check"], in: examples.appendingPathComponent("invalid-repo"), environment: today)
        #expect(run.status == 2)
        #expect(
            run.stderr.hasPrefix(
                "environments/production.yaml:7:15: error: expected an integer for 'replicas', found a string ('three') [schema.type-mismatch]\n"
            ))
        #expect(run.stderr.contains("environments/staging.yaml:8:11: error: duplicate name 'api'"))
        #expect(run.stdout.hasSuffix("INVALID: 3 input errors (above); fix them and run again\n"))
    }

    @Test func aFolderWithNothingToCheckIsNotAPass() throws {
        let empty = try ParityBinary.temporaryFolder()
        let check = try ParityBinary.run(["check"], in: empty, environment: today)
        #expect(check.status == 2)
        #expect(
            check.stderr.hasPrefix(
                "error: no environments under 'environments'; run parity check in an environment repository, or name its parity.yaml with --config [check.nothing-to-check]\n"
            ))
        let lint = try ParityBinary.run(["lint"], in: empty)
        #expect(lint.status == 2)
        #expect(lint.stderr.contains("is not an environment repository"))
    }

    @Test func reviewFindingsStayFixed() throws {
        let folder = try ParityBinary.temporaryFolder()
        func write(_ name: String, _ text: String) throws {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write(
            "environments/production.yaml",
            "apiVersion: parity/v1\nkind: Environment\nmetadata: {name: production, tier: production, owner: o}\nregions: [us-east-1]\nservices: [{name: api, image: i, replicas: 3}]\n"
        )
        try write(
            "environments/staging.yaml",
            "apiVersion: parity/v1\nkind: Environment\nmetadata: {name: staging, tier: staging, owner: o}\nregions: [us-east-1]\nservices: [{name: api, image: i, replicas: 1}]\n"
        )
        try write("policies/p.yaml", "apiVersion: parity/v1\nkind: Policy\nmetadata: {name: p}\nrules: []\n")
        // A misspelt policies folder, broken variance predicates and patterns, a pair named twice: errors at load, exit 2.
        try write(
            "parity.yaml",
            """
            apiVersion: parity/v1
            kind: ParitySpec
            policies: polices
            pairs:
              - reference: production
                mirror: staging
                allow:
                  - {path: "services[*].replicas", cel: "mirorr < reference", reason: r}
                  - {path: "services[*].image", rule: pattern, pattern: "^(x", reason: r}
                  - {path: "services[*].image", rule: fewer, reason: r}
                  - {path: "services[*].replicas", rule: fewer, ratio: 7, reason: r}
              - {reference: staging, mirror: staging}
            gate: {minimumScore: 0.99}

            """)
        let check = try ParityBinary.run(["check"], in: folder, environment: today)
        #expect(check.status == 2)
        for expected in [
            "undeclared reference to 'mirorr'", "the pattern does not compile", "'fewer' compares numbers or lists",
            "ratio is the least share", "'staging' cannot mirror itself",
        ] {
            #expect(check.stderr.contains(expected), "\(expected)")
        }
        // A misspelt policies folder drops no guardrail silently.
        try write("parity.yaml", "apiVersion: parity/v1\nkind: ParitySpec\npolicies: polices\n")
        let misspelt = try ParityBinary.run(["check"], in: folder, environment: today)
        #expect(misspelt.status == 2)
        #expect(
            misspelt.stderr.contains(
                "parity.yaml:3:11: error: no policies folder 'polices'; check 'policies:' in parity.yaml [check.no-policies]"
            ))
        // --fail-on never passes even a gate of scores; --config that cannot be read stops before judging.
        try write(
            "parity.yaml",
            "apiVersion: parity/v1\nkind: ParitySpec\npairs: [{reference: production, mirror: staging}]\ngate: {minimumScore: 0.99}\n"
        )
        #expect(try ParityBinary.run(["check", "--fail-on", "never"], in: folder, environment: today).status == 0)
        let missing = try ParityBinary.run(["check", "--config", "nope.yaml"], in: folder, environment: today)
        #expect(missing.status == 2)
        #expect(!missing.stdout.contains("parity diff"))
    }

    @Test func failOnNeverPassesTheGateButNotInvalidInput() throws {
        #expect(try ParityBinary.run(["check", "--fail-on", "never"], environment: today).status == 0)
        #expect(
            try ParityBinary.run(
                ["check", "--fail-on", "never"], in: examples.appendingPathComponent("invalid-repo"), environment: today
            ).status == 2)
    }

    @Test func jsonReportIsVersionedAndParses() throws {
        let run = try ParityBinary.run(["check", "--format", "json"], environment: today)
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["verdict"] as? String == "no-go")
        #expect((object["findings"] as? [[String: Any]])?.count == 10)
    }

    @Test func outputFileIsWrittenAndStdoutStaysEmpty() throws {
        let folder = try ParityBinary.temporaryFolder()
        let output = folder.appendingPathComponent("report.json").path
        let run = try ParityBinary.run(["check", "--format", "json", "--output", output], environment: today)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(FileManager.default.contents(atPath: output).map { !$0.isEmpty } == true)
    }

    @Test func baselineReportsOnlyWhatIsNew() throws {
        let folder = try ParityBinary.temporaryFolder()
        let baseline = folder.appendingPathComponent("baseline.json").path
        let first = try ParityBinary.run(["check", "--write-baseline", baseline], environment: today)
        // Recording is what was asked, and it worked: exit 0, and how many entries it wrote.
        #expect(first.status == 0)
        #expect(
            first.stderr.hasPrefix("parity check: wrote 23 baseline entries (23 findings and gaps) to '\(baseline)'"),
            "\(first.stderr)")
        let second = try ParityBinary.run(["check", "--baseline", baseline], environment: today)
        #expect(second.status == 0)
        #expect(second.stdout.contains("in the baseline"))
        // Known gaps no longer fail the gate, but the score still tells the truth.
        #expect(
            second.stdout.hasSuffix(
                "GO: no gaps or findings at or above fail-on error (parity: production -> staging 98.1%)\n"))
    }

    @Test func diffExitsOneWithGapsAndZeroWithout() throws {
        let run = try ParityBinary.run(["diff", "production", "staging"], environment: today)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("parity diff production -> staging\n"))
        #expect(run.stdout.hasSuffix("13 parity gaps; 179 allowed, 2 waived; parity score 98.1%\n"))
        #expect(try ParityBinary.run(["diff", "production", "production"], environment: today).status == 0)
    }

    @Test func diffTakesFilesAndFolders() throws {
        let run = try ParityBinary.run(
            ["diff", "environments/production", "environments/staging.yaml", "--format", "json"], environment: today)
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["failing"] as? Int == 13)
    }

    @Test func diffOfAnUnknownEnvironmentSuggestsOne() throws {
        let run = try ParityBinary.run(["diff", "production", "stagign"], environment: today)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no environment or file named 'stagign'; did you mean 'staging'?"))
    }

    @Test func secretsNeverAppearInAnyOutput() throws {
        // staging.yaml writes the taxjar key's value into the file; no output may show it.
        let secret = try #require(
            try String(
                contentsOf: ParityBinary.repositoryRoot.appendingPathComponent("environments/staging.yaml"),
                encoding: .utf8
            )
            .split(separator: "\n").first { $0.contains("taxjar-api-key") && $0.contains("value:") })
        let value = try #require(
            secret.range(of: "value: ").map { secret[$0.upperBound...].prefix { $0 != "," && $0 != "}" } })
        #expect(value.count > 8)
        for arguments in [
            ["check"], ["check", "--format", "json"], ["diff", "production", "staging"],
            ["diff", "production", "staging", "--format", "json"],
            ["export", "staging"], ["export", "--raw", "environments/staging.yaml"],
            ["lint", "environments/staging.yaml"],
            ["eval", "--env", "staging", "env.access.credentials"],
            ["eval", "--input", "environments/staging.yaml", "self.access.credentials"],
        ] {
            let run = try ParityBinary.run(arguments, environment: today)
            #expect(!run.stdout.contains(value) && !run.stderr.contains(value), "\(arguments) leaks the secret")
        }
    }
}

@Suite struct EvalCommandTests {
    @Test(arguments: [
        ("1", "1"), ("1u", "1u"), ("1.0", "1.0"), ("'text'", #""text""#), (#"b"\xff""#, #"b"\xff""#), ("true", "true"),
        ("null", "null"),
        ("[1, 2]", "[1, 2]"), (#"{"a": 1}"#, #"{"a": 1}"#), ("int", "int"), ("double('NaN')", #"double("NaN")"#),
        ("1.0/0.0", #"double("Infinity")"#), ("-1.0/0.0", #"double("-Infinity")"#), ("2.0 * 3.0", "6.0"),
        ("1e100", "1e+100"),
    ])
    func celFormatKeepsTypes(_ expression: String, _ expected: String) throws {
        let run = try ParityBinary.run(["eval", "--format", "cel", "--", expression])
        #expect(run.status == 0)
        #expect(run.stdout == expected + "\n")
    }

    @Test func varBindsTheValueOfAnExpression() throws {
        let run = try ParityBinary.run(["eval", "--format", "cel", "--var", "x=40 + 1", "--", "-1 + x + 2"])
        #expect(run.stdout == "42\n")
    }

    @Test func envIsTheResolvedEnvironmentAndIsTypeChecked() throws {
        let names = try ParityBinary.run([
            "eval", "--env", "staging", "env.services.filter(s, s.replicas >= 3).map(s, s.name)",
        ])
        #expect(names.stdout == #"["checkout-api"]"# + "\n")
        let typo = try ParityBinary.run(["eval", "--env", "staging", "env.services.map(s, s.replcias)"])
        #expect(typo.status == 2)
        #expect(
            typo.stderr == """
                <expr>:1:22: error: no such field 'replcias' on parity.Service; did you mean 'replicas'? [cel.no-such-field]
                    env.services.map(s, s.replcias)
                                         ^

                """)
    }

    @Test func inputBindsTheDocumentAsSelf() throws {
        let folder = try ParityBinary.temporaryFolder()
        try "a: {b: [1, 2, x]}\n".write(to: folder.appendingPathComponent("in.yaml"), atomically: true, encoding: .utf8)
        let run = try ParityBinary.run(
            ["eval", "--input", "in.yaml", "self.a.b.size() == 3 && self.a.b[2] == 'x'"], in: folder)
        #expect(run.stdout == "true\n")
        let missing = try ParityBinary.run(["eval", "--input", "in.yaml", "self.a.c"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such field 'c'"))
    }

    @Test func evaluationErrorsExitTwo() throws {
        let run = try ParityBinary.run(["eval", "1 / 0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("[cel.division-by-zero]"))
        #expect(try ParityBinary.run(["eval", "1 +"]).status == 2)
    }
}
