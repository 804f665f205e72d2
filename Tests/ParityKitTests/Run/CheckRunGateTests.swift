import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// The gate, the baseline and the spec's gate settings, tested against `CheckRun` itself.
@Suite struct CheckRunGateTests {
    static let header = "apiVersion: parity/v1\nkind: Environment\n"

    /// A repository with one failing gap (replicas) and one warning finding (a rule on the
    /// owner), under a spec whose gate section is `gate`.
    static func repository(gate: String = "", waivers: String = "") throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try scratch.write("environments/production.yaml", header + """
            metadata: {name: production, tier: production, owner: sre}
            regions: [eu-west-1]
            services: [{name: api, image: api, replicas: 3, regions: [eu-west-1]}]

            """)
        try scratch.write("environments/staging.yaml", header + """
            metadata: {name: staging, tier: staging, owner: sre}
            regions: [eu-west-1]
            services: [{name: api, image: api, replicas: 2, regions: [eu-west-1]}]

            """)
        try scratch.write("policies/owners.yaml", """
            apiVersion: parity/v1
            kind: Policy
            metadata: {name: owners}
            rules:
              - {id: owners.not-sre, title: T, severity: warning, for: environment, assert: self.metadata.owner != 'sre', message: m}

            """)
        // Only the rule above runs: the built-in pack would judge these environments too.
        try scratch.write("parity.yaml", "apiVersion: parity/v1\nkind: ParitySpec\nbuiltin: false\n\(gate)\(waivers)")
        return scratch
    }

    static func check(_ scratch: ScratchFolder, failOn: GateDecision.Level? = nil, baseline: String? = nil) -> Outcome<
        CheckReport
    > {
        var options = CheckRun.Options(today: "2026-11-25")
        options.root = scratch.path
        options.failOn = failOn
        options.baseline = baseline
        return CheckRun(sources: SourceStore()).run(options)
    }

    @Test func aFailingGapFailsTheGateAndAWarningDoesNotByDefault() throws {
        let outcome = Self.check(try Self.repository())
        let report = try #require(outcome.report)
        #expect(report.gate.reasons == [.failingGaps(1, reference: "production", mirror: "staging")])
        #expect(report.verdict == .noGo)
        #expect(outcome.status == .findings)
    }

    @Test func failOnWarningFailsOnTheWarnings() throws {
        let report = try #require(Self.check(try Self.repository(), failOn: .warning).report)
        // One warning finding in each environment.
        #expect(report.gate.reasons.contains(.warnings(2)))
    }

    @Test func failOnNeverAlwaysPasses() throws {
        let outcome = Self.check(try Self.repository(), failOn: .never)
        #expect(outcome.report?.gate == GateDecision(passed: true, reasons: []))
        #expect(outcome.status == .passed)
    }

    @Test func theFlagWinsOverTheSpecsFailOn() throws {
        let scratch = try Self.repository(gate: "gate: {failOn: never}\n")
        #expect(Self.check(scratch).status == .passed)
        #expect(Self.check(scratch, failOn: .error).status == .findings)
    }

    @Test func minimumScoreFailsAPairBelowIt() throws {
        let scratch = try Self.repository(gate: "gate: {failOn: never, minimumScore: 0.5}\n")
        #expect(Self.check(scratch).status == .passed)
        let strict = try Self.repository(gate: "gate: {minimumScore: 1}\n")
        let report = try #require(Self.check(strict).report)
        #expect(report.gate.reasons.contains { if case .scoreBelowMinimum(_, _, _, 1) = $0 { true } else { false } })
    }

    @Test func maxWarningsFailsPastTheBudget() throws {
        let report = try #require(Self.check(try Self.repository(gate: "gate: {maxWarnings: 1}\n")).report)
        #expect(report.gate.reasons.contains(.tooManyWarnings(2, maximum: 1)))
        let roomy = try #require(Self.check(try Self.repository(gate: "gate: {maxWarnings: 2}\n")).report)
        #expect(!roomy.gate.reasons.contains { if case .tooManyWarnings = $0 { true } else { false } })
    }

    @Test func writingABaselineWhileReadingOneKeepsWhatTheOldOneCovered() throws {
        let scratch = try Self.repository()
        let first = try #require(Self.check(scratch, failOn: .warning).report)
        let old = try first.baseline(for: "old.json").get().rendered
        let oldPath = try scratch.write("old.json", old)
        let second = Self.check(scratch, failOn: .warning, baseline: oldPath)
        // Everything is known, so the gate passes...
        #expect(second.status == .passed, "\(second.report?.gate.reasons ?? [])")
        // ...and the new baseline still holds every entry, so the next run passes too.
        let new = try #require(second.report).baseline(for: "new.json")
        #expect(try new.get().rendered == old)
        #expect(old.contains("gap|production -> staging|services[api].replicas"))
        #expect(old.contains("owners.not-sre|staging|"))
    }

    @Test func noBaselineIsWrittenFromAnInvalidRun() throws {
        let scratch = try Self.repository()
        try scratch.write(
            "environments/broken.yaml", Self.header + "metadata: {name: broken, tier: test, owner: sre}\nreplcias: 1\n")
        let report = try #require(Self.check(scratch).report)
        #expect(report.verdict == .invalid)
        guard case .failure(let diagnostic) = report.baseline(for: "b.json") else {
            Issue.record("a baseline was rendered from an invalid run")
            return
        }
        #expect(diagnostic.message.contains("input errors"))
    }

    @Test func fingerprintsReadAsBaselinesStoreThem() throws {
        let gap = Fingerprint(
            .gap, .pair(reference: "production", mirror: "staging"),
            try #require(ModelPath(parsing: "services[api].replicas")))
        #expect(gap.description == "gap|production -> staging|services[api].replicas")
        #expect(Fingerprint(.rule("a.b"), .environment("staging"), .root).description == "a.b|staging|")
        #expect(Baseline(fingerprints: [gap.description]).contains(gap))
    }
}
