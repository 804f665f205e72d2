import Foundation
import ParityDiagnostics
import Testing
@testable import ParityKit

/// Plans are validated like every other kind: located diagnostics for the schema, the
/// plan's own rules, and rollback references into the rehearsal environment.
@Suite struct PlanLintTests {
    @Test func theSamplePlanIsClean() {
        let root = Golden.repositoryRoot.path
        let diagnostics = Linter(sources: SourceStore()).lint(
            paths: [root + "/migrations/checkout-orders-db-16.yaml"], root: root)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func eachProblemAtItsPlace() throws {
        let folder = try ScratchFolder()
        try folder.write(
            "environments/production.yaml",
            "apiVersion: parity/v1\nkind: Environment\nmetadata: {name: production, tier: production, owner: qa}\n")
        try folder.write(
            "environments/staging.yaml",
            """
            apiVersion: parity/v1
            kind: Environment
            metadata: {name: staging, tier: staging, owner: qa}
            services: [{name: api, image: api, version: "1"}]
            rollback: [{name: api-rollback, reverts: [api]}]
            """)
        let plan = try folder.write(
            "migrations/plan.yaml",
            """
            apiVersion: parity/v1
            kind: MigrationPlan
            metadata: {name: p}
            baseline: production
            rehearsal: staging
            sources: [{name: prom, url: "http://localhost:9090"}, {name: both, url: "http://x", file: y.om}]
            phases:
              - name: validation
                success:
                  - name: p99
                    query: 'lat{environment="{{ environment }}", service="{{ service }}"}'
                    window: 30m
                    absolute: "< 300 parsecs"
                    statistical: {alpha: 0.05}
                    rollback: api-rolback
                  - name: errors
                    query: 'errors{environment="{{ environment }}"}'
                    noData: maybe
            """)
        let diagnostics = Linter(sources: SourceStore()).lintRepository(at: folder.path)
        let lines = diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.code)" }
        #expect(
            lines == [
                "6:55 plan.invalid-source", "11:16 plan.unknown-placeholder", "13:19 plan.invalid-threshold",
                "14:22 plan.invalid-criterion",
                "15:19 plan.unknown-rollback", "16:9 plan.invalid-criterion", "16:9 plan.missing-rollback",
                "18:17 schema.invalid-value",
            ], "\(diagnostics.map(\.description))")
        #expect(diagnostics.allSatisfy { $0.location?.file == plan })
    }
}
