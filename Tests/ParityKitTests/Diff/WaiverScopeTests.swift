import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// Waivers for one pair or for all, expired waivers linked to the gaps they waived, and
/// warnings ahead of expiry.
@Suite struct WaiverScopeTests {
    func waiver(_ target: String, expires: String, reference: String? = nil, mirror: String? = nil) -> Waiver {
        var waiver = Waiver(
            .gap(DiffFixtures.path(target)), reason: "migrating", owner: "team-search", ticket: "OPS-12",
            expires: expires,
            location: SourceLocation(file: "parity.yaml", line: 20, column: 5))
        (waiver.reference, waiver.mirror) = (reference, mirror)
        return waiver
    }

    func report(mirror name: String, waivers: [Waiver], today: String = "2026-06-01", warnWithin: Int = 14 * 86_400)
        throws -> PairReport
    {
        var evaluator = PairEvaluator(
            variances: [], waivers: waivers, today: today, expressions: DiffFixtures.NoExpressions())
        evaluator.warnWithin = warnWithin
        return evaluator.evaluate(
            reference: ("production", try DiffFixtures.value(DiffFixtures.production, file: "production.yaml")),
            mirror: (name, try DiffFixtures.value(DiffFixtures.staging, file: "\(name).yaml")), diff: DiffFixtures.diff)
    }

    @Test func aWaiverForOnePairLeavesOtherPairsAlone() throws {
        let scoped = waiver("services[search]", expires: "2026-12-31", reference: "production", mirror: "staging")
        #expect(
            DiffFixtures.status(try report(mirror: "staging", waivers: [scoped]), "services[search]")
                == "waived by team-search")
        let other = try report(mirror: "disaster-recovery", waivers: [scoped])
        #expect(DiffFixtures.status(other, "services[search]") == "failing")
        // Not this pair's waiver, so not this pair's to call stale either.
        #expect(other.diagnostics.isEmpty)
        let byMirror = waiver("services[search]", expires: "2026-12-31", mirror: "staging")
        #expect(
            DiffFixtures.status(try report(mirror: "disaster-recovery", waivers: [byMirror]), "services[search]")
                == "failing")
        #expect(
            DiffFixtures.status(
                try report(mirror: "disaster-recovery", waivers: [waiver("services[search]", expires: "2026-12-31")]),
                "services[search]") == "waived by team-search")
    }

    @Test func theTextSaysWhichPairsAWaiverIsFor() throws {
        let style = TextStyle(enabled: false)
        let scoped = try report(
            mirror: "staging",
            waivers: [waiver("services[search]", expires: "2026-12-31", reference: "production", mirror: "staging")])
        #expect(
            DiffTextRenderer(style: style).render(scoped).contains(
                "waived for production -> staging until 2026-12-31 by team-search (OPS-12): migrating"))
        let everywhere = try report(mirror: "staging", waivers: [waiver("services[search]", expires: "2026-12-31")])
        #expect(DiffTextRenderer(style: style).render(everywhere).contains("waived for every pair until 2026-12-31"))
        #expect(DiffJSONRenderer().render(scoped).contains(#""pairs": "production -> staging""#))
    }

    @Test func anExpiredWaiverIsShownBesideTheGapItWaived() throws {
        let report = try report(mirror: "staging", waivers: [waiver("services[search]", expires: "2026-05-15")])
        let gap = try #require(report.gaps.first { $0.path.description == "services[search]" })
        #expect(gap.isFailing && gap.expiredWaiver?.owner == "team-search")
        let text = DiffTextRenderer(style: TextStyle(enabled: false)).render(report)
        #expect(
            text.contains(
                "x services[search]  missing in staging\n      waiver expired on 2026-05-15, owner team-search (OPS-12)\n"
            ), "\(text)")
        let json = DiffJSONRenderer().render(report)
        #expect(json.contains(#""expires": "2026-05-15""#) && json.contains(#""expired": true"#), "\(json)")
    }

    @Test(arguments: [
        ("2026-06-10", 14, "expires in 9 days (on 2026-06-10)"), ("2026-06-02", 14, "expires in 1 day (on 2026-06-02)"),
        ("2026-06-01", 14, "expires today"), ("2026-06-10", 7, nil), ("2026-06-16", 14, nil),
    ])
    func waiversRunningOutAreWarnedAboutAhead(_ expires: String, _ horizonDays: Int, _ expected: String?) throws {
        let report = try report(
            mirror: "staging", waivers: [waiver("services[search]", expires: expires)], warnWithin: horizonDays * 86_400
        )
        #expect(DiffFixtures.status(report, "services[search]") == "waived by team-search")
        if let expected {
            #expect(
                report.diagnostics.map(\.description) == [
                    "parity.yaml:20:5: warning: waiver for 'services[search]' \(expected); fix what it waives or renew it with a reason (owner: team-search) [spec.expiring-waiver]"
                ])
        } else {
            #expect(report.diagnostics.isEmpty)
        }
    }

    @Test func aWaiverNamesItsPairAsReferenceColonMirror() throws {
        func spec(_ scope: String) throws -> (ParitySpec, [Diagnostic]) {
            try SpecFixtures.decode("""
                apiVersion: parity/v1
                kind: ParitySpec
                waivers:
                  - {gap: "services[search]", \(scope), reason: r, owner: o, expires: 2026-12-31}
                """)
        }
        let pair = try spec("pair: production:staging")
        #expect(
            pair.1.isEmpty && pair.0.waivers.first?.reference == "production"
                && pair.0.waivers.first?.mirror == "staging")
        #expect(try spec("mirror: staging").0.waivers.first?.scope == "every pair mirrored by staging")
        let malformed = try spec("pair: production")
        #expect(malformed.1.map(\.code) == [.specInvalidWaiver] && malformed.1.first?.location?.line == 4)
        #expect(malformed.0.waivers.isEmpty)
        #expect(try spec("pair: a:b, mirror: b").1.map(\.code) == [.specInvalidWaiver])
    }

    @Test func theSampleWaiverIsForProductionAndStagingOnly() throws {
        func gap(_ mirror: String) throws -> Gap {
            var options = DiffRun.Options(reference: "production", mirror: mirror, today: "2026-11-25")
            options.root = Golden.repositoryRoot.path
            let report = try #require(DiffRun(sources: SourceStore()).run(options).report)
            return try #require(report.gaps.first { $0.path.description == "featureFlags[recommendations-v2].enabled" })
        }
        #expect(!(try gap("staging")).isFailing)
        #expect(try gap("preview").isFailing)
    }

    @Test func lintWarnsOfWaiversExpiredOrRunningOut() throws {
        var linter = Linter(sources: SourceStore())
        let root = Golden.repositoryRoot.path
        #expect(linter.lintRepository(at: root).isEmpty)
        linter.date = RunDate(day: "2026-12-10")
        #expect(
            linter.lintRepository(at: root).map(\.message) == [
                "waiver for 'featureFlags[recommendations-v2]' expires in 5 days (on 2026-12-15); fix what it waives or renew it with a reason (owner: team-discovery)"
            ])
        linter.date = RunDate(day: "2026-12-16")
        #expect(
            linter.lintRepository(at: root).map(\.message) == [
                "waiver for 'featureFlags[recommendations-v2]' expired on 2026-12-15; what it waived fails again (owner: team-discovery)"
            ])
    }
}
