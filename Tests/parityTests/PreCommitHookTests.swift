import Foundation
import Testing

/// The hooks of `.pre-commit-hooks.yaml` under the real pre-commit framework, on a machine
/// where parity is not installed: pre-commit builds it (`language: swift`, a release build in
/// its own cache, minutes each time), then the hooks pass on a clean repository and fail on a
/// broken file, showing the diagnostic. Slow, so it runs under CI (or PARITY_SLOW_TESTS=1).
@Suite(.enabled(if: ExternalTool.underCI || ProcessInfo.processInfo.environment["PARITY_SLOW_TESTS"] == "1",
                "builds parity twice in release; runs under CI or with PARITY_SLOW_TESTS=1"))
struct PreCommitHookTests {
    /// PATH without any folder that holds a `parity`, so only pre-commit's build can answer.
    static var pathWithoutParity: String {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .filter { !FileManager.default.isExecutableFile(atPath: "\($0)/parity") }.joined(separator: ":")
    }

    func git(_ arguments: [String], in folder: URL) throws {
        let git = try #require(ExternalTool.find("git"), "git is not installed")
        let run = try ExternalTool.run(
            git, ["-c", "user.name=parity-tests", "-c", "user.email=tests@example.com"] + arguments, in: folder)
        try #require(run.status == 0, "git \(arguments): \(run.output)")
    }

    /// `pre-commit try-repo` of this repository's hooks on every file of `folder`.
    func tryRepo(in folder: URL) throws -> ExternalTool.Run {
        let python = try #require(ExternalTool.find("python3"), "python3 is not installed")
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Self.pathWithoutParity
        environment["PRE_COMMIT_HOME"] = folder.appendingPathComponent(".cache").path
        environment["NO_COLOR"] = "1"
        environment["PARITY_TODAY"] = "2026-11-25"
        let started = Date()
        let run = try ExternalTool.run(
            python,
            ["-m", "pre_commit", "try-repo", ParityBinary.repositoryRoot.path, "--all-files", "--color", "never"],
            in: folder, environment: environment, timeout: 25 * 60)
        #expect(!run.timedOut, "pre-commit took more than 25 minutes")
        // The build dominates; say what it cost, since it is most of this suite's time.
        FileHandle.standardError.write(
            Data("pre-commit try-repo (release build included): \(Int(Date().timeIntervalSince(started))) s\n".utf8))
        return run
    }

    @Test(.timeLimit(.minutes(60)))
    func bothHooksPassOnACleanRepositoryAndFailOnABrokenFile() throws {
        let python = try #require(ExternalTool.find("python3"), "python3 is not installed")
        let version = try ExternalTool.run(python, ["-m", "pre_commit", "--version"])
        try #require(
            version.status == 0, "pre-commit is not installed (pip install pre-commit; .ci/run does): \(version.output)"
        )
        #expect(ExternalTool.find("parity", path: Self.pathWithoutParity) == nil)

        // A repository of its own: the clean mirror example, committed.
        let folder = try ParityBinary.temporaryFolder()
        let example = ParityBinary.repositoryRoot.appendingPathComponent("examples/clean-mirror")
        try FileManager.default.copyItem(
            at: example.appendingPathComponent("environments"), to: folder.appendingPathComponent("environments"))
        // The example borrows this repository's policies; on its own, the built-in pack runs.
        let spec = try String(contentsOf: example.appendingPathComponent("parity.yaml"), encoding: .utf8)
        try #require(spec.contains("policies: ../../policies\n"))
        try spec.replacingOccurrences(of: "policies: ../../policies\n", with: "").write(
            to: folder.appendingPathComponent("parity.yaml"), atomically: true, encoding: .utf8)
        try git(["init", "-q"], in: folder)
        try git(["add", "-A"], in: folder)
        try git(["commit", "-q", "-m", "environments"], in: folder)

        let passing = try tryRepo(in: folder)
        #expect(passing.status == 0, "\(passing.output)")
        #expect(passing.output.contains("parity lint") && passing.output.contains("parity check"))
        #expect(
            passing.output.split(separator: "\n").filter { $0.hasPrefix("parity ") && $0.hasSuffix("Passed") }.count
                == 2, "\(passing.output)")

        // A replica count written as a word: both hooks fail and show where.
        let staging = folder.appendingPathComponent("environments/staging.yaml")
        let text = try String(contentsOf: staging, encoding: .utf8)
        try #require(text.contains("replicas: 2\n"))
        try text.replacingOccurrences(of: "replicas: 2\n", with: "replicas: two\n").write(
            to: staging, atomically: true, encoding: .utf8)
        try git(["commit", "-q", "-am", "broken"], in: folder)

        let failing = try tryRepo(in: folder)
        #expect(failing.status == 1, "\(failing.output)")
        #expect(
            failing.output.split(separator: "\n").filter { $0.hasPrefix("parity ") && $0.hasSuffix("Failed") }.count
                == 2, "\(failing.output)")
        #expect(failing.output.contains("environments/staging.yaml:"), "\(failing.output)")
        #expect(
            failing.output.contains(
                "error: expected an integer for 'replicas', found a string ('two') [schema.type-mismatch]"),
            "\(failing.output)")
    }
}
