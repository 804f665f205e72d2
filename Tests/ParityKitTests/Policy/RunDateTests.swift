import Foundation
import Testing
import ParityCEL
import ParityDiagnostics
import ParityYAML
@testable import ParityKit

/// The run's date: one value for the whole run, from the clock or fixed, and a fixed one
/// gives the same report whatever the clock says.
@Suite struct RunDateTests {
    static let overdue = BuiltInPolicyTests.root.appendingPathComponent("examples/overdue-staging").path

    @Test func todayIsTheStartOfTheDayAndNowTheRunsInstant() throws {
        let clock = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
        let date = RunDate.current(environment: [:], clock: clock)
        #expect(date.day == "2026-11-18")
        #expect(date.today.rfc3339 == "2026-11-18T00:00:00Z")
        #expect(date.now.seconds == 1_795_000_000)
        let fixed = RunDate.current(environment: ["PARITY_TODAY": "2026-11-25"], clock: clock)
        #expect(fixed.day == "2026-11-25" && fixed.now == fixed.today)
        #expect(RunDate.current(environment: ["PARITY_TODAY": "2026-02-30"], clock: clock).day == "2026-11-18")
        #expect(RunDate(day: "2026-13-01") == nil)
        #expect(fixed.days(until: "2026-12-04") == 9)
        #expect(fixed.days(until: "2026-11-24") == -1)
    }

    @Test func expressionsReadTodayNowAndTheSchedule() throws {
        var options = EvalRun.Options(
            expression:
                "[string(today), today == now, schedule.rehearseEvery == duration('720h'), today - timestamp('2026-11-15T00:00:00Z')]"
        )
        options.date = try #require(RunDate(day: "2026-11-25"))
        let value = try #require(EvalRun(sources: SourceStore()).run(options).report)
        #expect(value.celLiteral == #"["2026-11-25T00:00:00Z", true, true, duration("864000s")]"#)
    }

    @Test func aFixedDayGivesTheSameReportWhateverTheClock() throws {
        func report(now: Int64) throws -> String {
            var options = CheckRun.Options(
                date: try #require(RunDate(day: "2026-11-25", now: try CELTimestamp(seconds: now))))
            options.config = Self.overdue + "/parity.yaml"
            return CheckJSONRenderer().render(try #require(CheckRun(sources: SourceStore()).run(options).report))
        }
        // The same day at two instants of it: `today` decides, never the hour.
        #expect(try report(now: 1_795_564_800) == report(now: 1_795_640_000))
    }

    @Test func anOverdueStagingFailsWithLocatedFindings() throws {
        var options = CheckRun.Options(today: "2026-11-25")
        options.config = Self.overdue + "/parity.yaml"
        let outcome = CheckRun(sources: SourceStore()).run(options)
        let report = try #require(outcome.report)
        #expect(outcome.status == .findings)
        let found = report.findings.map {
            "\($0.ruleID) \($0.item) \($0.location.map { "\($0.line):\($0.column)" } ?? "-")"
        }.sorted()
        #expect(
            found == [
                "credentials.rotation-overdue access.credentials[search-token] 23:104",
                "rollback.mirror-rehearses-reference  28:3",
                "rollback.rehearsed-recently rollback[orders-api-release-rollback] 29:5",
                "rollback.rehearsed-recently rollback[orders-db-schema-rollback] 28:102",
                "rollback.rehearsed-since-schema-change rollback[orders-db-schema-rollback] 28:102",
            ])
        #expect(
            report.findings.allSatisfy {
                $0.environment == "production -> staging" || $0.location?.file.hasSuffix("staging.yaml") == true
            })
    }

    @Test func theSampleProductionPassesTheDatedRules() throws {
        var options = CheckRun.Options(today: "2026-11-25")
        options.root = BuiltInPolicyTests.root.path
        let report = try #require(CheckRun(sources: SourceStore()).run(options).report)
        let dated = report.findings.filter {
            $0.ruleID.hasPrefix("rollback.") || $0.ruleID.hasPrefix("credentials.rotation")
        }
        #expect(dated.isEmpty, "\(dated.map(\.message))")
    }

    @Test func aZeroCadenceIsALocatedError() throws {
        let spec = try SpecFixtures.decode(
            """
            apiVersion: parity/v1
            kind: ParitySpec
            schedule:
              rehearseEvery: 0d
              warnWithin: 7d
            """)
        #expect(spec.1.map(\.code) == [.specInvalidSchedule])
        #expect(spec.1.first?.location?.line == 4)
        #expect(spec.0.schedule.warnWithin == 7 * 86_400 && spec.0.schedule.rehearseEvery == 30 * 86_400)
    }
}

/// Specs written inline in tests.
enum SpecFixtures {
    /// The spec a ParitySpec document describes, and the problems the schema cannot see.
    static func decode(_ text: String) throws -> (ParitySpec, [Diagnostic]) {
        let root = try YAMLLoader().load(Array(text.utf8), file: "parity.yaml")[0].root
        let decoded = SchemaDecoder().decode(root, as: SpecSchema.spec)
        #expect(!decoded.diagnostics.containsError, "\(decoded.diagnostics)")
        return ParitySpec.from(decoded.value, file: "parity.yaml")
    }
}
