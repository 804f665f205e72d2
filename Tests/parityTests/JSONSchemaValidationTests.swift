import Foundation
import Testing

/// `parity schema` checked by an independent validator (Python's jsonschema): it accepts
/// every file of the sample and rejects the invalid examples a schema can catch.
@Suite(
    .enabled(
        if: ModelCLI.runsJSONSchemaTests,
        "python3 with the jsonschema module is not installed; skipping JSON Schema validation"))
struct JSONSchemaValidationTests {
    /// Reads the schema's path from argv and JSON lines on stdin; prints one verdict a line.
    static let validator = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for line in sys.stdin:
            if line.strip():
                errors = sorted(e.message for e in validator.iter_errors(json.loads(line)))
                print("invalid: " + "; ".join(errors) if errors else "valid")
        """

    /// The invalid examples whose problem lies within one document's shape.
    static let catchable = [
        "invalid-value.yaml", "type-mismatch.yaml", "unknown-api-version.yaml", "unknown-field.yaml",
        "unknown-kind.yaml", "yaml11-boolean.yaml",
    ]

    /// The verdict on each document of `files`, converted to JSON by `parity export --raw`.
    static func verdicts(_ files: [String]) throws -> [String] {
        let schema = try ModelCLI.run(["schema"])
        try #require(schema.status == 0)
        let schemaFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "parity-schema-\(UUID().uuidString).json")
        try schema.stdout.write(to: schemaFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schemaFile) }
        // One validator run for every document: Python's start-up dominates otherwise.
        var lines: [String] = []
        var owners: [String] = []
        for file in files {
            let raw = try ModelCLI.run(["export", "--raw", file])
            try #require(raw.status == 0, "\(file): \(raw.stderr)")
            let documents = raw.stdout.split(separator: "\n").map(String.init)
            lines += documents
            owners += Array(repeating: file, count: documents.count)
        }
        let python = try ModelCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", validator, schemaFile.path],
            input: lines.joined(separator: "\n") + "\n")
        try #require(python.status == 0, "\(python.stderr)")
        let results = python.stdout.split(separator: "\n")
        try #require(results.count == owners.count)
        let verdicts = zip(owners, results).map { "\($0): \($1)" }
        return verdicts
    }

    static var sampleFiles: [String] {
        let root = ModelCLI.repositoryRoot.appendingPathComponent("environments")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted().map {
            "environments/\($0)"
        }
    }

    @Test func acceptsEverySampleFile() throws {
        let files = Self.sampleFiles
        #expect(files.count >= 9)
        let verdicts = try Self.verdicts(files)
        #expect(verdicts.count == files.count)
        #expect(verdicts.allSatisfy { $0.hasSuffix(": valid") }, "\(verdicts.filter { !$0.hasSuffix(": valid") })")
    }

    @Test func rejectsTheInvalidExamplesASchemaCanCatch() throws {
        let verdicts = try Self.verdicts(Self.catchable.map { "examples/invalid/\($0)" })
        #expect(verdicts.count == Self.catchable.count)
        for verdict in verdicts {
            #expect(verdict.contains(": invalid: "), "\(verdict)")
        }
    }
}
