import Foundation
import Testing

/// The CI jobs of examples/ci/, read as YAML (by `parity export --raw`): they build Parity,
/// run the gate with the reports their CI system reads, keep them when the gate fails, and
/// let exit 1 fail the job.
@Suite struct CIExamplesTests {
    static let folder = ParityBinary.repositoryRoot.appendingPathComponent("examples/ci")

    func document(_ name: String) throws -> [String: Any] {
        let run = try ParityBinary.run(["export", "--raw", Self.folder.appendingPathComponent(name).path])
        try #require(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// The value of `--output FORMAT=FILE` in a command line.
    func output(_ format: String, in command: String) -> String? {
        let words = command.split(separator: " ").map(String.init)
        return zip(words, words.dropFirst()).first { $0.0 == "--output" && $0.1.hasPrefix(format + "=") }.map {
            String($0.1.dropFirst(format.count + 1))
        }
    }

    /// Every format a command line asks for is one `parity check` offers.
    func expectKnownFormats(_ command: String) throws {
        let help = try ParityBinary.run(["check", "--help"])
        let words = command.split(separator: " ").map(String.init)
        for (option, value) in zip(words, words.dropFirst()) where option == "--format" || option == "--output" {
            let format = option == "--format" ? value : String(value.prefix { $0 != "=" })
            #expect(help.stdout.contains(format), "parity check offers '\(format)'")
        }
    }

    @Test func githubActionsUploadsTheSarifWithACategoryAndFailsOnExitOne() throws {
        let workflow = try document("github-actions.yml")
        #expect(workflow["on"] != nil)
        let permissions = try #require(workflow["permissions"] as? [String: Any])
        #expect(permissions["security-events"] as? String == "write", "upload-sarif needs it")
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let steps = try #require((jobs["parity"] as? [String: Any])?["steps"] as? [[String: Any]])
        let runs = steps.compactMap { $0["run"] as? String }
        #expect(runs.contains { $0.contains("scripts/build-release") }, "builds the portable binary")
        let gate = try #require(steps.first { ($0["run"] as? String)?.hasPrefix("parity check") == true })
        let command = try #require(gate["run"] as? String)
        #expect(command.contains("--format github"), "annotations and the job summary")
        #expect(gate["continue-on-error"] == nil, "exit 1 fails the job")
        try expectKnownFormats(command)
        let sarif = try #require(output("sarif", in: command))
        let upload = try #require(
            steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif@") == true })
        let with = try #require(upload["with"] as? [String: Any])
        #expect(with["sarif_file"] as? String == sarif)
        #expect((with["category"] as? String)?.isEmpty == false)
        #expect((upload["if"] as? String)?.contains("always()") == true, "uploaded when the gate fails too")
    }

    @Test func gitlabKeepsCodeQualityAndJUnitReportsAlways() throws {
        let pipeline = try document("gitlab-ci.yml")
        let job = try #require(pipeline["parity"] as? [String: Any])
        #expect((job["before_script"] as? [String])?.contains { $0.contains("scripts/build-release") } == true)
        let command = try #require((job["script"] as? [String])?.first { $0.hasPrefix("parity check") })
        #expect(job["allow_failure"] == nil, "exit 1 fails the job")
        try expectKnownFormats(command)
        let artifacts = try #require(job["artifacts"] as? [String: Any])
        #expect(artifacts["when"] as? String == "always")
        let reports = try #require(artifacts["reports"] as? [String: Any])
        #expect(reports["codequality"] as? String == output("gitlab", in: command))
        #expect(reports["junit"] as? String == output("junit", in: command))
        #expect(output("gitlab", in: command) != nil && output("junit", in: command) != nil)
    }

    @Test func theGateCommandsRunAsWrittenAndLeaveTheirReportsWhenTheGateFails() throws {
        let github = try #require(
            (try document("github-actions.yml")["jobs"] as? [String: Any]).flatMap {
                ($0["parity"] as? [String: Any])?["steps"] as? [[String: Any]]
            }?
            .compactMap { $0["run"] as? String }.first { $0.hasPrefix("parity check") })
        let gitlab = try #require((try document("gitlab-ci.yml")["parity"] as? [String: Any])?["script"] as? [String])
            .first { $0.hasPrefix("parity check") }
        for command in [github, try #require(gitlab)] {
            let folder = try ParityBinary.sampleWithoutPolicies()
            let summary = folder.appendingPathComponent("summary.md")
            let arguments = command.split(separator: " ").dropFirst().map(String.init)
            let run = try ParityBinary.run(
                arguments, in: folder, environment: ["PARITY_TODAY": "2026-11-25", "GITHUB_STEP_SUMMARY": summary.path])
            #expect(run.status == 1, "the sample is a NO-GO, and exit 1 fails the job: \(run.stderr)")
            for format in ["sarif", "junit", "gitlab"] {
                guard let file = output(format, in: command) else { continue }
                let written = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path)
                #expect(written.map { !$0.isEmpty } == true, "\(command) writes \(file)")
            }
            if command.contains("--format github") {
                #expect(run.stdout.contains("::error "), "annotations on stdout")
                #expect(
                    FileManager.default.contents(atPath: summary.path).map { !$0.isEmpty } == true, "the job summary")
            }
        }
    }
}
