import Foundation
@testable import ParityKit

/// A repository with known drift events, commit by commit:
///
/// 1. production and staging match (100%);
/// 2. staging turns tracing off: a gap appears (the mirror moved);
/// 3. a README changes: not a commit that touches the environments, not judged;
/// 4. production moves orders-db to 16.4, staging never follows: a production change never mirrored;
/// 5. staging.yaml is broken (a tab where YAML expects indentation): an invalid commit;
/// 6. staging.yaml repaired, tracing back on: the tracing gap is fixed;
/// 7. a flag's rollout in staging lags production's, allowed by nothing: another gap.
enum HistoryFixture {
    static let spec = """
        apiVersion: parity/v1
        kind: ParitySpec
        pairs:
          - reference: production
            mirror: staging
            allow:
              - {path: "services[*].replicas", rule: fewer, minimum: 1, reason: rehearsal traffic only}

        """

    static func environment(
        _ name: String, tier: String, replicas: Int, version: String = "16.2", tracing: Bool = true, rollout: Int = 100
    ) -> String {
        """
        apiVersion: parity/v1
        kind: Environment
        metadata: {name: \(name), tier: \(tier), owner: platform-team}
        regions: [eu-west-1]
        services:
          - name: api
            image: registry.example.com/shop/api
            version: "3.2.0"
            replicas: \(replicas)
            regions: [eu-west-1]
            dependencies: [orders-db]
        datastores:
          - name: orders-db
            kind: database
            engine: postgres
            version: "\(version)"
            regions: [eu-west-1]
            encryption: {atRest: true, inTransit: true}
            data: {source: synthetic}
        featureFlags:
          - {name: new-checkout, enabled: true, rollout: \(rollout)}
        observability:
          tracing: {enabled: \(tracing)}

        """
    }

    static func make() throws -> ScriptedRepository {
        let repository = try ScriptedRepository()
        let production = "environments/production.yaml", staging = "environments/staging.yaml"
        try repository.commit(
            "Environments: production and staging", day: "2026-01-05",
            files: [
                "parity.yaml": spec,
                production: environment("production", tier: "production", replicas: 6),
                staging: environment("staging", tier: "staging", replicas: 2),
                "README.md": "# environments\n",
            ])
        try repository.commit(
            "Staging: tracing off to save cost", day: "2026-01-12", author: "Bob Builder",
            files: [
                staging: environment("staging", tier: "staging", replicas: 2, tracing: false)
            ])
        try repository.commit(
            "Docs: how to add an environment", day: "2026-01-13",
            files: ["README.md": "# environments\n\nOne file each.\n"])
        try repository.commit(
            "Production: orders-db to postgres 16.4", day: "2026-02-02", author: "Carol Dba",
            files: [
                production: environment("production", tier: "production", replicas: 6, version: "16.4")
            ])
        try repository.commit(
            "Staging: tidy (broken)", day: "2026-02-10", author: "Bob Builder",
            files: [
                staging: environment("staging", tier: "staging", replicas: 2, tracing: false).replacingOccurrences(
                    of: "  - name: api", with: "\t- name: api")
            ])
        try repository.commit(
            "Staging: repair the file; tracing back on", day: "2026-02-11", author: "Bob Builder",
            files: [
                staging: environment("staging", tier: "staging", replicas: 2)
            ])
        try repository.commit(
            "Staging: new-checkout at 50%", day: "2026-03-01",
            files: [
                staging: environment("staging", tier: "staging", replicas: 2, rollout: 50)
            ])
        return repository
    }
}
