import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

@Suite struct BuiltInPolicyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let policies = root.appendingPathComponent("policies").path

    @Test func everyBuiltInRuleCompiles() {
        let sources = SourceStore()
        let loaded = PolicyLoader().load(files: RepositoryLayout.policyFiles(in: Self.policies), sources: sources)
        #expect(loaded.diagnostics.isEmpty, "\(DiagnosticRenderer(sources: sources).render(loaded.diagnostics))")
        #expect(loaded.rules.count >= 20)
        for rule in loaded.rules {
            #expect(rule.rule.rationale != nil && rule.rule.fix != nil, "\(rule.rule.id) explains itself")
        }
    }
}
