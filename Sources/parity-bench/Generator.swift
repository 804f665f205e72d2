/// Writes realistic environment files of any size: N services with proportional
/// datastores, network rules, roles, bindings, flags and externals.
struct Generator {
    var services: Int
    var tier: String
    var name: String

    func yaml() -> String {
        var out = """
            apiVersion: parity/v1
            kind: Environment
            metadata:
              name: \(name)
              tier: \(tier)
              owner: platform-team
            regions: [eu-west-1, us-east-1]
            services:

            """
        out.reserveCapacity(services * 700)
        for index in 0..<services {
            out += """
                  - name: svc-\(index)
                    image: registry.example.com/team-\(index % 40)/svc-\(index)
                    version: "1.\(index % 17).\(index % 5)"
                    replicas: \(tier == "production" ? 3 : 1)
                    resources: {cpu: "500m", memory: 512Mi}
                    ports:
                      - {name: http, port: 8080, protocol: https, tls: true}
                    dependencies: [svc-\((index + 1) % services)]
                    config: {LOG_LEVEL: info, FEATURE_X: "on"}
                    secrets: [svc-\(index)-db-password]
                    healthCheck: {path: /healthz, intervalSeconds: 10}
                    regions: [eu-west-1]

                """
        }
        out += "datastores:\n"
        for index in 0..<max(1, services / 10) {
            out += """
                  - name: db-\(index)
                    kind: database
                    engine: postgres
                    version: "15.4"
                    encryption: {atRest: true, keyRef: kms/db-\(index), inTransit: true}
                    backups: {enabled: true, retentionDays: 30}
                    dataSource: \(tier == "production" ? "live" : "synthetic")

                """
        }
        out += "access:\n  roles:\n"
        for index in 0..<max(1, services / 5) {
            out += """
                    - name: role-\(index)
                      permissions:
                        - {actions: [read, write], resources: [db-\(index / 2)]}

                """
        }
        out += "featureFlags:\n"
        for index in 0..<max(1, services / 5) {
            out += "  - {name: flag-\(index), enabled: \(index % 2 == 0), rollout: \(index % 100)}\n"
        }
        return out
    }
}
