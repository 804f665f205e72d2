import Foundation
import Testing

/// `--today` and `PARITY_TODAY`: the run's date, the same for every rule and waiver, so a run
/// gives the same report on any day.
@Suite struct RunDateCommandTests {
    static let overdue = ParityBinary.repositoryRoot.appendingPathComponent("examples/overdue-staging")

    @Test func anOverdueStagingFailsTheGateWithLocatedFindings() throws {
        let run = try ParityBinary.run(["check", "--today", "2026-11-25"], in: Self.overdue)
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                """
                    x error   credentials.rotation-overdue  access.credentials[search-token]
                        environments/staging.yaml:23:104: credential 'search-token' was due for rotation on 2025-08-18 (last rotated 2025-05-20, every 90 days)
                """), "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "environments/staging.yaml:28:102: rollback 'orders-db-schema-rollback' was last rehearsed on 2026-09-14, before the schema of orders-db changed on 2026-11-10"
            ))
        #expect(run.stdout.contains("NO-GO: 5 policy errors"))
    }

    @Test func theOptionWinsOverTheEnvironmentAndTheReportIsTheSameOnAnyDay() throws {
        let fixed = try ParityBinary.run(["check", "--today", "2026-11-25", "--format", "json"], in: Self.overdue)
        let overridden = try ParityBinary.run(
            ["check", "--today", "2026-11-25", "--format", "json"], in: Self.overdue,
            environment: ["PARITY_TODAY": "2031-01-01"])
        let byEnvironment = try ParityBinary.run(
            ["check", "--format", "json"], in: Self.overdue, environment: ["PARITY_TODAY": "2026-11-25"])
        #expect(fixed.stdout == overridden.stdout && fixed.stdout == byEnvironment.stdout)
        // On a day when nothing had yet fallen due, the same files pass.
        let earlier = try ParityBinary.run(["check", "--today", "2025-06-01"], in: Self.overdue)
        #expect(!earlier.stdout.contains("credentials.rotation-overdue"))
    }

    @Test(arguments: [["check"], ["diff", "production", "staging"], ["lint"], ["eval", "today"], ["policy", "test"]])
    func everyDatedCommandTakesToday(_ command: [String]) throws {
        let run = try ParityBinary.run(command + ["--today", "2026-11-31"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--today takes a date written YYYY-MM-DD, found '2026-11-31'"), "\(run.stderr)")
        let environment = try ParityBinary.run(command, environment: ["PARITY_TODAY": "tomorrow"])
        #expect(environment.status == 64)
        #expect(
            environment.stderr.contains("PARITY_TODAY is 'tomorrow', not a date written YYYY-MM-DD"),
            "\(environment.stderr)")
    }

    @Test func evalReadsTheRunsDate() throws {
        let run = try ParityBinary.run([
            "eval", "--format", "cel", "--today", "2026-11-25", "[today, now == today, schedule.warnWithin]",
        ])
        #expect(
            run.stdout == #"[timestamp("2026-11-25T00:00:00Z"), true, duration("1209600s")]"# + "\n", "\(run.stderr)")
    }

    @Test func policyTestsPinTheirDayWhateverTheRunsDay() throws {
        for day in ["2020-01-01", "2026-11-25", "2040-06-30"] {
            let run = try ParityBinary.run(["policy", "test", "--today", day])
            #expect(run.status == 0, "\(day): \(run.stdout)")
            #expect(!run.stdout.contains("rules without tests"), "\(run.stdout)")
        }
    }

    @Test func lintWarnsOfAWaiverRunningOut() throws {
        let run = try ParityBinary.run(["lint", "--today", "2026-12-06"])
        #expect(run.status == 0)
        #expect(
            run.stderr.contains(
                "parity.yaml:115:5: warning: waiver for 'featureFlags[recommendations-v2]' expires in 9 days (on 2026-12-15)"
            ), "\(run.stderr)")
    }
}
