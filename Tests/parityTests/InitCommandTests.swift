import Foundation
import Testing

/// `parity init` as a new user runs it: in an empty folder, then lint and check.
@Suite struct InitCommandTests {
    @Test func initThenLintAndCheckWithNoInputError() throws {
        let folder = try ParityBinary.temporaryFolder()
        let initialize = try ParityBinary.run(["init"], in: folder)
        #expect(initialize.status == 0)
        #expect(initialize.stderr == "")
        #expect(
            initialize.stdout.hasPrefix(
                "parity init: wrote parity.yaml, environments/production.yaml, environments/staging.yaml, .pre-commit-config.yaml\n"
            ))
        #expect(initialize.stdout.contains("Next steps:\n"))

        let lint = try ParityBinary.run(["lint"], in: folder)
        #expect(lint.status == 0)
        #expect(lint.stderr == "")
        let check = try ParityBinary.run(["check"], in: folder, environment: ["PARITY_TODAY": "2026-11-25"])
        #expect(check.status == 0)
        #expect(check.stderr == "")
        #expect(
            check.stdout.hasSuffix(
                "GO: no gaps or findings at or above fail-on error (parity: production -> staging 100%)\n"))

        // The built-in pack is what runs: the scaffold has no policies folder.
        let list = try ParityBinary.run(["policy", "list"], in: folder)
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix("  built-in") })
        // No policies folder, so no tests of its own: nothing to fail, nothing unreadable.
        let tests = try ParityBinary.run(["policy", "test"], in: folder)
        #expect(tests.status == 0, "\(tests.stderr)")
        #expect(tests.stdout == "0 passed, 0 failed\n")
    }

    @Test func initRefusesToOverwriteAnything() throws {
        let folder = try ParityBinary.temporaryFolder()
        try "apiVersion: parity/v1\nkind: ParitySpec\n".write(
            to: folder.appendingPathComponent("parity.yaml"), atomically: true, encoding: .utf8)
        let run = try ParityBinary.run(["init"], in: folder)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(
            run.stderr.hasPrefix(
                "parity.yaml: error: 'parity.yaml' exists; parity init overwrites nothing and wrote no file"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["parity.yaml"], "nothing else written")
    }
}
