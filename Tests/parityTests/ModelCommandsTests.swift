import Foundation
import Testing

/// `parity lint`, `parity export` and `parity schema`, run as a user would run them.
@Suite struct ModelCommandsTests {
    @Test func lintPassesTheSampleRepository() throws {
        // A fixed day: the sample waiver is warned about within 14 days of its expiry.
        let outcome = try ModelCLI.run(["lint", "--today", "2026-11-25"])
        #expect(outcome.stderr == "")
        #expect(outcome.stdout == "")
        #expect(outcome.status == 0)
    }

    @Test func lintPassesFilesOfTheSample() throws {
        let outcome = try ModelCLI.run([
            "lint", "environments/staging.yaml", "environments/production/services.yaml", "environments/preview.yaml",
        ])
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    @Test(arguments: ModelCLI.examples)
    func lintFailsEachInvalidExampleWithItsExpectedText(_ name: String) throws {
        let outcome = try ModelCLI.run(["lint", "examples/invalid/\(name)"])
        let golden = ModelCLI.invalidExamples.appendingPathComponent(
            (name as NSString).deletingPathExtension + ".expected")
        if ModelCLI.recording {
            // A recording run is never green: what was written has not been checked yet.
            try outcome.stderr.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(golden.lastPathComponent); run again without PARITY_RECORD to check it")
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(outcome.stderr == expected)
        #expect(outcome.stdout == "")
        #expect(outcome.status == 2)
    }

    @Test func exportPrintsTheResolvedModelWithSecretsRedacted() throws {
        let outcome = try ModelCLI.run(["export", "staging"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        #expect(
            outcome.stdout.hasPrefix(
                "{\n  \"apiVersion\": \"parity/v1\",\n  \"kind\": \"Environment\",\n  \"metadata\": {\n    \"name\": \"staging\""
            ))
        #expect(outcome.stdout.contains("\"value\": \"<redacted>\""))
        #expect(!outcome.stdout.contains("tj_sandbox_5f1c0e7a"))
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect((object?["services"] as? [Any])?.count == 14)
    }

    @Test func exportResolvesAFileThroughExtends() throws {
        let outcome = try ModelCLI.run(["export", "environments/preview.yaml"])
        #expect(outcome.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(object?["extends"] == nil)
        let externals = object?["externals"] as? [[String: Any]]
        #expect(externals?.first { $0["name"] as? String == "stripe" }?["mode"] as? String == "mock")
        #expect((object?["services"] as? [Any])?.count == 14)
    }

    @Test func exportIsStable() throws {
        let first = try ModelCLI.run(["export"])
        let second = try ModelCLI.run(["export"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        // Every environment, in one JSON document keyed by name.
        let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(object.map { Set($0.keys) } == ["production", "staging", "preview"])
    }

    @Test func exportOfAnUnknownEnvironmentSuggestsOne() throws {
        let outcome = try ModelCLI.run(["export", "stagin"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "")
        #expect(
            outcome.stderr
                == "error: no environment or file named 'stagin'; did you mean 'staging'? [model.unknown-environment]\n"
        )
    }

    @Test func schemaPrintsJSONSchema() throws {
        let outcome = try ModelCLI.run(["schema"])
        #expect(outcome.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }
}
