import Foundation
import ParityDiagnostics
import Testing

@testable import ParityKit

/// `parity import compose a.yml b.yml` merges the files field by field, as `docker compose
/// -f a.yml -f b.yml` does: later scalars win, maps merge, ports and `expose` append by their
/// unique keys, `depends_on` and `environment` merge whichever form each file writes, `command`
/// and `healthcheck.test` are replaced, and `!reset` and `!override` do what Compose does.
@Suite struct ComposeMergeTests {
    static let folder = "compose/overrides"
    static let goldens = Golden.testsFolder.appendingPathComponent("Golden/import")

    static func imported(_ files: [String]) throws -> (text: String, outcome: Outcome<ImportRun.Report>) {
        let outcome = ImportTests.run(.compose, files.map { "\(folder)/\($0)" }) { $0.name = "overrides" }
        return (try #require(outcome.report?.text, "\(outcome.diagnostics)"), outcome)
    }

    /// The lines of the service `name` in an imported environment, up to the next service.
    static func service(_ name: String, in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("  - name: \"\(name)\"") }) else { return "" }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("  - ") || !$0.hasPrefix(" ") } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }

    @Test func twoFilesMergeFieldByField() throws {
        let (text, outcome) = try Self.imported(["compose.yaml", "compose.prod.yaml"])
        try Golden.check(text, against: Self.goldens.appendingPathComponent("overrides.yaml"))
        try Golden.check(
            outcome.diagnostics.map { "\($0)\n" }.joined(),
            against: Self.goldens.appendingPathComponent("overrides.warnings"))
        #expect(outcome.status == .passed)
        // A key not mapped is reported where the value in effect is written: the later file.
        #expect(outcome.diagnostics.contains { $0.message.hasPrefix("'healthcheck.test'") && $0.location?.line == 20 })
        let web = Self.service("web", in: text)
        // The later image and replicas, from the file that writes them.
        #expect(web.contains(#"version: "1.1"  # compose/overrides/compose.prod.yaml:4"#))
        #expect(web.contains(#"replicas: 3  # compose/overrides/compose.prod.yaml:15"#))
        // 8080:80 written twice is one port; 443:8443 appended; expose 9000 once, 9100 added.
        for port in ["port: 80", "port: 8443", "port: 9000", "port: 9100"] { #expect(web.contains(port), "\(port)") }
        #expect(web.components(separatedBy: "port: 80 ").count - 1 <= 1)
        #expect(web.components(separatedBy: "port: 9000").count - 1 == 1)
        // The base's list environment merged with the override's map: LOG_LEVEL replaced, API_URL kept.
        #expect(web.contains(#"LOG_LEVEL: "warn"  # compose/overrides/compose.prod.yaml:10"#))
        #expect(web.contains(#"API_URL: "http://api:8000""#))
        // depends_on: the base's list (api) and the override's map (cache) both kept.
        #expect(web.contains(#"- "api"  # compose/overrides/compose.yaml:13"#))
        #expect(
            web.contains(
                #"- "cache"  # compose/overrides/compose.prod.yaml:12; depends_on, condition: service_started"#))
        let api = Self.service("api", in: text)
        #expect(api.contains(#"- "db""#) && api.contains(#"- "cache""#), "the base's map and the override's list")
        #expect(api.contains(#"DB_HOST: "db""#))
        // healthcheck merges as a map: the later interval.
        #expect(api.contains(#"interval: "30s"  # compose/overrides/compose.prod.yaml:21"#))
        // A service only the override defines.
        #expect(text.contains(#"- name: "worker""#))
    }

    @Test func resetAndOverrideTags() throws {
        let (text, _) = try Self.imported(["compose.yaml", "compose.prod.yaml", "compose.reset.yaml"])
        let web = Self.service("web", in: text)
        // !reset removed the published ports; what expose opens stays, not public.
        #expect(!web.contains("port: 80 ") && !web.contains("port: 8443") && !web.contains("public: true"))
        #expect(web.contains("port: 9000"))
        let api = Self.service("api", in: text)
        #expect(api.contains(#"DB_HOST: "replica"  # compose/overrides/compose.reset.yaml:7"#))
    }

    @Test func theOrderOfTheFilesDecides() throws {
        let (text, _) = try Self.imported(["compose.prod.yaml", "compose.yaml"])
        let web = Self.service("web", in: text)
        #expect(web.contains(#"version: "1.0"  # compose/overrides/compose.yaml:5"#))
        #expect(web.contains(#"LOG_LEVEL: "info""#))
        #expect(web.contains(#"replicas: 1"#))
    }

    @Test func aFolderReadsItsOverrideFileAsComposeDoes() throws {
        let scratch = try ScratchFolder()
        try scratch.write("app/compose.yaml", "services:\n  web:\n    image: nginx:1.25\n")
        try scratch.write("app/compose.override.yaml", "services:\n  web:\n    image: nginx:1.27\n")
        var options = ImportRun.Options(format: .compose, paths: ["app"])
        options.root = scratch.path
        let text = try #require(ImportRun(sources: SourceStore()).run(options).report?.text)
        #expect(text.contains(#"version: "1.27"  # app/compose.override.yaml:3"#))
        #expect(text.contains("from app/compose.yaml, app/compose.override.yaml."))
    }

    @Test func importingTheMergeTwiceGivesTheSameBytes() throws {
        let first = try Self.imported(["compose.yaml", "compose.prod.yaml"]).text
        let second = try Self.imported(["compose.yaml", "compose.prod.yaml"]).text
        #expect(first == second)
        let scratch = try ScratchFolder()
        let file = try scratch.write("overrides.yaml", first)
        #expect(ImportTests.lint(file).isEmpty, "the merged environment lints clean")
    }
}
