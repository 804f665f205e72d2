import Foundation
import ParityDiagnostics
import ParityKit

/// What every target plants and looks for: a secret that must never be printed.
let canary = "PLANTED-c4n4ry-9f2e"

/// Stops the run (libFuzzer keeps the input) when `text` holds the planted secret.
func requireNoSecret(_ text: String, _ what: String) {
    guard text.contains(canary) else { return }
    FileHandle.standardError.write(Data("fuzz: the planted secret appears in \(what):\n\(text)\n".utf8))
    abort()
}

/// Whether the fuzzer wrote the canary itself: then finding it proves nothing.
func plantsItself(_ data: UnsafePointer<UInt8>, _ size: Int) -> Bool {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self).contains("c4n4ry")
}

/// A repository held in memory, so a check reads no disk.
struct MemoryFileSystem: FileSystem {
    var files: [String: [UInt8]]

    func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return path == "." || files.keys.contains { $0.hasPrefix(prefix) }
    }

    func exists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }

    func entries(of folder: String) -> [String] {
        let prefix = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        let names = files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).split(separator: "/").first ?? "") }
        return Set(names).filter { !$0.isEmpty && !$0.hasPrefix(".") }.sorted()
    }

    func yamlFiles(under folder: String) -> [String] {
        let prefix = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        return files.keys.filter { $0.hasPrefix(prefix) && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
    }

    func read(_ path: String, limit: Int) throws(DiagnosticList) -> [UInt8] {
        guard let bytes = files[path] else { throw DiagnosticList([.error("io.unreadable", "cannot read '\(path)': no such file", at: .file(path))]) }
        return bytes
    }
}

/// A small repository whose two environments hold secrets in every shape: quoted, plain,
/// a block scalar, tagged; with variances on the secret paths that read them.
enum Sample {
    static let production = """
        apiVersion: parity/v1
        kind: Environment
        metadata: {name: production, tier: production, owner: ops}
        regions: [eu-west-1, eu-central-1]
        services:
          - {name: api, image: registry.example.com/api, version: 1.2.0, replicas: 3, regions: [eu-west-1]}
        access:
          credentials:
            - {name: db, kind: password, rotation: 30d, lastRotated: 2026-11-01, value: "\(canary)-prod"}
            - name: tls
              kind: certificate
              value: |
                \(canary)-block
                second line
        externals:
          - {name: pay, kind: payment-gateway, endpoint: "https://pay.example", mode: live, apiKey: \(canary)-key}

        """
    static let staging = """
        apiVersion: parity/v1
        kind: Environment
        metadata: {name: staging, tier: staging, owner: ops}
        regions: [eu-west-1]
        services:
          - {name: api, image: registry.example.com/api, version: 1.1.0, replicas: 1, regions: [eu-west-1]}
        access:
          credentials:
            - {name: db, kind: password, rotation: 30d, lastRotated: 2026-11-01, value: '\(canary)-stg'}
            - {name: tls, kind: certificate, value: !!str \(canary)-tagged}
        externals:
          - {name: pay, kind: payment-gateway, endpoint: "https://pay.example", mode: sandbox, apiKey: "\(canary)-skey"}

        """
    static let spec = """
        apiVersion: parity/v1
        kind: ParitySpec
        pairs:
          - reference: production
            mirror: staging
            allow:
              - {path: "access.credentials[db].value", rule: pattern, pattern: "^stg-", reason: staging has its own}
              - {path: "access.credentials[tls].value", cel: "mirror.startsWith('P')", reason: an oracle}
              - {path: "externals[pay].apiKey", cel: "int(mirror) > 0", reason: an error that quotes}

        """
    static let policy = """
        apiVersion: parity/v1
        kind: Policy
        metadata: {name: leak, description: rules that try to print a secret}
        rules:
          - id: fuzz.credential
            title: credentials are rotated
            severity: error
            for: credentials
            assert: "self.value.size() < 3 && self.name != ''"
            message: "credential {{ self.name }} has {{ self.value }}"

        """

    static func files(replacing path: String? = nil, with bytes: [UInt8] = []) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [
            "parity.yaml": Array(spec.utf8),
            "environments/production.yaml": Array(production.utf8),
            "environments/staging.yaml": Array(staging.utf8),
            "policies/fuzz.yaml": Array(policy.utf8),
        ]
        if let path { files[path] = bytes }
        return files
    }
}

/// Runs `parity check` on `files` and renders everything a user could see: the diagnostics
/// and the report in every format.
func renderCheck(_ files: [String: [UInt8]]) -> String {
    let sources = SourceStore()
    var options = CheckRun.Options(today: "2026-11-30")
    options.root = "."
    let outcome = CheckRun(sources: sources, fileSystem: MemoryFileSystem(files: files)).run(options)
    var text = DiagnosticRenderer(sources: sources).render(outcome.diagnostics)
    if let report = outcome.report {
        for format in ReportFormat.allCases { text += format.render(report, ReportFormat.Options(base: ".")) }
    }
    return text
}
