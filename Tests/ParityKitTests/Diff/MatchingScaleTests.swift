import ParityDiagnostics
import ParityTestSupport
import Testing
@testable import ParityKit

/// Variances and waivers are matched through indexes, not by testing each against every item,
/// gap or finding (40,000 unmatched variances took 15-19 s). Not a benchmark: the ratio of
/// two sizes measured in one run, with room for a loaded machine. Eight times the size costs
/// about eight times as much when matching is linear, and sixty-four times when it is quadratic.
@Suite struct MatchingScaleTests {
    static let ratioLimit = ScaleRatio.linearLimit

    /// A production and a staging of `count` services each, every version different.
    static func environment(_ count: Int, version: String) -> Value {
        let services = (0..<count).map { index in
            Value(
                .object(
                    Fields([
                        ("name", Value(.string("svc-\(index)"), at: nil)),
                        ("version", Value(.string(version), at: nil)),
                    ])), at: nil)
        }
        return Value(.object(Fields([("services", Value(.list(services), at: nil))])), at: nil)
    }

    /// One evaluation with `count` unmatched and `count` matched variances and gap waivers.
    static func evaluate(_ count: Int) -> (Duration, PairReport) {
        let path = { (text: String) in ModelPath(parsing: text)! } // literal paths: cannot fail
        let variances = (0..<count).flatMap { index in
            [
                Variance(path: path("services[absent-\(index)].replicas"), rule: .ignore, reason: "none such"),
                // Fails on text, so the gap stays failing for its waiver.
                Variance(
                    path: path("services[svc-\(index)].version"), rule: .fewer(minimum: nil, ratio: nil),
                    reason: "older"),
            ]
        }
        let waivers = (0..<count).flatMap { index in
            [
                Waiver(
                    .gap(path("services[absent-\(index)]")), reason: "none such", owner: "team", ticket: nil,
                    expires: "2099-12-31", location: nil),
                Waiver(
                    .gap(path("services[svc-\(index)].version")), reason: "rolling out", owner: "team", ticket: nil,
                    expires: "2099-12-31", location: nil),
            ]
        }
        let evaluator = PairEvaluator(
            variances: variances, waivers: waivers, today: "2026-11-25", expressions: CELVarianceExpressions())
        let reference = environment(count, version: "1.0"), mirror = environment(count, version: "2.0")
        let diff = EnvironmentDiff(schema: DiffFixtures.environment)
        var report: PairReport?
        let elapsed = ContinuousClock().measure {
            report = evaluator.evaluate(reference: ("production", reference), mirror: ("staging", mirror), diff: diff)
        }
        return (elapsed, report!) // assigned just above
    }

    /// `count` findings of one rule, and as many rule waivers on items that have none.
    static func waiveFindings(_ count: Int) -> (Duration, [Finding]) {
        var findings = (0..<count).map { index in
            Finding(
                ruleID: "access.no-wildcard-actions", title: "", severity: .error, message: "wildcard",
                environment: .environment("staging"),
                item: ModelPath(parsing: "access.roles[role-\(index)]")!, location: nil, ruleLocation: nil) // a literal path
        }
        let waivers = (0..<count).flatMap { index in
            [
                Waiver(
                    .rule("access.no-wildcard-actions", item: ModelPath(parsing: "access.roles[absent-\(index)]")),
                    reason: "none such",
                    owner: "sre", ticket: nil, expires: "2099-12-31", location: nil),
                Waiver(
                    .rule("access.no-wildcard-actions", item: ModelPath(parsing: "access.roles[role-\(index)]")),
                    reason: "break glass",
                    owner: "sre", ticket: nil, expires: "2099-12-31", location: nil),
            ]
        }
        let elapsed = ContinuousClock().measure {
            _ = FindingWaivers.apply(
                waivers, to: &findings, today: "2026-11-25", ruleIDs: ["access.no-wildcard-actions"])
        }
        return (elapsed, findings)
    }

    /// `lint`'s check of the spec's paths: `count` variances and gap waivers naming items of
    /// a list of `count` services (each was a scan of the whole list); ten name none.
    static func specReferences(_ count: Int) -> (Duration, [Diagnostic]) {
        let path = { (text: String) in ModelPath(parsing: text)! }  // literal paths: cannot fail
        var spec = ParitySpec()
        spec.pairs = [
            ParitySpec.Pair(
                reference: "production", mirror: "staging",
                variances: (0..<count).map {
                    Variance(path: path("services[svc-\($0)].version"), rule: .ignore, reason: "rolling")
                })
        ]
        spec.waivers = (0..<count).map { index in
            Waiver(
                .gap(path("services[\(index < 10 ? "gone" : "svc")-\(index)]")), reason: "moving", owner: "team",
                ticket: nil, expires: "2099-12-31", location: nil)
        }
        let environments = [
            "production": environment(count, version: "1.0"), "staging": environment(count, version: "2.0"),
        ]
        var diagnostics: [Diagnostic] = []
        let elapsed = ContinuousClock().measure {
            diagnostics = SpecReferences.check(spec, environments: environments, ruleIDs: nil)
        }
        return (elapsed, diagnostics)
    }

    static func ratio(_ measure: (Int) -> Duration) -> Double {
        ScaleRatio.of(small: 1_000, measure)
    }

    @Test func variancesAndGapWaiversMatchEveryGap() {
        let (_, report) = Self.evaluate(50)
        #expect(report.gaps.count == 50)
        #expect(report.gaps.allSatisfy { if case .waived = $0.status { true } else { false } })
        #expect(report.unmatchedWaivers.count == 50)
        #expect(report.diagnostics.filter { $0.code == .specUnusedVariance }.count == 50)
    }

    @Test func ruleWaiversMatchEveryFinding() {
        let (_, findings) = Self.waiveFindings(50)
        #expect(findings.allSatisfy { if case .waived = $0.status { true } else { false } })
    }

    @Test func variancesAndGapWaiversGrowLinearly() {
        let ratio = Self.ratio { Self.evaluate($0).0 }
        #expect(ratio < Self.ratioLimit, "8x the variances and waivers cost \(ratio)x")
    }

    @Test func specReferencesFindEveryMissingItem() {
        let (_, diagnostics) = Self.specReferences(30)
        #expect(diagnostics.count == 10)
        #expect(diagnostics.allSatisfy { $0.code == .specUnknownItem && $0.message.contains("gone-") })
    }

    @Test func specReferencesGrowLinearly() {
        let ratio = Self.ratio { Self.specReferences($0).0 }
        #expect(ratio < Self.ratioLimit, "8x the spec's paths and services cost \(ratio)x")
    }

    @Test func ruleWaiversGrowLinearly() {
        let ratio = Self.ratio { Self.waiveFindings($0).0 }
        #expect(ratio < Self.ratioLimit, "8x the rule waivers cost \(ratio)x")
    }
}
