import Foundation
import ParityDiagnostics
import Testing
@testable import ParityKit

/// `parity ready` on the sample repository's plan and the load test's saved samples: one
/// phase of each verdict, each rendered in every format and compared with its golden file.
@Suite struct ReadyRunTests {
    static let root = Golden.repositoryRoot.path
    static let plan = root + "/migrations/checkout-orders-db-16.yaml"
    static let samples = root + "/migrations/samples/validation.om"
    static let goldens = Golden.testsFolder.appendingPathComponent("Golden/ready")

    static func run(_ phase: String, sources: [(name: String, value: String)] = [("prometheus", samples)]) -> Outcome<
        ReadinessReport
    > {
        var options = ReadyRun.Options(plan: plan)
        options.root = root
        options.phase = phase
        options.sources = sources
        return ReadyRun(sources: SourceStore()).run(options)
    }

    /// Paths in a report relative to the repository, as a user running in it sees them.
    static func relative(_ text: String) -> String {
        text.replacingOccurrences(of: root + "/", with: "")
    }

    /// Every format, each under its golden file's extension.
    static let extensions: [ReportFormat: String] = [
        .text: "txt", .json: "json", .markdown: "md", .junit: "junit.xml", .sarif: "sarif", .github: "github.txt",
        .gitlab: "gitlab.json", .html: "html",
    ]

    static let renderers: [(String, @Sendable (ReadinessReport) -> String)] = ReportFormat.allCases.map { format in
        (
            extensions[format] ?? format.rawValue,
            { ReadyFormat.render($0, as: format, ReportFormat.Options(base: root)) }
        )
    }

    @Test(arguments: [
        ("validation", ReadinessVerdict.noGo, RunStatus.findings), ("prep", .pause, .findings),
        ("migration", .go, .passed),
    ])
    func verdictsOfTheSample(_ phase: String, _ verdict: ReadinessVerdict, _ status: RunStatus) throws {
        let outcome = Self.run(phase)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let report = try #require(outcome.report)
        #expect(report.verdict == verdict)
        #expect(outcome.status == status)
        for (format, render) in Self.renderers {
            try Golden.check(
                Self.relative(render(report)), against: Self.goldens.appendingPathComponent("\(phase).\(format).golden")
            )
        }
    }

    @Test func aNoGoNamesTheRollbackOfTheFailedCriterion() throws {
        let report = try #require(Self.run("validation").report)
        #expect(report.rollbacks.map(\.name) == ["orders-db-schema-rollback"])
        let failed = report.criteria.filter { $0.status == .failed }.map(\.title)
        #expect(failed == ["orders-reconciled"])
        // `for: services` with `when`: the three services that depend on orders-db.
        #expect(
            report.criteria.filter { $0.name == "error-rate" }.compactMap(\.item) == [
                "inventory-service", "orders-service", "payments-service",
            ])
    }

    @Test func aPauseSaysWhyThereIsNoData() throws {
        let report = try #require(Self.run("prep").report)
        let entry = try #require(report.criteria.first { $0.name == "production-within-budget" })
        #expect(entry.status == .noData && entry.effect == .pause)
        #expect(entry.note == "no series for the query")
    }

    @Test func reconciliationFailsOnNaNAndMissingTables() throws {
        let folder = try ScratchFolder()
        let results = try folder.write(
            "r.csv", "table,source,target,difference,status\norders,5,5,0,pass\norder_audit,NaN,4,,pass\n")
        let judge = CriterionJudge(
            criterion: Criterion(
                name: "r", role: .success,
                check: .reconciliation(
                    ReconciliationCheck(source: "s", tables: [], tolerance: nil, toleranceText: nil, maxDifference: nil)
                ), noData: .pause, minSamples: 1), baselineName: "production")
        let check = ReconciliationCheck(
            source: "s", tables: ["orders", "order_audit", "order_items"], tolerance: 0.01, toleranceText: "1%",
            maxDifference: nil)
        let (status, judgements, _) = judge.reconcile(
            check, results: try ReconciliationResults.load(results, format: .reconciliationCSV))
        #expect(status == .failed)
        #expect(judgements.map(\.passed) == [true, false, false])
        #expect(
            judgements.map(\.observed) == [
                "source 5, target 5, difference 0, status pass", "source is NaN", "missing from the results",
            ])
    }

    @Test func anUnknownPhaseOrSourceIsInvalidInput() {
        let phase = Self.run("validaton")
        #expect(phase.status == .invalidInput)
        #expect(
            phase.diagnostics.map(\.message) == [
                "the plan has no phase 'validaton'; did you mean 'validation'?; its phases are prep, migration, validation or cutover"
            ])
        let source = Self.run("validation", sources: [("prometeus", Self.samples)])
        #expect(source.status == .invalidInput)
        #expect(source.diagnostics.map(\.code) == [.planUnknownSource])
    }

    @Test func aSavedFileCannotAnswerPromQLBeyondSelectors() throws {
        let folder = try ScratchFolder()
        let plan = try folder.write("migrations/plan.yaml", """
            apiVersion: parity/v1
            kind: MigrationPlan
            metadata: {name: p}
            baseline: production
            rehearsal: staging
            sources: [{name: saved, file: saved.om}]
            phases:
              - name: one
                pause:
                  - {name: rate, query: 'sum(rate(x{environment="{{ environment }}"}[5m]))', absolute: "< 1"}
            """)
        try folder.write("migrations/saved.om", "x{environment=\"staging\"} 1 100\n# EOF\n")
        try folder.write(
            "environments/staging.yaml",
            "apiVersion: parity/v1\nkind: Environment\nmetadata: {name: staging, tier: staging, owner: qa}\n")
        try folder.write(
            "environments/production.yaml",
            "apiVersion: parity/v1\nkind: Environment\nmetadata: {name: production, tier: production, owner: qa}\n")
        var options = ReadyRun.Options(plan: plan)
        options.root = folder.path
        options.phase = "one"
        let outcome = ReadyRun(sources: SourceStore()).run(options)
        #expect(outcome.status == .invalidInput)
        #expect(outcome.diagnostics.map(\.code) == [.readyOfflineQuery])
    }
}
