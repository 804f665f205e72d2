import Foundation
import Testing

/// `parity check` reports as CI systems read them: every advertised format, several files in
/// one run, the SARIF checked against the SARIF 2.1.0 schema, the JUnit read by a JUnit
/// parser, the JSON report against `parity schema --report`, and the GitHub job summary.
@Suite struct ReportCLITests {
    /// No job summary of the CI running these tests is written to.
    let today = ["PARITY_TODAY": "2026-11-25", "GITHUB_STEP_SUMMARY": ""]
    static let underCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let sarifSchema = ParityBinary.repositoryRoot.appendingPathComponent(
        "../shared/schemas/sarif-schema-2.1.0.json"
    ).standardized
    static let hasSARIFSchema = FileManager.default.fileExists(atPath: sarifSchema.path)
    static let hasJUnitParser: Bool = (try? python("import junitparser", []).status) == 0
    static let repositories = ["", "examples/clean-mirror", "examples/leaking-staging", "examples/invalid-repo"]

    static func python(_ script: String, _ arguments: [String]) throws -> ModelCLI.Outcome {
        try ModelCLI.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
    }

    /// One `FORMAT` report per repository of `repositories`, written by `--output` into `folder`.
    func reports(_ format: String, in folder: URL) throws -> [String] {
        try Self.repositories.enumerated().map { index, repository in
            let file = folder.appendingPathComponent("report-\(index).\(format)").path
            _ = try ParityBinary.run(
                ["check", "--output", "\(format)=\(file)"],
                in: ParityBinary.repositoryRoot.appendingPathComponent(repository), environment: today)
            return file
        }
    }

    /// The `--format` choices as `parity check --help` lists them.
    static func advertisedFormats() throws -> [String] {
        let help = try ParityBinary.run(["check", "--help"])
        let line = try #require(help.stdout.split(separator: "\n").first { $0.hasPrefix("  -f, --format") })
        let choices = try #require(line.range(of: "(").map { line[$0.upperBound...].prefix { $0 != ")" } })
        return choices.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func everyAdvertisedFormatIsAvailable() throws {
        let formats = try Self.advertisedFormats()
        #expect(formats.count >= 7)
        for format in formats {
            let run = try ParityBinary.run(["check", "--format", format], environment: today)
            #expect(run.status == 1, "\(format): \(run.stderr)")
            #expect(!run.stderr.contains("not available") && !run.stdout.isEmpty, "\(format)")
        }
    }

    @Test func oneRunWritesSeveralReportsWhileTextGoesToTheTerminal() throws {
        let folder = try ParityBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sarif = folder.appendingPathComponent("parity.sarif").path,
            junit = folder.appendingPathComponent("parity.xml").path
        let run = try ParityBinary.run(
            ["check", "--output", "sarif=\(sarif)", "-o", "junit=\(junit)"], environment: today)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("parity check: 3 environments"))
        #expect(
            FileManager.default.contents(atPath: sarif).map {
                String(decoding: $0, as: UTF8.self).contains("\"version\": \"2.1.0\"")
            } == true)
        #expect(
            FileManager.default.contents(atPath: junit).map { String(decoding: $0, as: UTF8.self).hasPrefix("<?xml") }
                == true)
        // Written through a temporary file and a rename: nothing else is left beside them.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["parity.sarif", "parity.xml"])
    }

    @Test func pathsAreRelativeToTheRepositoryRootFromASubfolder() throws {
        let repository = try ParityBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: repository) }
        try FileManager.default.createDirectory(
            at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        // Two folders down, so the spec's `policies: ../../policies` finds the copy of the pack.
        let infra = repository.appendingPathComponent("deploy/infra")
        try FileManager.default.createDirectory(
            at: infra.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: ParityBinary.repositoryRoot.appendingPathComponent("examples/leaking-staging"), to: infra)
        try FileManager.default.copyItem(
            at: ParityBinary.repositoryRoot.appendingPathComponent("policies"),
            to: repository.appendingPathComponent("policies"))
        let run = try ParityBinary.run(["check", "--format", "gitlab"], in: infra, environment: today)
        #expect(run.status == 1)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let paths = Set(issues.compactMap { ($0["location"] as? [String: Any])?["path"] as? String })
        #expect(paths == ["deploy/infra/environments/staging.yaml"], "\(paths)")
    }

    @Test func anOutputOfAnUnknownFormatIsWrongUsage() throws {
        let run = try ParityBinary.run(["check", "--output", "sarfi=x.sarif"], environment: today)
        #expect(run.status == 64)
        #expect(
            run.stderr.hasPrefix(
                "parity check: error: unknown report format 'sarfi' in --output; did you mean 'sarif'?"))
        #expect(
            !FileManager.default.fileExists(atPath: ParityBinary.repositoryRoot.appendingPathComponent("x.sarif").path))
    }

    @Test func githubFormatAppendsTheMarkdownReportToTheJobSummary() throws {
        let folder = try ParityBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = folder.appendingPathComponent("summary.md")
        try "earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        let run = try ParityBinary.run(
            ["check", "--format", "github"], environment: today.merging(["GITHUB_STEP_SUMMARY": summary.path]) { $1 })
        #expect(run.status == 1)
        #expect(run.stdout.contains("the job summary lists them all"))
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n## Parity check: NO-GO\n"))
        #expect(text.utf8.count < 1 << 20)
        // Without the github format, the summary is left alone.
        _ = try ParityBinary.run(
            ["check", "--format", "sarif"], environment: today.merging(["GITHUB_STEP_SUMMARY": summary.path]) { $1 })
        #expect(try String(contentsOf: summary, encoding: .utf8) == text)
    }

    @Test(.enabled(if: ModelCLI.hasJSONSchema || underCI, "python3 with jsonschema is not installed; skipping"))
    func jsonReportMeetsItsPublishedSchema() throws {
        let schema = try ParityBinary.run(["schema", "--report"])
        #expect(schema.status == 0)
        let folder = try ParityBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemaFile = folder.appendingPathComponent("report.schema.json")
        try schema.stdout.write(to: schemaFile, atomically: true, encoding: .utf8)
        let files = try reports("json", in: folder)
        let validate = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            for path in sys.argv[2:]:
                errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(path)))]
                print(path, "valid" if not errors else "invalid: " + "; ".join(errors[:3]))
            """
        let run = try Self.python(validate, [schemaFile.path] + files)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == files.count)
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix(" valid") }, "\(run.stdout)")
    }

    @Test(
        .enabled(
            if: (ModelCLI.hasJSONSchema && hasSARIFSchema) || underCI,
            "the SARIF schema (../shared/schemas) or python3 jsonschema is missing; skipping"))
    func sarifValidatesAgainstTheSARIFSchema() throws {
        try #require(Self.hasSARIFSchema, "no SARIF schema at \(Self.sarifSchema.path)")
        let folder = try ParityBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try reports("sarif", in: folder)
        let validate = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft4Validator(schema)
            for path in sys.argv[2:]:
                report = json.load(open(path))
                errors = [e.message for e in validator.iter_errors(report)]
                results = len(report["runs"][0]["results"])
                print(path, results, "valid" if not errors else "invalid: " + "; ".join(errors[:3]))
            """
        let run = try Self.python(validate, [Self.sarifSchema.path] + files)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == files.count)
        #expect(lines.allSatisfy { $0.hasSuffix(" valid") }, "\(run.stdout)")
        #expect(lines.first?.hasSuffix(" 23 valid") == true, "the sample has 23 results")
    }

    @Test(
        .enabled(
            if: hasJUnitParser || underCI, "python3 with junitparser is not installed (.ci/run installs it); skipping"))
    func junitParsesWithAJUnitParser() throws {
        let folder = try ParityBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try reports("junit", in: folder)
        // Each suite's counts against its cases; no dot in a class name; names unique per
        // class name; a one-line failure message with a body.
        let check = """
            import sys
            from junitparser import JUnitXml, Failure, Error, Skipped
            for path in sys.argv[1:]:
                problems, failing = [], 0
                for suite in JUnitXml.fromfile(path):
                    cases = list(suite)
                    counts = {"failures": 0, "errors": 0, "skipped": 0}
                    names = set()
                    for case in cases:
                        if "." in case.classname: problems.append("dot in " + case.classname)
                        if (case.classname, case.name) in names: problems.append("twice: " + case.name)
                        names.add((case.classname, case.name))
                        if not case._elem.get("file"): problems.append("no file: " + case.name)
                        for result in case.result:
                            if isinstance(result, Failure): counts["failures"] += 1
                            if isinstance(result, Error): counts["errors"] += 1
                            if isinstance(result, Skipped): counts["skipped"] += 1
                            if isinstance(result, (Failure, Error)):
                                if "\\n" in (result.message or "") or not result.text: problems.append("message: " + case.name)
                    if suite.tests != len(cases): problems.append("tests of " + suite.name)
                    for key, value in counts.items():
                        if getattr(suite, key) != value: problems.append(key + " of " + suite.name)
                    if suite.name != "input": failing += counts["failures"] + counts["errors"]
                print(path, failing, "ok" if not problems else "; ".join(problems[:5]))
            """
        let run = try Self.python(check, files)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == files.count)
        #expect(lines.allSatisfy { $0.hasSuffix(" ok") }, "\(run.stdout)")
        #expect(lines.first?.hasSuffix(" 23 ok") == true, "the sample has 23 failing items")
    }
}
