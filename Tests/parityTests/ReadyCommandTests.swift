import Foundation
import Testing

/// `parity ready` end to end: against a real Prometheus holding backfilled series for both
/// environments, against servers that are down, silent or refusing, and offline on the sample.
@Suite(.serialized) struct ReadyCommandTests {
    /// The evaluation time: a whole hour three hours ago, so the backfilled blocks sit well
    /// behind the server's head.
    static let at = (Int(Date().timeIntervalSince1970) / 3600 - 3) * 3600

    /// Thirty minutes of one-minute samples ending at `at`, for both environments.
    static func series() -> String {
        var lines = ["# TYPE lat_p99_seconds gauge"]
        let shapes: [(String, String, (Int) -> Double)] = [
            ("production", "checkout-api", { 0.200 + Double($0 % 7) * 0.004 }),
            ("staging", "checkout-api", { 0.202 + Double(($0 + 3) % 7) * 0.004 }),
            ("production", "slow-service", { 0.100 + Double($0 % 5) * 0.002 }),
            ("staging", "slow-service", { 0.190 + Double($0 % 5) * 0.002 }),
        ]
        for (environment, service, value) in shapes {
            for minute in 0..<31 {
                lines.append(
                    "lat_p99_seconds{environment=\"\(environment)\",service=\"\(service)\"} \(value(minute)) \(at - (30 - minute) * 60)"
                )
            }
        }
        lines.append("# TYPE requests counter")
        for environment in ["production", "staging"] {
            for (code, perMinute) in [("200", 600.0), ("500", 1.2)] {
                for minute in 0..<31 {
                    lines.append(
                        "requests_total{environment=\"\(environment)\",code=\"\(code)\"} \(perMinute * Double(minute)) \(at - (30 - minute) * 60)"
                    )
                }
            }
        }
        lines.append("# EOF")
        return lines.joined(separator: "\n") + "\n"
    }

    static let environments = [
        ("environments/production.yaml", "production"),
        ("environments/staging.yaml", "staging"),
    ]

    /// A repository whose plan reads `url`, with the given source settings.
    static func repository(url: String, timeout: String = "5s", retries: Int = 1) throws -> URL {
        let folder = try ParityBinary.temporaryFolder()
        for (path, name) in environments {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try """
            apiVersion: parity/v1
            kind: Environment
            metadata: {name: \(name), tier: \(name), owner: qa}
            services:
              - {name: checkout-api, image: checkout, version: "1"}
              - {name: slow-service, image: slow, version: "1"}
            rollback:
              - {name: checkout-release-rollback, reverts: [checkout-api, slow-service], strategy: redeploy-previous}
            """.write(to: file, atomically: true, encoding: .utf8)
        }
        let latency = """
            query: 'lat_p99_seconds{environment="{{ environment }}", service="{{ service }}"}'
                    window: 30m
                    aggregate: max
                    absolute: "< 500ms"
                    relative: {tolerance: 10%}
                    statistical: {alpha: 0.05, minEffect: 0.33}
                    minSamples: 20
                    rollback: checkout-release-rollback
            """
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("migrations"), withIntermediateDirectories: true)
        try """
        apiVersion: parity/v1
        kind: MigrationPlan
        metadata: {name: rehearsal}
        baseline: production
        rehearsal: staging
        sources:
          - {name: prometheus, url: "\(url)", timeout: \(timeout), retries: \(retries)}
        phases:
          - name: go
            success:
              - name: checkout-p99
                for: services
                when: 'self.name == "checkout-api"'
                \(latency)
              - name: error-ratio
                query: 'sum(rate(requests_total{environment="{{ environment }}", code="500"}[5m])) / sum(rate(requests_total{environment="{{ environment }}"}[5m]))'
                window: 20m
                absolute: "<= 0.5%"
                relative: {tolerance: 5%, failsOn: either}
                rollback: checkout-release-rollback
              - name: checkout-p99-now
                query: 'lat_p99_seconds{environment="{{ environment }}", service="checkout-api"}'
                absolute: "< 300ms"
                rollback: checkout-release-rollback
          - name: no-go
            success:
              - name: slow-p99
                for: services
                when: 'self.name == "slow-service"'
                \(latency)
          - name: pause
            pause:
              - name: queue-depth
                query: 'queue_depth{environment="{{ environment }}"}'
                absolute: "< 100"
            success:
              - name: checkout-p99-now
                query: 'lat_p99_seconds{environment="{{ environment }}", service="checkout-api"}'
                absolute: "< 300ms"
                rollback: checkout-release-rollback
          - name: refused
            success:
              - name: broken
                query: 'sum(lat_p99_seconds'
                absolute: "< 1"
                rollback: checkout-release-rollback
        """.write(to: folder.appendingPathComponent("migrations/plan.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test(
        .enabled(
            if: PrometheusServer.installed || PrometheusServer.required,
            "prometheus and promtool are not installed (apt-get install prometheus); skipping"))
    func goNoGoAndPauseAgainstARealPrometheus() throws {
        try #require(
            PrometheusServer.installed, "prometheus and promtool must be installed under CI (.ci/run installs them)")
        let server = try PrometheusServer(openMetrics: Self.series())
        defer { server.stop() }
        let repository = try Self.repository(url: server.url)
        defer { try? FileManager.default.removeItem(at: repository) }
        func ready(_ phase: String, _ extra: [String] = []) throws -> ParityBinary.Run {
            try ParityBinary.run(
                ["ready", "migrations/plan.yaml", "--phase", phase, "--at", String(Self.at)] + extra, in: repository)
        }

        let go = try ready("go")
        #expect(go.status == 0, "\(go.stdout)\(go.stderr)")
        #expect(go.stdout.contains("GO: phase go may proceed; 3 of 3 criteria hold"))
        #expect(go.stdout.contains("measured        226ms from 30 samples over 30m, 1 series"), "\(go.stdout)")
        // The counters' ratio, computed by the server: 1.2 errors of 601.2 requests a minute.
        #expect(go.stdout.contains("holds: 0.1996%; bound <= 0.5%"), "\(go.stdout)")

        let noGo = try ready("no-go", ["--format", "json"])
        #expect(noGo.status == 1, "\(noGo.stdout)\(noGo.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(noGo.stdout.utf8)) as? [String: Any])
        #expect(json["verdict"] as? String == "no-go")
        #expect((json["rollbacks"] as? [[String: Any]])?.first?["name"] as? String == "checkout-release-rollback")
        let judgements = ((json["criteria"] as? [[String: Any]])?.first?["judgements"] as? [[String: Any]]) ?? []
        #expect(judgements.map { $0["kind"] as? String } == ["absolute", "relative", "statistical"])
        #expect(judgements.map { $0["passed"] as? Bool } == [true, false, false])

        let pause = try ready("pause")
        #expect(pause.status == 1, "\(pause.stdout)\(pause.stderr)")
        #expect(pause.stdout.contains("PAUSE: hold phase pause (exit status 1)"))
        #expect(pause.stdout.contains("pause criterion queue-depth: no series for the query; pauses (noData: pause)"))

        let refused = try ready("refused")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("HTTP 400: bad_data"), "\(refused.stderr)")
        #expect(refused.stdout.contains("INVALID: 1 input error (above); nothing was judged on them"))
    }

    @Test func aServerThatNeverAnswersIsExitTwoWithinItsTimeout() throws {
        let silent = try SilentServer()
        let repository = try Self.repository(url: "http://127.0.0.1:\(silent.port)", timeout: "1s", retries: 1)
        defer { try? FileManager.default.removeItem(at: repository) }
        let started = Date()
        let run = try ParityBinary.run(
            ["ready", "migrations/plan.yaml", "--phase", "pause", "--at", String(Self.at)], in: repository)
        let elapsed = Date().timeIntervalSince(started)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        // Two attempts of one second, a quarter-second backoff, and the process's start.
        #expect(elapsed < 6, "took \(elapsed)s")
        #expect(
            run.stderr.contains("error: source 'prometheus': http://127.0.0.1:\(silent.port): no answer within"),
            "\(run.stderr)")
        #expect(run.stderr.contains("(2 attempts) [ready.source-failed]"), "\(run.stderr)")
    }

    @Test func aServerThatIsDownIsExitTwo() throws {
        let port = try PrometheusServer.freePort()
        let repository = try Self.repository(url: "http://127.0.0.1:\(port)", timeout: "2s", retries: 2)
        defer { try? FileManager.default.removeItem(at: repository) }
        let run = try ParityBinary.run(
            ["ready", "migrations/plan.yaml", "--phase", "go", "--at", String(Self.at)], in: repository)
        #expect(run.status == 2)
        #expect(run.stderr.contains("(3 attempts) [ready.source-failed]"), "\(run.stderr)")
    }

    @Test func theSampleRunsOfflineOnItsSavedSamples() throws {
        let run = try ParityBinary.run([
            "ready", "migrations/checkout-orders-db-16.yaml", "--source", "prometheus=migrations/samples/validation.om",
        ])
        #expect(run.status == 1)
        #expect(run.stdout.contains("NO-GO: phase validation failed; 6 of 7 criteria hold"))
        #expect(
            run.stdout.contains(
                "orders-db-schema-rollback (down-migration, 15m): https://runbooks.example.com/checkout/orders-db-rollback"
            ))
        #expect(run.stderr.isEmpty)
    }

    @Test func badOptionsAreUsageErrors() throws {
        let at = try ParityBinary.run(["ready", "migrations/checkout-orders-db-16.yaml", "--at", "yesterday"])
        #expect(at.status == 64)
        let source = try ParityBinary.run(["ready", "migrations/checkout-orders-db-16.yaml", "--source", "prometheus"])
        #expect(source.status == 64)
    }
}
