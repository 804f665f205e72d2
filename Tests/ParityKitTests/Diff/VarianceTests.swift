import Testing
import ParityDiagnostics
@testable import ParityKit

@Suite struct VarianceTests {
    func status(_ report: PairReport, _ path: String) -> String { DiffFixtures.status(report, path) }

    func variance(_ path: String, _ rule: Variance.Rule) -> Variance {
        Variance(path: DiffFixtures.path(path), rule: rule, reason: "because")
    }

    @Test func fewerHoldsForFewerReplicas() throws {
        let report = try DiffFixtures.report(variances: [
            variance("services[*].replicas", .fewer(minimum: 1, ratio: nil))
        ])
        #expect(status(report, "services[checkout].replicas") == "allowed by fewer")
    }

    @Test func fewerFailsBelowTheMinimumOrRatio() throws {
        let minimum = try DiffFixtures.report(variances: [
            variance("services[*].replicas", .fewer(minimum: 3, ratio: nil))
        ])
        #expect(
            status(minimum, "services[checkout].replicas")
                == "failing: allowed variance 'fewer' does not hold: the mirror has 2, below the minimum of 3")
        let ratio = try DiffFixtures.report(variances: [
            variance("services[*].replicas", .fewer(minimum: nil, ratio: 0.5))
        ])
        #expect(
            status(ratio, "services[checkout].replicas")
                == "failing: allowed variance 'fewer' does not hold: the mirror has 2, below 0.5 of the reference's 6")
    }

    @Test func fewerFailsWhenTheMirrorHasMore() throws {
        let report = try DiffFixtures.report(
            DiffFixtures.staging, DiffFixtures.production,
            variances: [variance("services[checkout].replicas", .fewer(minimum: nil, ratio: nil))])
        #expect(
            status(report, "services[checkout].replicas")
                == "failing: allowed variance 'fewer' does not hold: the mirror has 6, more than the reference's 2")
    }

    @Test func fewerOnAListAllowsMissingItemsButNotStrangers() throws {
        let report = try DiffFixtures.report(variances: [variance("regions", .fewer(minimum: 1, ratio: nil))])
        #expect(status(report, "regions[us-east-1]") == "allowed by fewer")
        let stranger = try DiffFixtures.report(
            DiffFixtures.production,
            DiffFixtures.staging.replacingOccurrences(
                of: "regions: [eu-west-1]\nservices", with: "regions: [eu-west-1, sa-east-1]\nservices"),
            variances: [variance("regions", .fewer(minimum: nil, ratio: nil))])
        #expect(
            status(stranger, "regions[sa-east-1]").hasPrefix(
                "failing: allowed variance 'fewer' does not hold: the mirror has 'sa-east-1'"))
    }

    @Test func subsetAndSuperset() throws {
        let subset = try DiffFixtures.report(variances: [variance("services[checkout].regions", .subset)])
        #expect(status(subset, "services[checkout].regions[us-east-1]") == "allowed by subset")
        let superset = try DiffFixtures.report(variances: [variance("services[checkout].ports", .superset)])
        #expect(status(superset, #"services[checkout].ports[{"port":80,"protocol":"http"}]"#) == "allowed by superset")
        let wrongWay = try DiffFixtures.report(variances: [variance("services[checkout].regions", .superset)])
        #expect(
            status(wrongWay, "services[checkout].regions[us-east-1]")
                == "failing: allowed variance 'superset' does not hold: the reference has 'us-east-1', which the mirror does not"
        )
    }

    @Test func differHoldsWhenDifferentAndIsAGapWhenEqual() throws {
        let report = try DiffFixtures.report(variances: [variance("externals[payments].endpoint", .differ)])
        #expect(status(report, "externals[payments].endpoint") == "allowed by differ")
        let same = try DiffFixtures.report(
            DiffFixtures.production, DiffFixtures.production,
            variances: [variance("externals[payments].endpoint", .differ)])
        #expect(same.gaps.count == 1)
        #expect(same.gaps.first?.kind == .violated)
        #expect(
            status(same, "externals[payments].endpoint")
                == "failing: allowed variance 'differ' does not hold: the mirror must differ from the reference, but both are equal"
        )
    }

    @Test func aViolatedVarianceOnASecretStaysRedacted() throws {
        // Equal secrets break `differ`: the gap is new, not one of the diff's, and must still be redacted.
        let same = try DiffFixtures.report(
            DiffFixtures.production, DiffFixtures.production, variances: [variance("services[*].dbPassword", .differ)])
        #expect(same.gaps.map(\.kind) == [.violated])
        #expect(same.gaps.first?.sensitive == true)
        for output in [
            DiffTextRenderer(style: TextStyle(enabled: false)).render(same), DiffJSONRenderer().render(same),
        ] {
            #expect(!output.contains("hunter2"))
        }
    }

    @Test func ignoreAllowsEverythingBelowThePath() throws {
        let report = try DiffFixtures.report(variances: [variance("services[checkout]", .ignore)])
        #expect(report.gaps.filter { $0.path.description.hasPrefix("services[checkout]") }.allSatisfy { !$0.isFailing })
        #expect(status(report, "services[search]") == "failing")
    }

    @Test func aVarianceThatMatchesNothingIsReported() throws {
        var typo = variance("servcies[*].replicas", .fewer(minimum: nil, ratio: nil))
        typo.location = SourceLocation(file: "parity.yaml", line: 7, column: 9)
        let report = try DiffFixtures.report(variances: [typo])
        #expect(
            report.diagnostics.map(\.description) == [
                "parity.yaml:7:9: warning: allowed variance 'servcies[*].replicas' matches nothing in production or staging; check the path [spec.unused-variance]"
            ])
    }

    func waiver(_ target: String, expires: String) -> Waiver {
        Waiver(
            .gap(DiffFixtures.path(target)), reason: "migrating", owner: "team-search", ticket: "OPS-12",
            expires: expires,
            location: SourceLocation(file: "parity.yaml", line: 20, column: 5))
    }

    @Test func activeWaiverWaivesTheGap() throws {
        let report = try DiffFixtures.report(waivers: [waiver("services[search]", expires: "2026-12-31")])
        #expect(status(report, "services[search]") == "waived by team-search")
        #expect(report.diagnostics.isEmpty)
    }

    @Test func waiverOnTheLastDayStillWaives() throws {
        let report = try DiffFixtures.report(
            waivers: [waiver("services[search]", expires: "2026-06-01")], today: "2026-06-01")
        #expect(status(report, "services[search]") == "waived by team-search")
    }

    @Test func expiredWaiverStopsWaivingAndIsReported() throws {
        let report = try DiffFixtures.report(waivers: [waiver("services[search]", expires: "2026-01-31")])
        #expect(status(report, "services[search]") == "failing")
        #expect(
            report.diagnostics.map(\.description) == [
                "parity.yaml:20:5: warning: waiver for 'services[search]' expired on 2026-01-31; the gap it waived fails again (owner: team-search) [spec.expired-waiver]"
            ])
    }

    @Test func aWaiverMatchingNoGapIsReportedAsData() throws {
        let report = try DiffFixtures.report(waivers: [
            waiver("services[search]", expires: "2026-12-31"), waiver("services[gone]", expires: "2026-12-31"),
        ])
        // Whether it is stale is for check, which sees every pair; the pair says which missed.
        #expect(report.unmatchedWaivers == [1])
        #expect(report.diagnostics.isEmpty)
    }

    @Test func waiverWithWildcardCoversEveryMatch() throws {
        let report = try DiffFixtures.report(waivers: [waiver("services[*].version", expires: "2026-12-31")])
        #expect(status(report, "services[checkout].version") == "waived by team-search")
    }

    @Test func allowedGapsCountTowardsTheScore() throws {
        let strict = try DiffFixtures.report()
        let lenient = try DiffFixtures.report(variances: [
            variance("regions", .subset), variance("services[*].replicas", .fewer(minimum: 1, ratio: nil)),
        ])
        #expect(lenient.score > strict.score)
        #expect(lenient.sections.first { $0.section == "regions" }?.score == 1)
    }
}

@Suite struct ExpressionVarianceTests {
    let expressions = CELVarianceExpressions()

    func status(_ report: PairReport, _ path: String) -> String { DiffFixtures.status(report, path) }

    @Test func patternHoldsAndFails() throws {
        let sandbox = Variance(
            path: DiffFixtures.path("externals[payments].endpoint"), rule: .pattern(#"^https://sandbox\."#),
            reason: "sandbox only")
        #expect(
            status(
                try DiffFixtures.report(variances: [sandbox], expressions: expressions), "externals[payments].endpoint")
                == "allowed by pattern")
        let live = Variance(
            path: DiffFixtures.path("externals[payments].endpoint"), rule: .pattern(#"^https://mock\."#),
            reason: "mock only")
        #expect(
            status(try DiffFixtures.report(variances: [live], expressions: expressions), "externals[payments].endpoint")
                == #"failing: allowed variance 'pattern' does not hold: 'https://sandbox.pay.example.com' does not match /^https://mock\./"#
        )
    }

    @Test func celPredicateOverReferenceAndMirror() throws {
        let mode = Variance(
            path: DiffFixtures.path("externals[payments].mode"),
            rule: .predicate(#"reference == "live" && mirror in ["sandbox", "mock"]"#),
            reason: "no live money outside production")
        #expect(
            status(try DiffFixtures.report(variances: [mode], expressions: expressions), "externals[payments].mode")
                == "allowed by cel")
        let replicas = Variance(
            path: DiffFixtures.path("services[*].replicas"), rule: .predicate("mirror * 2 >= reference"),
            reason: "at least half")
        #expect(
            status(
                try DiffFixtures.report(variances: [replicas], expressions: expressions), "services[checkout].replicas")
                == "failing: allowed variance 'cel' does not hold: the predicate 'mirror * 2 >= reference' is false")
    }

    @Test func brokenPredicateIsAFailingVarianceNotACrash() throws {
        let broken = Variance(
            path: DiffFixtures.path("externals[payments].mode"), rule: .predicate("mirror.nosuch > 1"), reason: "x")
        #expect(
            status(try DiffFixtures.report(variances: [broken], expressions: expressions), "externals[payments].mode")
                .hasPrefix(
                    "failing: allowed variance 'cel' does not hold: the predicate 'mirror.nosuch > 1' could not be evaluated"
                ))
    }
}
