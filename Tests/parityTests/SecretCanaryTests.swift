import Foundation
import Testing

/// A secret planted in every shape Parity reads (quoted, plain, a block scalar, tagged, a
/// verbatim tag with a comma, a tag mismatch, files with no header or a wrong one, a
/// PolicyTest fixture, a line fallen out of a block scalar), with variances, rules and
/// readiness filters that try to read it, a bearer token in the process environment, and
/// compose and Kubernetes inputs that hold secret values, must appear in no output of any
/// command, in any report format, on stdout, stderr or in a written file.
@Suite struct SecretCanaryTests {
    static let canary = "c4n4ry"
    static let secret = "PLANTED-\(canary)"
    /// A Kubernetes Secret's value as its `data` holds it.
    static let encoded = Data("\(secret)-b64".utf8).base64EncodedString()

    /// Whether `text` holds the secret, plain or encoded.
    static func leaks(_ text: String) -> Bool { text.contains(canary) || text.contains(encoded) }

    static let files: [String: String] = [
        "parity.yaml": """
        apiVersion: parity/v1
        kind: ParitySpec
        pairs:
          - reference: production
            mirror: staging
            allow:
              - {path: "access.credentials[db].value", rule: pattern, pattern: "^stg-", reason: staging has its own}
              - {path: "access.credentials[tls].value", cel: "mirror.startsWith('P')", reason: an oracle}
              - {path: "externals[pay].apiKey", cel: "int(mirror) > 0", reason: an error that quotes}
              - {path: "access.credentials[api].value", cel: "{mirror: 1, mirror: 2}.size() > 0", reason: duplicate keys}

        """,
        "environments/production.yaml": """
        apiVersion: parity/v1
        kind: Environment
        metadata: {name: production, tier: production, owner: ops}
        regions: [eu-west-1, eu-central-1]
        services:
          - {name: api, image: registry.example.com/api, version: 1.2.0, replicas: 3, regions: [eu-west-1]}
        access:
          credentials:
            - {name: db, kind: password, rotation: 30d, lastRotated: 2026-11-01, value: "\(secret)-prod"}
            - {name: api, kind: token, value: \(secret)-api-prod}
            - name: tls
              kind: certificate
              value: |
                \(secret)-block
                second line
        externals:
          - {name: pay, kind: payment-gateway, endpoint: "https://pay.example", mode: live, apiKey: \(secret)-key}
        rollback:
          - {name: back, reverts: [api], strategy: redeploy-previous, runbook: "https://r.example", duration: 5m}

        """,
        "environments/staging.yaml": """
        apiVersion: parity/v1
        kind: Environment
        metadata: {name: staging, tier: staging, owner: ops}
        regions: [eu-west-1]
        services:
          - {name: api, image: registry.example.com/api, version: 1.1.0, replicas: 1, regions: [eu-west-1]}
        access:
          credentials:
            - {name: db, kind: password, rotation: 30d, lastRotated: 2026-11-01, value: '\(secret)-stg'}
            - {name: api, kind: token, value: \(secret)-api-stg}
            - {name: tls, kind: certificate, value: !!str \(secret)-tagged}
        externals:
          - {name: pay, kind: payment-gateway, endpoint: "https://pay.example", mode: sandbox, apiKey: "\(secret)-skey"}
        rollback:
          - {name: back, reverts: [api], strategy: redeploy-previous, runbook: "https://r.example", duration: 5m}

        """,
        "policies/leak.yaml": """
        apiVersion: parity/v1
        kind: Policy
        metadata: {name: leak, description: rules that try to print a secret}
        rules:
          - id: leak.credential
            title: credentials leak
            severity: error
            for: credentials
            assert: "self.value.size() < 3"
            message: "credential {{ self.name }} holds {{ self.value }}"

        """,
        "extra/tag-mismatch.yaml": """
        apiVersion: parity/v1
        kind: Environment
        metadata: {name: broken, tier: test, owner: ops}
        access:
          credentials:
            - {name: a, kind: token, value: !!int \(secret)-int}

        """,
        "extra/verbatim.yaml": """
        apiVersion: parity/v1
        kind: Environment
        metadata: {name: verbatim, tier: test, owner: ops}
        access:
          credentials:
            - {name: a, kind: tokn, value: !<x,y> \(secret)-verbatim}
            - name: b
              kind: tokn
              value: |
                \(secret)-block
               \(secret)-out: of its block

        """,
        "extra/fallout.yaml": """
        apiVersion: parity/v1
        kind: Environment
        metadata: {name: fallout, tier: test, owner: ops}
        access:
          credentials:
            - name: c
              kind: token
              value: |
                \(secret)-block
              \(secret)-fallout: at a key's indentation
              rotation: 30d

        """,
        // Readiness: filters that read secrets (an error quoting one, an oracle), a bearer token.
        "migrations/errors.yaml": """
        apiVersion: parity/v1
        kind: MigrationPlan
        metadata: {name: errors, owner: ops}
        baseline: production
        rehearsal: staging
        currentPhase: one
        phases:
          - name: one
            success:
              - name: quotes
                for: services
                when: 'int(env.access.credentials[0].value) > 0'
                query: 'up{environment="{{ environment }}", service="{{ service }}"}'
                absolute: "< 1"
                rollback: back

        """,
        "migrations/oracle.yaml": """
        apiVersion: parity/v1
        kind: MigrationPlan
        metadata: {name: oracle, owner: ops}
        baseline: production
        rehearsal: staging
        currentPhase: one
        sources:
          - {name: prometheus, url: "http://127.0.0.1:9", bearerTokenEnv: CANARY_TOKEN, timeout: 1s, retries: 0}
        phases:
          - name: one
            success:
              - name: oracle
                for: services
                when: 'env.access.credentials[0].value.startsWith("P") || env.externals[0].apiKey.matches("^P")'
                query: 'up{environment="{{ environment }}", service="{{ service }}"}'
                absolute: "< 1"
                rollback: back
              - name: up
                query: 'up{environment="{{ environment }}"}'
                absolute: "<= 1"
                rollback: back

        """,
        "migrations/up.om": """
        # TYPE up gauge
        up{environment="production",service="api"} 1 1764502260
        up{environment="staging",service="api"} 1 1764502260
        # EOF

        """,
        // Import: secret values in every place compose and Kubernetes keep them.
        "import/docker-compose.yml": """
        services:
          api:
            image: registry.example.com/api:1.2.0
            environment:
              DB_PASSWORD: \(secret)-compose-pw
              API_TOKEN: "\(secret)-compose-token"
              DATABASE_URL: postgres://app:\(secret)-url@db:5432/app
            secrets: [db]
            depends_on: [db]
          worker:
            image: registry.example.com/worker:1.0
            environment:
              - SECRET_KEY=\(secret)-listform
              - CACHE_URL=redis://:\(secret)-redis@api:6379/0
          db:
            image: postgres:16
            environment:
              POSTGRES_PASSWORD: \(secret)-pg
        secrets:
          db:
            file: ./db-password.txt

        """,
        "import/k8s/all.yaml": """
        apiVersion: v1
        kind: Secret
        metadata: {name: db}
        type: Opaque
        data: {password: \(encoded)}
        stringData: {token: \(secret)-k8s-string}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          replicas: 3
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers:
                - name: api
                  image: registry.example.com/api:1.2.0
                  env:
                    - {name: DB_PASSWORD, value: \(secret)-k8s-env}
                    - {name: DATABASE_URL, value: "postgres://app:\(secret)-k8s-url@db:5432/app"}
                    - name: TOKEN
                      valueFrom: {secretKeyRef: {name: db, key: token}}
                  envFrom:
                    - configMapRef: {name: settings}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {API_KEY: \(secret)-k8s-config, MODE: fast}

        """,
        "extra/no-header.yaml": "access:\n  credentials:\n    - {name: a, kind: token, value: \(secret)-noheader}\n",
        "extra/v2.yaml":
            "apiVersion: parity/v2\nkind: Environment\naccess:\n  credentials:\n    - {name: a, value: \(secret)-v2}\n",
        "extra/lower.yaml":
            "apiVersion: parity/v1\nkind: environment\nexternals:\n  - {name: p, apiKey: \(secret)-lower}\n",
        "extra/fixture.test.yaml": """
        apiVersion: parity/v1
        kind: PolicyTest
        cases:
          - name: a credential in a fixture
            environment:
              access:
                credentials:
                  - {name: a, kind: token, value: \(secret)-fixture}
            expect:
              leak.credential: fail

        """,
    ]

    func repository() throws -> URL {
        let folder = try ParityBinary.temporaryFolder()
        for (name, text) in Self.files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    static let extras = [
        "extra/tag-mismatch.yaml", "extra/verbatim.yaml", "extra/fallout.yaml", "extra/no-header.yaml", "extra/v2.yaml",
        "extra/lower.yaml", "extra/fixture.test.yaml",
    ]

    /// Every command and every report format, and the files they write.
    static let commands: [[String]] = {
        var commands: [[String]] = [["check"], ["check", "--write-baseline", "out/baseline.json"]]
        for format in ["text", "json", "sarif", "junit", "github", "gitlab", "markdown", "html"] {
            commands.append(["check", "--format", format])
            commands.append(["check", "--output", "\(format)=out/report.\(format)"])
        }
        commands += [
            ["diff", "production", "staging"], ["diff", "production", "staging", "--format", "json"],
            ["lint"], ["lint"] + extras,
            ["export", "staging"], ["export", "production"],
            ["export", "--raw"] + extras + ["environments/staging.yaml"],
            ["eval", "--env", "staging", "env.access.credentials.map(c, c.value)"],
            ["eval", "--env", "staging", "int(env.access.credentials[0].value)"],
            ["eval", "--env", "staging", "env.externals[0].apiKey.matches('[')"],
            ["policy", "test", "extra/fixture.test.yaml"], ["policy", "test"], ["policy", "list"],
            ["history"], ["history", "--format", "json"], ["history", "--format", "html"],
            ["graph", "staging"], ["graph", "production", "--format", "json"],
            ["graph", "production", "--format", "mermaid"],
            ["ready", "migrations/errors.yaml"], ["ready", "migrations/errors.yaml", "--format", "json"],
            ["ready", "migrations/oracle.yaml"], ["ready", "migrations/oracle.yaml", "--format", "json"],
            ["import", "compose", "import/docker-compose.yml"], ["import", "kubernetes", "import/k8s"],
            ["import", "compose", "import/docker-compose.yml", "--output", "out/compose/"],
            ["import", "kubernetes", "import/k8s", "--output", "out/kubernetes.yaml"],
        ]
        let offline = ["ready", "migrations/oracle.yaml", "--source", "prometheus=migrations/up.om"]
        for format in ["text", "json", "sarif", "junit", "github", "gitlab", "markdown", "html"] {
            commands.append(offline + ["--format", format])
        }
        commands.append(offline + ["--output", "out/ready.json"])
        for extra in extras {
            commands.append(["eval", "--input", extra, "self"])
            commands.append(["eval", "--input", extra, "--format", "cel", "self"])
        }
        return commands
    }()

    @Test func theSecretAppearsInNoOutput() throws {
        let folder = try repository()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        // parity history reads the git log: one commit holding the repository.
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = [
            "sh", "-c", "git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm one",
        ]
        git.currentDirectoryURL = folder
        try git.run()
        git.waitUntilExit()
        var ran = 0
        for arguments in Self.commands {
            let run = try ParityBinary.run(
                arguments, in: folder, environment: ["PARITY_TODAY": "2026-11-30", "CANARY_TOKEN": "\(Self.secret)-token"])
            if arguments.contains("--write-baseline") { #expect(run.status != 2, "\(run.stderr)") }
            #expect(!run.signalled, "parity \(arguments.joined(separator: " ")) crashed")
            #expect(
                !Self.leaks(run.stdout),
                "stdout of parity \(arguments.joined(separator: " ")):\n\(run.stdout)")
            #expect(
                !Self.leaks(run.stderr),
                "stderr of parity \(arguments.joined(separator: " ")):\n\(run.stderr)")
            ran += 1
        }
        let out = folder.appendingPathComponent("out")
        let written = (FileManager.default.subpaths(atPath: out.path) ?? []).filter { path in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path, isDirectory: &folder)
                && !folder.boolValue
        }
        // The baseline, a report per format, the readiness report, two imports (one a folder of files).
        #expect(written.count >= 13, "\(written.sorted())")
        for name in written {
            let text = try String(contentsOf: folder.appendingPathComponent("out/\(name)"), encoding: .utf8)
            #expect(!Self.leaks(text), "out/\(name):\n\(text)")
        }
        #expect(ran == Self.commands.count)
    }
}
