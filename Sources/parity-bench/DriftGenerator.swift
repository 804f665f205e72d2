/// The drifted profile: a production and a staging environment of N services where a share
/// of the items (10% by default) drift as adopting teams' repositories do: items missing and
/// extra, fields changed, allowed variances of every rule kind broken, gaps waived, and
/// policy violations in both environments (some waived). Every other item differs only in
/// ways the spec allows (fewer replicas, debug logs, own keys, sandboxes), so the allowed
/// gaps outnumber the failing ones. `expected` counts what a run must find.
struct DriftGenerator {
    var services: Int
    /// Every `stride`th item drifts (10 for 10%).
    var stride: Int

    init(services: Int, share: Double) {
        self.services = services
        stride = max(1, Int((1 / max(share, 0.0001)).rounded()))
    }

    var datastores: Int { max(10, services / 10) }
    var roles: Int { max(10, services / 5) }
    var flags: Int { max(10, services / 5) }
    var externals: Int { max(3, services / 100) }

    /// How the `index`th drifting service drifts: ten kinds, in turn.
    enum ServiceDrift: Int, CaseIterable {
        case missing, extra, version, replicas, logLevel, regions, image, waived, moreDependencies, fewerDependencies

        /// Whether the gap it makes fails (the others are waived or allowed).
        var fails: Bool { self != .waived && self != .moreDependencies }
    }

    func drift(ofService index: Int) -> ServiceDrift? {
        guard index % stride == 0 else { return nil }
        return ServiceDrift(rawValue: (index / stride) % ServiceDrift.allCases.count)
    }

    /// What a run must find: failing and waived gaps, active and waived findings.
    var expected: (failingGaps: Int, waivedGaps: Int, findings: Int, waivedFindings: Int) {
        let drifts = (0..<services).compactMap(drift(ofService:))
        var failing = drifts.filter(\.fails).count
        let waived = drifts.filter { $0 == .waived }.count
        // Datastores: every stride-th keeps production's key (differ fails), the next one live data (cel fails).
        let sameKey = (0..<datastores).filter { $0 % stride == 0 }.count
        let live = (0..<datastores).filter { $0 % stride == 1 }.count
        failing += sameKey + live
        failing += (0..<flags).filter { $0 % stride == 3 }.count  // flags in another state
        failing += 1  // ext-0 is live in staging
        // Findings: live data and the live gateway in staging; wildcard roles in both environments.
        let wildcard = (0..<roles).filter { $0 % stride == 2 }.count
        let waivedRoles = (0..<roles).filter { $0 % stride == 2 && ($0 / stride) % 2 == 0 }.count
        let findings = live + 1 + 2 * wildcard - waivedRoles
        return (failing, waived, findings, waivedRoles)
    }

    /// At most this many services a file: past it an environment is a folder of files, as a
    /// team's repository of that size is (and as the loader's limit of nodes a file asks).
    static let servicesPerFile = 10_000

    /// The environment's files, by name: one file (`environment.yaml`) up to `servicesPerFile`
    /// services, else that file without services and the services in files of that many.
    func files(tier: String) -> [(name: String, text: String)] {
        guard services > Self.servicesPerFile else {
            return [("environment.yaml", environment(tier: tier, services: 0..<services))]
        }
        var files = [("environment.yaml", environment(tier: tier, services: 0..<0))]
        for start in Swift.stride(from: 0, to: services, by: Self.servicesPerFile) {
            let range = start..<min(services, start + Self.servicesPerFile)
            let text = "apiVersion: parity/v1\nkind: Environment\nservices:\n" + self.services(range, tier: tier)
            files.append(("services-\(start / Self.servicesPerFile + 1).yaml", text))
        }
        return files
    }

    private func environment(tier: String, services range: Range<Int>) -> String {
        let production = tier == "production"
        let name = production ? "production" : "staging"
        var out = """
            apiVersion: parity/v1
            kind: Environment
            metadata:
              name: \(name)
              tier: \(tier)
              owner: platform-team
            regions: [\(production ? "us-east-1, eu-west-1, ap-south-1" : "us-east-1, ap-south-1")]

            """
        if !range.isEmpty { out += "services:\n" + services(range, tier: tier) }
        out += "datastores:\n"
        for index in 0..<datastores {
            let keyOwner = production || index % stride == 0 ? "production" : name
            let source = production ? "live" : (index % stride == 1 ? "live" : "masked-snapshot")
            out += """
                  - name: db-\(index)
                    kind: database
                    engine: postgres
                    version: "16.4"
                    regions: [us-east-1]
                    encryption: {atRest: true, keyRef: alias/\(keyOwner)-db-\(index), inTransit: true}
                    backups: {enabled: true, retention: 35d}
                    data: {source: \(source)}

                """
        }
        out += "access:\n  roles:\n"
        for index in 0..<roles {
            let action = index % stride == 2 ? "*" : "rds-db:connect"
            out +=
                "    - {name: role-\(index), permissions: [{actions: [\"\(action)\"], resources: [\"arn:aws:rds-db:us-east-1:\(production ? 1 : 3):dbuser:db-\(index % datastores)\"]}]}\n"
        }
        out += "  bindings:\n"
        for index in 0..<roles {
            out += "    - {name: binding-\(index), role: role-\(index), principals: [\"group:team-\(index % 40)\"]}\n"
        }
        out += "  credentials:\n"
        for index in 0..<datastores {
            out +=
                "    - {name: cred-\(index), kind: password, secretRef: \"aws-sm://\(name)/db-\(index)\", rotation: 30d, lastRotated: 2026-11-20}\n"
        }
        out += "featureFlags:\n"
        for index in 0..<flags {
            let enabled = (index % 2 == 0) != (!production && index % stride == 3)
            out += "  - {name: flag-\(index), enabled: \(enabled), rollout: \(index % 100)}\n"
        }
        out += "externals:\n"
        for index in 0..<externals {
            let mode = production || index == 0 ? "live" : "sandbox"
            let host = production ? "api" : "sandbox"
            out +=
                "  - {name: ext-\(index), kind: \(index == 0 ? "payment-gateway" : "email"), endpoint: \"https://\(host).ext-\(index).example.com\", mode: \(mode)}\n"
        }
        out += """
            observability:
              tracing: {enabled: true, sampleRate: 0.1}
              metrics: {enabled: true}
              logging: {level: info}
              auditLog: {enabled: true, immutable: true}

            """
        return out
    }

    /// The items of `services:` for the services in `range`.
    private func services(_ range: Range<Int>, tier: String) -> String {
        let production = tier == "production"
        var out = ""
        out.reserveCapacity(range.count * 700)
        for index in range {
            let drift = production ? nil : drift(ofService: index)
            if drift == .missing { continue }
            out += service(index, production: production, drift: drift, name: "svc-\(index)")
            if drift == .extra {
                out += service(index, production: production, drift: nil, name: "svc-\(index)-canary")
            }
        }
        return out
    }

    private func service(_ index: Int, production: Bool, drift: ServiceDrift?, name: String) -> String {
        let version = drift == .version || drift == .waived ? "2.\(index % 17).0" : "1.\(index % 17).\(index % 5)"
        let replicas = production ? 3 : (drift == .replicas ? 0 : 1)
        let logLevel = production ? "info" : (drift == .logLevel ? "trace" : "debug")
        let regions = drift == .regions ? "us-east-1, ap-south-1" : "us-east-1"
        let image =
            drift == .image ? "docker.io/library/svc-\(index)" : "registry.example.com/team-\(index % 40)/svc-\(index)"
        let database = index % datastores
        let dependencies =
            switch drift {
            case .moreDependencies: "db-\(database), db-\((database + 1) % datastores)"
            case .fewerDependencies: ""
            default: "db-\(database)"
            }
        return """
              - name: \(name)
                image: \(image)
                version: "\(version)"
                replicas: \(replicas)
                regions: [\(regions)]
                resources: {cpu: "\(production ? "1" : "500m")", memory: 512Mi}
                ports:
                  - {port: 8443, protocol: https, tls: true}
                dependencies: [\(dependencies)]
                config: {LOG_LEVEL: \(logLevel), FEATURE_X: "on"}
                secrets: [cred-\(database)]
                healthCheck: {path: /healthz, interval: 10s}

            """
    }

    /// The spec: a variance of every rule kind, a gap waiver for each waived service, a rule
    /// waiver for every other wildcard role in production.
    func spec(policies: String) -> String {
        var out = """
            apiVersion: parity/v1
            kind: ParitySpec
            policies: \(policies)
            pairs:
              - reference: production
                mirror: staging
                allow:
                  - {path: regions, rule: fewer, minimum: 1, reason: one region}
                  - {path: "services[*].replicas", rule: fewer, minimum: 1, reason: smaller}
                  - {path: "services[*].regions", rule: subset, reason: only staging's region}
                  - {path: "services[*].resources", rule: ignore, reason: smaller instances}
                  - {path: "services[*].image", rule: pattern, pattern: '^registry\\.example\\.com/', reason: our registry}
                  - {path: "services[*].dependencies", rule: superset, reason: staging may add test doubles}
                  - {path: "services[*].config.LOG_LEVEL", cel: 'mirror in ["debug", "info"]', reason: debug logs}
                  - {path: "datastores[*].encryption.keyRef", rule: differ, reason: own keys}
                  - path: "datastores[*].data.source"
                    cel: mirror in ["synthetic", "masked-snapshot"]
                    reason: no live data
                  - {path: "access.credentials[*].secretRef", rule: differ, reason: own secrets}
                  - {path: "access.roles[*].permissions", rule: ignore, reason: own account}
                  - {path: "externals[*].mode", cel: 'mirror in ["sandbox", "mock"]', reason: no live money}
                  - {path: "externals[*].endpoint", rule: pattern, pattern: '^https://sandbox\\.', reason: sandboxes}
            waivers:

            """
        for index in 0..<services where drift(ofService: index) == .waived {
            out +=
                "  - {gap: \"services[svc-\(index)]\", reason: rolling out, owner: team-\(index % 40), expires: 2099-12-31}\n"
        }
        for index in 0..<roles where index % stride == 2 && (index / stride) % 2 == 0 {
            out +=
                "  - {rule: access.no-wildcard-actions, target: \"access.roles[role-\(index)]\", environment: production, "
                + "reason: break-glass role, owner: sre, expires: 2099-12-31}\n"
        }
        return out
    }
}
