/// Writes realistic environment pairs of any size: N services with proportional
/// datastores, network rules, roles, bindings, credentials, flags, externals and rollback
/// procedures, valid against the parity/v1 schema, with a controlled number of gaps and
/// policy violations in staging so a run proves it still finds them.
struct Generator {
    var services: Int

    var datastores: Int { max(1, services / 10) }
    var roles: Int { max(1, services / 5) }
    var flags: Int { max(1, services / 5) }
    var rules: Int { max(1, services / 10) }
    var externals: Int { max(3, services / 100) }

    /// Deliberate gaps in staging: a changed version every 100th service, a missing service
    /// every 1,000th, one flag every 100th in a different state, and live data in db-0
    /// (which breaks the allowed variance for data sources).
    var expectedGaps: Int { services / 100 + services / 1000 + flags / 100 + 1 }

    func environment(tier: String) -> String {
        let production = tier == "production"
        let name = production ? "production" : "staging"
        var out = """
            apiVersion: parity/v1
            kind: Environment
            metadata:
              name: \(name)
              tier: \(tier)
              owner: platform-team
            regions: [\(production ? "us-east-1, eu-west-1" : "us-east-1")]
            services:

            """
        out.reserveCapacity(services * 900)
        for index in 0..<services {
            if !production, index % 1000 == 999 { continue }
            let version = !production && index % 100 == 7 ? "2.\(index % 17).0" : "1.\(index % 17).\(index % 5)"
            out += """
                  - name: svc-\(index)
                    image: registry.example.com/team-\(index % 40)/svc-\(index)
                    version: "\(version)"
                    replicas: \(production ? 3 : 1)
                    regions: [us-east-1]
                    resources: {cpu: "500m", memory: 512Mi}
                    ports:
                      - {port: 8443, protocol: https, tls: true}
                    dependencies: [db-\(index % datastores)]
                    config: {LOG_LEVEL: info, FEATURE_X: "on"}
                    secrets: [cred-\(index % datastores)]
                    healthCheck: {path: /healthz, interval: 10s}

                """
        }
        out += "datastores:\n"
        for index in 0..<datastores {
            let live = production || index == 0  // one leak in staging
            out += """
                  - name: db-\(index)
                    kind: database
                    engine: postgres
                    version: "16.4"
                    regions: [us-east-1]
                    encryption: {atRest: true, keyRef: alias/\(name)-db-\(index), inTransit: true}
                    backups: {enabled: true, retention: 35d}
                    schemaVersion: "2026.\(index % 12 + 1)"
                    data: {source: \(live ? "live" : "synthetic")}

                """
        }
        out += """
            networks:
              - name: main
                cidr: \(production ? "10.0.0.0/16" : "10.1.0.0/16")
                regions: [us-east-1]
                segments:
                  - {name: app, cidr: \(production ? "10.0.16.0/20" : "10.1.16.0/20")}
                  - {name: data, cidr: \(production ? "10.0.32.0/20" : "10.1.32.0/20")}
                rules:

            """
        for index in 0..<rules {
            out +=
                "      - {name: rule-\(index), direction: ingress, from: app, to: data, ports: [\(5432 + index % 100)], protocol: tcp}\n"
        }
        out += "access:\n  roles:\n"
        for index in 0..<roles {
            out +=
                "    - {name: role-\(index), permissions: [{actions: [\"rds-db:connect\"], resources: [\"arn:aws:rds-db:us-east-1:\(production ? 1 : 3):dbuser:db-\(index % datastores)\"]}]}\n"
        }
        out += "  bindings:\n"
        for index in 0..<roles {
            out += "    - {name: binding-\(index), role: role-\(index), principals: [\"group:team-\(index % 40)\"]}\n"
        }
        out += "  credentials:\n"
        for index in 0..<datastores {
            out +=
                "    - {name: cred-\(index), kind: password, secretRef: \"aws-sm://\(name)/db-\(index)\", rotation: 30d, lastRotated: 2026-11-01}\n"
        }
        out += "featureFlags:\n"
        for index in 0..<flags {
            let enabled = production ? index % 2 == 0 : (index % 100 == 3 ? index % 2 != 0 : index % 2 == 0)
            out += "  - {name: flag-\(index), enabled: \(enabled), rollout: \(index % 100)}\n"
        }
        out += "externals:\n"
        for index in 0..<externals {
            let mode = production ? "live" : "sandbox"
            out +=
                "  - {name: ext-\(index), kind: \(index == 0 ? "payment-gateway" : "email"), endpoint: \"https://\(production ? "api" : "sandbox").ext-\(index).example.com\", mode: \(mode)}\n"
        }
        out += """
            observability:
              tracing: {enabled: true, sampleRate: 0.1}
              metrics: {enabled: true}
              logging: {level: info}
              auditLog: {enabled: true, immutable: true}
            rollback:

            """
        for index in 0..<datastores {
            out +=
                "  - {name: rollback-db-\(index), reverts: [db-\(index)], strategy: down-migration, duration: 20m, lastRehearsed: 2026-11-01}\n"
        }
        return out
    }

    static let spec = """
        apiVersion: parity/v1
        kind: ParitySpec
        pairs:
          - reference: production
            mirror: staging
            allow:
              - {path: regions, rule: subset, reason: one region}
              - {path: "services[*].replicas", rule: fewer, minimum: 1, reason: smaller}
              - {path: "datastores[*].encryption.keyRef", rule: differ, reason: own keys}
              - path: "datastores[*].data.source"
                cel: mirror in ["synthetic", "masked-snapshot"]
                reason: no live data
              - {path: "networks[*].cidr", rule: differ, reason: own ranges}
              - {path: "networks[*].segments[*].cidr", rule: differ, reason: own ranges}
              - {path: "access.credentials[*].secretRef", rule: differ, reason: own secrets}
              - {path: "access.roles[*].permissions", rule: ignore, reason: own account}
              - {path: "externals[*].mode", cel: 'mirror in ["sandbox", "mock"]', reason: no live money}
              - {path: "externals[*].endpoint", rule: pattern, pattern: '^https://sandbox\\.', reason: sandboxes}
        """
}
