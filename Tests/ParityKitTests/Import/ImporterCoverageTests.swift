import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// What the fixtures do not hold, written here: `List` kinds, StatefulSets, Secrets with
/// data, ConfigMaps, Ingresses, Roles and bindings, NetworkPolicies, cluster DNS names; and
/// compose anchors, `x-` fields, long `depends_on`, links, deploy and long ports.
@Suite struct ImporterCoverageTests {
    static let manifests = """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: api-reads-config}
            roleRef: {kind: Role, name: config-reader, apiGroup: rbac.authorization.k8s.io}
            subjects: [{kind: ServiceAccount, name: api}]
          - apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: config-reader}
            rules: [{apiGroups: [""], resources: [configmaps], verbs: [get, list]}]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: db-credentials}
        type: kubernetes.io/basic-auth
        stringData: {password: hunter2-never-printed}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: api-settings}
        data: {LOG_LEVEL: info, FEATURE_X: "on"}
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
              serviceAccountName: api
              containers:
                - name: api
                  image: registry.example.com:5000/shop/api:2.1.0
                  ports: [{containerPort: 8080, name: http}]
                  envFrom: [{configMapRef: {name: api-settings}}]
                  env:
                    - {name: DATABASE_URL, value: "postgres://orders-db.shop.svc.cluster.local:5432/orders"}
                    - {name: PAYMENTS_URL, value: "https://payments-gateway/v1/charges"}
                    - name: DB_PASSWORD
                      valueFrom: {secretKeyRef: {name: db-credentials, key: password}}
                    - name: MODE
                      valueFrom: {configMapKeyRef: {name: api-settings, key: LOG_LEVEL}}
                  readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 5, timeoutSeconds: 2}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: api}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: orders-db}
        spec:
          replicas: 2
          serviceName: orders-db
          selector: {matchLabels: {app: orders-db}}
          template:
            metadata: {labels: {app: orders-db}}
            spec:
              containers: [{name: postgres, image: "postgres:16.4"}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: orders-db}
        spec: {selector: {app: orders-db}, ports: [{port: 5432}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api-svc}
        spec: {selector: {app: api}, ports: [{name: http, port: 80, targetPort: http}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
          tls: [{hosts: [shop.example.com], secretName: shop-tls}]
          rules:
            - host: shop.example.com
              http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api-svc, port: {number: 80}}}}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: payments-gateway}
        spec: {type: ExternalName, externalName: api.stripe.com, ports: [{port: 443}, {port: 80}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-all}
        spec: {podSelector: {}}
        """

    static let compose = """
        x-defaults: &defaults
          restart: always
          deploy:
            replicas: 2
            resources: {reservations: {cpus: "0.5", memory: 256M}, limits: {cpus: "1"}}
        services:
          web:
            <<: *defaults
            image: shop/web:1.4
            ports: [{target: 8080, published: 80, protocol: tcp}]
            depends_on:
              api: {condition: service_healthy}
            healthcheck: {test: [CMD, curl, -f, localhost], interval: 10s, timeout: 500ms}
            networks: [front]
            user: "1000:1000"
            read_only: true
            cap_drop: [ALL]
            security_opt: ["no-new-privileges:true", "seccomp:unconfined"]
            labels: {team: storefront}
          api:
            <<: *defaults
            image: shop/api:2.0
            links: ["cache:redis-host"]
            expose: ["9000"]
            environment: {CACHE_URL: "redis://redis-host:6379", NOBODY_URL: "http://ghost:80", ORDERS: "http://orders-api:80"}
            networks:
              front: {}
              back: {aliases: [orders-api]}
            labels: ["team=orders"]
          cache:
            image: redis:7.2
            networks: [back]
        networks:
          front:
            ipam: {config: [{subnet: 172.28.0.0/16}]}
          back: {}
        """

    static func importText(_ format: ImportRun.Format, _ text: String) throws -> (String, [Diagnostic]) {
        let scratch = try ScratchFolder()
        try scratch.write("input.yaml", text)
        var options = ImportRun.Options(format: format, paths: ["input.yaml"])
        options.root = scratch.path
        let outcome = ImportRun(sources: SourceStore()).run(options)
        let report = try #require(outcome.report, "\(outcome.diagnostics)")
        let output = try scratch.write("environment.yaml", report.text)
        let lint = ImportTests.lint(output)
        #expect(lint.isEmpty, "\(lint.map(\.description))")
        return (report.text, outcome.diagnostics)
    }

    @Test func kubernetesKindsBeyondTheFixtures() throws {
        let (text, diagnostics) = try Self.importText(.kubernetes, Self.manifests)
        #expect(!text.contains("hunter2"), "a Secret's value never reaches the output")
        #expect(!diagnostics.contains { $0.message.contains("hunter2") })
        for expected in [
            #"image: "registry.example.com:5000/shop/api"  # input.yaml:"#, #"version: "2.1.0""#, "replicas: 3",
            #"- "orders-db"  # input.yaml:"#,
            #"orders-db: "env DATABASE_URL=postgres://orders-db.shop.svc.cluster.local:5432/orders""#,
            #"LOG_LEVEL: "info""#, #"MODE: "info"  # input.yaml:"#, #"- "db-credentials""#, #"- "serviceaccount/api""#,
            #"kind: "password""#, #"secretRef: "kubernetes:secret/db-credentials""#,
            #"engine: "postgres""#, #"version: "16.4""#, "replicas: 2",
            #"path: "/ready""#, "port: 8080", #"interval: "5s""#, #"timeout: "2s""#,
            #"role: "config-reader""#, #"- "serviceaccount:api""#, #"- "get""#, #"- "configmaps""#,
            "public: true", "tls: true",
        ] {
            #expect(text.contains(expected), "output has \(expected)")
        }
        // A policy with no rules is a default deny: every workload it selects lets nothing in.
        #expect(text.components(separatedBy: "ingress: []  # input.yaml:").count - 1 == 2, "api and orders-db")
        #expect(text.contains("isolated by NetworkPolicy 'deny-all'"))
        // An ExternalName Service is an external, and the variable naming it a dependency on it.
        for expected in [
            #"  - name: "payments-gateway"  # input.yaml:"#, #"endpoint: "https://api.stripe.com"  # input.yaml:"#,
            #"mode: "live"  # input.yaml:"#, #"- "payments-gateway"  # input.yaml:"#,
            #"payments-gateway: "env PAYMENTS_URL=https://payments-gateway/v1/charges""#,
        ] {
            #expect(text.contains(expected), "output has \(expected)")
        }
        #expect(
            diagnostics.contains {
                $0.message.hasPrefix("port 80 of Service 'payments-gateway' is not imported: an external has one endpoint")
            })
        #expect(
            diagnostics.contains {
                $0.message.contains(
                    "'stringData' of Secret 'db-credentials' is not imported: secret values are never imported")
            })
        #expect(diagnostics.contains { $0.message.contains("'spec.serviceName' of StatefulSet 'orders-db'") })
    }

    @Test func composeAnchorsExtensionsAndLongForms() throws {
        let (text, diagnostics) = try Self.importText(.compose, Self.compose)
        for expected in [
            #"- "api"  # input.yaml:12; depends_on, condition: service_healthy"#, #"- "cache"  # input.yaml:23; links"#,
            "replicas: 2", #"cpu: "0.5""#, #"memory: "256M""#, "port: 8080", "port: 9000", #"interval: "10s""#,
            #"engine: "redis""#, #"version: "7.2""#,
        ] {
            #expect(text.contains(expected), "output has \(expected)")
        }
        #expect(!text.contains("timeout"), "500ms is not a duration parity reads")
        #expect(
            diagnostics.contains {
                $0.message.hasPrefix("'x-defaults' of the compose file is not imported: an extension field")
            })
        #expect(
            diagnostics.contains {
                $0.message.contains("under 'healthcheck' of service 'web'") && $0.message.contains("'timeout' (")
            })
        // A network with a subnet is a network with one segment, the services on it in that segment.
        for expected in [
            #"  - name: "front"  # input.yaml:"#, #"cidr: "172.28.0.0/16"  # input.yaml:"#,
            #"segment: "front"  # input.yaml:"#,
        ] {
            #expect(text.contains(expected), "output has \(expected)")
        }
        #expect(
            diagnostics.contains { $0.message.hasPrefix("network 'back' is not imported as a network: it has no subnet") })
        // The networks keep web and the cache apart: each is reached only from the networks it joins.
        for expected in [
            #"- from: "api"  # input.yaml:"#, #"- from: "cache"  # input.yaml:"#, #"- from: "web"  # input.yaml:"#,
            #"- from: "internet"  # input.yaml:"#, "shares network 'back'", "published on the host",
        ] {
            #expect(text.contains(expected), "output has \(expected)")
        }
        // How web's processes run, and the labels of both.
        for expected in [
            "runAsNonRoot: true", "runAsUser: 1000", "readOnlyRootFilesystem: true", "allowPrivilegeEscalation: false",
            #"- "ALL""#, #"team: "storefront""#, #"team: "orders""#,
        ] {
            #expect(text.contains(expected), "output has \(expected)")
        }
        #expect(diagnostics.contains { $0.message.hasPrefix("'security_opt' of service 'web' is not imported") })
        // A network alias reaches the service it names.
        #expect(text.contains(#"- "api"  # input.yaml:"#) && !diagnostics.contains { $0.message.contains("'orders-api'") })
        #expect(diagnostics.contains { $0.code == .importUnknownReference && $0.message.contains("'ghost'") })
        // The link alias reaches the cache: the declared link wins over the inferred URL.
        #expect(!text.contains(#"cache: "env CACHE_URL"#))
    }
}
