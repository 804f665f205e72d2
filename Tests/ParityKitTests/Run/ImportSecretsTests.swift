import Testing
import ParityDiagnostics
@testable import ParityKit

/// What compose files and Kubernetes manifests keep secret is hidden wherever `parity import`
/// quotes their lines, and a URL with a password is never copied (issue 17, the canary's import).
@Suite struct ImportSecretsTests {
    func masked(_ text: String) -> [String] {
        let sources = SourceStore().maskingSecrets()
        sources.register("in.yaml", bytes: Array(text.utf8), secrets: ImportRun.secretRegions)
        let renderer = DiagnosticRenderer(sources: sources)
        return text.split(separator: "\n").indices.map { index in
            let rendered = renderer.render(.error("x.y", "m", at: SourceLocation(file: "in.yaml", line: index + 1, column: 1)))
            return String(rendered.split(separator: "\n")[1].dropFirst(4))
        }
    }

    @Test func composeVariablesThatSaySecretAreHidden() {
        let lines = masked(
            """
            services:
              api:
                environment:
                  DB_PASSWORD: hunter2
                  LOG_LEVEL: debug
                  DATABASE_URL: postgres://app:hunter2@db:5432/app
                  PLAIN_URL: http://db:5432/app
              worker:
                environment: [API_TOKEN=hunter2, MODE=fast]
            """)
        #expect(lines[3...6] == ["      DB_PASSWORD: ****", "      LOG_LEVEL: debug", "      DATABASE_URL: ****",
                                 "      PLAIN_URL: http://db:5432/app"])
        #expect(lines[8] == "    environment: [****, MODE=fast]")
    }

    @Test func aKubernetesSecretsDataIsHidden() {
        let lines = masked("kind: Secret\ndata: {password: aHVudGVyMg==}\nstringData:\n  token: hunter2\n")
        #expect(lines == ["kind: Secret", "data: ****", "stringData:", "  ****"])
    }

    @Test(arguments: [
        ("postgres://app:hunter2@db:5432/app", true), ("redis://:hunter2@cache:6379", true),
        ("postgres://app@db/app", false), ("http://db:5432/a@b", false), ("user:pass@host", false),
        ("https://a:@b", false),
    ])
    func aURLHoldsAPasswordOnlyInItsUserInfo(_ value: String, _ holds: Bool) {
        #expect(AddressInference.holdsPassword(value) == holds)
    }
}
