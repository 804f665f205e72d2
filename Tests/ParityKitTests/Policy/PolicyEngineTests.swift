import Testing
import ParityDiagnostics
import ParityYAML
@testable import ParityKit

@Suite struct PolicyEngineTests {
    static let policy = """
        apiVersion: parity/v1
        kind: Policy
        metadata: {name: test}
        rules:
          - id: replicas.at-least-two
            title: Services run at least two replicas
            severity: error
            for: services
            tiers: [production]
            assert: self.replicas >= 2
            message: "service '{{ self.name }}' runs {{ self.replicas }} replica(s)"
          - id: encryption.at-rest
            title: Datastores encrypt at rest
            severity: warning
            for: datastores
            assert: self.encryption.atRest
            message: "datastore '{{ self.name }}' is not encrypted at rest"
          - id: tracing.parity
            title: Mirrors trace
            severity: error
            for: pair
            assert: mirror.observability.tracing.enabled == reference.observability.tracing.enabled
            message: tracing differs
        """

    func environment(_ yaml: String, name: String = "production", tier: String = "production") throws -> PolicySubject {
        try PolicyFixtures.subject(yaml, name: name, tier: tier)
    }

    func engine() throws -> PolicyEngine {
        let (rules, diagnostics) = try PolicyFixtures.rules(Self.policy, sources: SourceStore())
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return PolicyEngine(rules: rules, schema: EnvironmentSchema.root)
    }

    @Test func findingsNameTheItemAndPointAtTheAssertedField() throws {
        let production = try environment("""
            services:
              - {name: api, image: api, replicas: 1}
              - {name: web, image: web, replicas: 3}
            """)
        let findings = try engine().evaluate(environments: [production], pairs: [])
        #expect(findings.map(\.item.description) == ["services[api]"])
        #expect(findings.first?.message == "service 'api' runs 1 replica(s)")
        #expect(findings.first?.location == SourceLocation(file: "production.yaml", line: 2, column: 39))
        #expect(findings.first?.fingerprint.description == "replicas.at-least-two|production|services[api]")
    }

    @Test func tiersLimitWhereARuleApplies() throws {
        let staging = try environment(
            "services: [{name: api, image: api, replicas: 1}]", name: "staging", tier: "staging")
        #expect(try engine().evaluate(environments: [staging], pairs: []).isEmpty)
    }

    @Test func anEvaluationErrorInOneItemDoesNotHideTheOthers() throws {
        // 'cache' has no encryption at all: selecting a field of it is an evaluation error,
        // reported for that item alone; 'db' is still judged.
        let production = try environment(
            """
            datastores:
              - {name: cache, kind: cache, engine: redis}
              - {name: db, kind: database, engine: postgres, encryption: {atRest: false}}
              - {name: ok, kind: database, engine: postgres, encryption: {atRest: true}}
            """)
        let findings = try engine().evaluate(environments: [production], pairs: [])
        #expect(findings.map(\.item.description) == ["datastores[cache]", "datastores[db]"])
        #expect(findings[0].isEvaluationError)
        #expect(
            findings[0].message.hasPrefix("rule 'encryption.at-rest' could not be evaluated for datastores[cache]: "))
        #expect(!findings[1].isEvaluationError)
    }

    @Test func pairRulesSeeReferenceAndMirror() throws {
        let production = try environment("observability: {tracing: {enabled: true}}")
        let staging = try environment("observability: {tracing: {enabled: false}}", name: "staging", tier: "staging")
        let findings = try engine().evaluate(environments: [], pairs: [(production, staging)])
        #expect(findings.map(\.environment) == ["production -> staging"])
    }

    @Test func fingerprintsSurviveLinesMoving() throws {
        let before = try environment("services: [{name: api, image: api, replicas: 1}]")
        let after = try environment(
            "# a comment\n\nservices:\n  - {name: new, image: n, replicas: 5}\n  - {name: api, image: api, replicas: 1}\n"
        )
        let engine = try engine()
        let first = engine.evaluate(environments: [before], pairs: []).map(\.fingerprint)
        let second = engine.evaluate(environments: [after], pairs: []).map(\.fingerprint)
        #expect(first == second)
    }

    @Test func ruleWaiversActiveExpiredStaleAndUnknown() throws {
        let production = try environment(
            "services: [{name: api, image: api, replicas: 1}, {name: web, image: web, replicas: 1}]")
        let engine = try engine()
        let ids: Set<String> = Set(engine.rules.map(\.rule.id))
        func waiver(_ rule: String, _ item: String?, expires: String) -> Waiver {
            Waiver(
                .rule(rule, item: item.flatMap { ModelPath(parsing: $0) }), reason: "r", owner: "o", ticket: nil,
                expires: expires, location: nil)
        }
        var findings = engine.evaluate(environments: [production], pairs: [])
        let diagnostics = FindingWaivers.apply(
            [
                waiver("replicas.at-least-two", "services[api]", expires: "2026-12-31"),
                waiver("replicas.at-least-two", "services[web]", expires: "2026-01-01"),
                waiver("replicas.at-least-two", "services[gone]", expires: "2026-12-31"),
                waiver("replicas.at-lest-two", nil, expires: "2026-12-31"),
            ], to: &findings, today: "2026-06-01", ruleIDs: ids)
        #expect(findings.map(\.isActive) == [false, true])
        #expect(diagnostics.map(\.code) == [.specExpiredWaiver, .specStaleWaiver, .specStaleWaiver])
        // The expired waiver stays linked to the finding it waived until it ran out.
        #expect(findings.map { $0.expiredWaiver?.expires } == [nil, "2026-01-01"])
        #expect(
            diagnostics.last?.message
                == "waiver names rule 'replicas.at-lest-two', which no policy has; did you mean 'replicas.at-least-two'?"
        )
    }

    @Test func ruleWaiversRunningOutAreWarnedAboutAhead() throws {
        let production = try environment("services: [{name: api, image: api, replicas: 1}]")
        var findings = try engine().evaluate(environments: [production], pairs: [])
        let soon = Waiver(
            .rule("replicas.at-least-two", item: nil), reason: "r", owner: "o", ticket: nil, expires: "2026-06-10",
            location: nil)
        let diagnostics = FindingWaivers.apply(
            [soon], to: &findings, today: "2026-06-01", ruleIDs: ["replicas.at-least-two"])
        #expect(findings.map(\.isActive) == [false])
        #expect(
            diagnostics.map(\.message) == [
                "waiver for rule replicas.at-least-two expires in 9 days (on 2026-06-10); fix what it waives or renew it with a reason (owner: o)"
            ])
    }

    @Test func ruleWaiversMayBeLimitedToOneEnvironment() throws {
        let production = try environment("services: [{name: api, image: api, replicas: 1}]")
        var findings = try engine().evaluate(environments: [production], pairs: [])
        var elsewhere = Waiver(
            .rule("replicas.at-least-two", item: nil), reason: "r", owner: "o", ticket: "T-1", expires: "2026-12-31",
            location: nil)
        elsewhere.environment = "staging"
        let diagnostics = FindingWaivers.apply(
            [elsewhere], to: &findings, today: "2026-06-01", ruleIDs: ["replicas.at-least-two"])
        #expect(findings.map(\.isActive) == [true])
        #expect(diagnostics.map(\.code) == [.specStaleWaiver])
    }

    @Test func typeErrorsAreDiagnosticsAtTheirLine() throws {
        let text = """
            apiVersion: parity/v1
            kind: Policy
            metadata: {name: bad}
            rules:
              - id: a
                title: t
                severity: error
                for: datastores
                assert: 'self.encryption.atRest + 1'
                message: m
              - id: b
                title: t
                severity: error
                for: servces
                assert: 'true'
                message: m
            """
        let (rules, diagnostics) = try PolicyFixtures.rules(text, file: "bad.yaml", sources: SourceStore())
        #expect(rules.isEmpty)
        #expect(
            diagnostics.map(\.description) == [
                "bad.yaml:9:37: error: in the assertion of rule 'a': no matching overload for '+' applied to (bool, int); it takes (int, int), (uint, uint), (double, double), (string, string), ... [cel.no-such-overload]",
                "bad.yaml:14:10: error: 'servces' names nothing in an environment; did you mean 'services'? (collections: services, datastores, networks, segments, networkRules, peerings, roles, permissions, bindings, credentials, featureFlags, externals, slos, rollback, ports, environment, pair) [policy.unknown-target]",
            ])
    }
}

/// Rule variables: computed once per environment or pair, each seeing the ones before it.
@Suite struct PolicyVariableTests {
    static let policy = """
        apiVersion: parity/v1
        kind: Policy
        metadata: {name: variables}
        rules:
          - id: rollback.covered
            title: Datastores have a rollback
            severity: error
            for: datastores
            variables:
              - name: reverted
                expression: "has(env.rollback) ? env.rollback.map(r, r.reverts).flatten() : []"
              - name: count
                expression: size(variables.reverted)
            assert: self.name in variables.reverted
            message: "'{{ self.name }}' is not among the {{ variables.count }} reverted"
          - id: broken.variable
            title: A variable that fails
            severity: error
            for: datastores
            variables:
              - name: bad
                expression: 1 / 0
            assert: variables.bad > 0
            message: m
        """

    func run(_ yaml: String) throws -> [Finding] {
        let (rules, diagnostics) = try PolicyFixtures.rules(Self.policy)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let environment = try PolicyFixtures.subject(yaml, name: "prod")
        return PolicyEngine(rules: rules, schema: EnvironmentSchema.root).evaluate(
            environments: [environment], pairs: [])
    }

    @Test func variablesAreComputedOncePerEnvironmentAndChain() throws {
        let findings = try run(
            """
            datastores:
              - {name: a, kind: database, engine: postgres}
              - {name: b, kind: database, engine: postgres}
            rollback:
              - {name: r, reverts: [a]}
            """)
        let covered = findings.filter { $0.ruleID == "rollback.covered" }
        #expect(covered.map(\.item.description) == ["datastores[b]"])
        #expect(covered.first?.message == "'b' is not among the 1 reverted")
    }

    @Test func aVariableThatFailsIsOneFindingForTheEnvironment() throws {
        let findings = try run(
            "datastores: [{name: a, kind: database, engine: postgres}, {name: b, kind: cache, engine: redis}]")
        let broken = findings.filter { $0.ruleID == "broken.variable" }
        #expect(broken.count == 1)
        #expect(broken.first?.isEvaluationError == true)
        #expect(
            broken.first?.message.hasPrefix("rule 'broken.variable' could not compute variables.bad for prod: ") == true
        )
    }

    @Test func variablesAreTypeCheckedAndSeeNoItem() throws {
        let text = """
            apiVersion: parity/v1
            kind: Policy
            metadata: {name: v}
            rules:
              - id: a
                title: t
                severity: error
                for: services
                variables:
                  - {name: names, expression: self.name}
                assert: variables.nmes == 1
                message: m
            """
        let (_, diagnostics) = try PolicyFixtures.rules(text)
        #expect(diagnostics.map(\.code.rawValue) == ["cel.undeclared-reference", "cel.undeclared-reference"])
    }
}

@Suite struct FindingIdentityTests {
    @Test func unnamedItemsAreIdentifiedByContentNotPosition() throws {
        let policy = """
            apiVersion: parity/v1
            kind: Policy
            metadata: {name: p}
            rules:
              - {id: no.wildcards, title: t, severity: error, for: permissions, assert: "!('*' in self.actions)", message: m}
            """
        let engine = try PolicyFixtures.engine(policy)
        func fingerprints(_ yaml: String) throws -> [String] {
            engine.evaluate(environments: [try PolicyFixtures.subject(yaml, name: "s", tier: "staging")], pairs: [])
                .map(\.fingerprint.description)
        }
        let before = try fingerprints("access: {roles: [{name: r, permissions: [{actions: ['*'], resources: [a]}]}]}")
        let after = try fingerprints(
            "access: {roles: [{name: r, permissions: [{actions: [x], resources: [b]}, {actions: ['*'], resources: [a]}]}]}"
        )
        #expect(before.count == 1)
        #expect(before == after)
    }
}

@Suite struct SecretsInPoliciesTests {
    /// Rules compare secrets through opaque tokens: equal secrets are equal, the value never shows.
    @Test func equalSecretsCompareEqualAndStayHidden() throws {
        let policy = """
            apiVersion: parity/v1
            kind: Policy
            metadata: {name: p}
            rules:
              - id: no.shared.values
                title: t
                severity: error
                for: pair
                assert: "!mirror.access.credentials.exists(m, reference.access.credentials.exists(r, r.value == m.value))"
                message: "shared: {{ mirror.access.credentials.map(c, c.value) }}"
            """
        let engine = try PolicyFixtures.engine(policy)
        func subject(_ name: String, _ secret: String) throws -> PolicySubject {
            try PolicyFixtures.subject(
                "access: {credentials: [{name: k, kind: token, value: \(secret)}]}", name: name, tier: nil)
        }
        let shared = engine.evaluate(
            environments: [], pairs: [(try subject("production", "HUNTER2"), try subject("staging", "HUNTER2"))])
        #expect(shared.count == 1)
        #expect(!shared[0].message.contains("HUNTER2"))
        #expect(shared[0].message.contains("<redacted:"))
        let distinct = engine.evaluate(
            environments: [], pairs: [(try subject("production", "HUNTER2"), try subject("staging", "OTHER"))])
        #expect(distinct.isEmpty)
    }
}
