/// The files `parity init` writes: a spec with commented examples, a production environment
/// and a staging one that mirrors it, and a pre-commit configuration. The scaffold passes its
/// own `parity lint` and `parity check`, the built-in policies included.
public enum InitScaffold {
    /// Where the pre-commit hooks come from: the repository Parity is installed from.
    public static let hooksRepository = "https://example.com/parity.git"

    /// Each file's path, relative to the repository root, and its text.
    public static let files: [(path: String, text: String)] = [
        ("parity.yaml", spec),
        ("environments/production.yaml", production),
        ("environments/staging.yaml", staging),
        (".pre-commit-config.yaml", preCommit),
    ]

    static let spec = """
        # The parity rules of this environment repository: which environment mirrors which,
        # what may differ and why, and what fails the run. `parity schema` prints the JSON
        # Schema of this file for editors.
        apiVersion: parity/v1
        kind: ParitySpec
        environments: environments

        pairs:
          - reference: production
            mirror: staging
            # Allowed variances: each is a difference staging may have, always with its reason.
            allow:
              - path: services[*].replicas
                rule: fewer
                minimum: 1
                reason: staging carries rehearsal traffic, not production's
              - path: datastores[*].encryption.keyRef
                rule: differ
                reason: each environment encrypts with its own keys
              - path: datastores[*].data.source
                cel: mirror in ["synthetic", "masked-snapshot"]
                reason: no live customer data outside production
              # A variance for smaller database instances would read:
              # - path: datastores[*].instanceType
              #   rule: ignore
              #   reason: a tenth of the data needs a smaller instance

        # Waivers accept a gap or a policy finding for now: owned, ticketed, and expiring.
        # waivers:
        #   - gap: services[api].version
        #     reason: staging rehearses the 2.5 upgrade before production takes it
        #     owner: team-platform
        #     ticket: PLAT-101
        #     expires: 2027-03-31
        #   - rule: encryption.tls-on-ports
        #     target: services[api].ports[8080]
        #     reason: the health port moves behind the mesh in the next sprint
        #     owner: team-platform
        #     expires: 2027-03-31

        # The built-in policy pack runs by default (`parity policy list`). Turn a rule off with
        # its reason (or write `builtin: false` to run only the policies of a policies/ folder
        # of your own):
        # rules:
        #   disable:
        #     - id: observability.metrics-parity
        #       reason: staging's metrics go to the shared load-test cluster

        gate:
          failOn: error

        """

    static let production = environment(
        "production", about: "The production environment: the reference staging must mirror.",
        replicas: 3, key: "alias/production-orders", data: "live")

    static let staging = environment(
        "staging", about: """
            The staging environment: production's mirror for rehearsing migrations. Every
            # difference from production is a gap, unless parity.yaml allows it with a reason.
            """,
        replicas: 1, key: "alias/staging-orders", data: "synthetic")

    /// One environment of the scaffold; staging differs from production only where the
    /// scaffold's spec allows it.
    static func environment(_ name: String, about: String, replicas: Int, key: String, data: String) -> String {
        """
        # \(about)
        apiVersion: parity/v1
        kind: Environment
        metadata:
          name: \(name)
          tier: \(name)
          owner: team-platform
        regions: [eu-west-1]
        services:
          - name: api
            image: registry.example.com/shop/api
            version: "2.4.1"
            replicas: \(replicas)
            ports:
              - {port: 443, protocol: https, tls: true, public: true}
            dependencies: [orders-db]
        datastores:
          - name: orders-db
            kind: database
            engine: postgres
            version: "16.4"
            encryption: {atRest: true, inTransit: true, keyRef: \(key)}
            data: {source: \(data)}
        observability:
          tracing: {enabled: true}
          metrics: {enabled: true}
          auditLog: {enabled: true, immutable: true}

        """
    }

    static let preCommit = """
        # pre-commit (https://pre-commit.com): `pre-commit install`, then every commit lints the
        # files it changes and runs the parity gate. pre-commit builds Parity itself (Swift 6
        # and libyaml-dev needed); no parity on the PATH is needed.
        repos:
          - repo: \(hooksRepository)
            rev: v\(Parity.version)
            hooks:
              - id: parity-lint
              - id: parity-check

        """
}
