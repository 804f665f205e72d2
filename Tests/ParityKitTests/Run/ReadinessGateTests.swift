import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// A migration plan's phase in `parity check`'s gate (`gate.readiness`), carried by every
/// report format as the same failing items.
@Suite struct ReadinessGateTests {
    /// The sample repository copied, its gate judging the sample plan's phase `phase`.
    static func sample(phase: String) throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        for folder in ["environments", "policies", "migrations"] {
            try FileManager.default.copyItem(
                at: Golden.repositoryRoot.appendingPathComponent(folder), to: scratch.url.appendingPathComponent(folder)
            )
        }
        var spec = try String(contentsOf: Golden.repositoryRoot.appendingPathComponent("parity.yaml"), encoding: .utf8)
        spec = spec.replacingOccurrences(
            of: "gate:\n  failOn: error\n",
            with: """
                gate:
                  failOn: error
                  readiness:
                    - {plan: migrations/checkout-orders-db-16.yaml, phase: \(phase), sources: {prometheus: migrations/samples/validation.om}}

                """)
        try scratch.write("parity.yaml", spec)
        return scratch
    }

    static func check(_ scratch: ScratchFolder) throws -> CheckReport {
        var options = CheckRun.Options(today: "2026-11-25")
        options.root = scratch.path
        return try #require(CheckRun(sources: SourceStore()).run(options).report)
    }

    @Test func aNoGoPhaseFailsTheGateWithItsRollback() throws {
        let report = try Self.check(try Self.sample(phase: "validation"))
        #expect(!report.diagnostics.containsError, "\(report.diagnostics)")
        let readiness = try #require(report.readiness.first)
        #expect(readiness.verdict == .noGo)
        #expect(report.gate.reasons.contains(.readiness(plan: readiness.plan, phase: "validation", verdict: .noGo)))
        let text = CheckTextRenderer(style: TextStyle(enabled: false)).render(report)
        #expect(text.contains("migration readiness"))
        #expect(text.contains("roll back with orders-db-schema-rollback"))
        #expect(text.contains("is NO-GO in phase validation"))
    }

    @Test func everyFormatCarriesTheCriteriaThatHoldThePhaseBack() throws {
        let scratch = try Self.sample(phase: "validation")
        let report = try Self.check(scratch)
        let items = ReportItem.items(of: report, base: scratch.path)
        let criteria = items.filter { $0.readiness != nil }
        #expect(!criteria.isEmpty)
        #expect(criteria.allSatisfy { $0.ruleID.hasPrefix(ReadinessRule.prefix) && $0.location != nil })
        var options = ReportFormat.Options(base: scratch.path)
        options.linkBase = nil
        for format in ReportFormat.allCases {
            let rendered = format.render(report, options)
            for item in criteria {
                let name = ReadinessRule.criterion(of: item.ruleID) ?? ""
                #expect(rendered.contains(name), "\(format) does not name the criterion \(name)")
            }
        }
        let sarif = ReportFormat.sarif.render(report, options)
        #expect(sarif.contains("\"parity.ready."))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(report, options).utf8))
                as? [String: Any])
        #expect((json["readiness"] as? [Any])?.count == 1)
    }

    @Test func aGoPhaseLeavesTheGateAsItWas() throws {
        let report = try Self.check(try Self.sample(phase: "migration"))
        #expect(report.readiness.first?.verdict == .go)
        #expect(!report.gate.reasons.contains { if case .readiness = $0 { true } else { false } })
    }

    @Test func aPlanThatDoesNotLoadIsInvalidInput() throws {
        let scratch = try Self.sample(phase: "validation")
        try scratch.write("migrations/checkout-orders-db-16.yaml", "apiVersion: parity/v1\nkind: MigrationPlan\n")
        var options = CheckRun.Options(today: "2026-11-25")
        options.root = scratch.path
        #expect(CheckRun(sources: SourceStore()).run(options).status == .invalidInput)
    }
}
