import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func versionAndHelp() throws {
        let version = try ParityBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("parity "))
        let help = try ParityBinary.run(["--help"])
        #expect(help.status == 0)
        for command in ["check", "diff", "lint", "eval", "export", "policy", "schema", "init", "graph", "import"] {
            #expect(help.stdout.contains("\n  \(command) "), "help lists \(command)")
        }
    }

    @Test(arguments: [
        "check", "diff", "lint", "eval", "export", "schema", "history", "init", "policy test", "policy list",
        "policy explain", "graph", "import kubernetes", "import compose",
    ])
    func everyCommandHasHelp(_ command: String) throws {
        let run = try ParityBinary.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("usage: parity \(command)"))
    }

    @Test func misspeltCommandIsAUsageErrorWithAHint() throws {
        let run = try ParityBinary.run(["chek"])
        #expect(run.status == 64)
        #expect(run.stderr == """
            parity: error: unknown command 'chek'; did you mean 'check'?
            usage: parity <check|diff|lint|eval|export|policy|schema|ready|history|init|graph|import> [ARGS...]
            see 'parity --help'

            """)
    }

    @Test func misspeltOptionIsAUsageErrorWithAHint() throws {
        let run = try ParityBinary.run(["diff", "a", "b", "--fromat", "json"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("parity diff: error: unknown option '--fromat'; did you mean '--format'?\n"))
    }

    @Test func badChoiceAndMissingArgumentsAreUsageErrors() throws {
        #expect(try ParityBinary.run(["diff", "a", "b", "--format", "jsno"]).stderr.contains("did you mean 'json'?"))
        #expect(try ParityBinary.run(["diff", "a"]).status == 64)
        #expect(try ParityBinary.run(["diff", "a", "b", "c"]).status == 64)
        #expect(try ParityBinary.run(["export", "--raw", "x", "--raw=1"]).status == 64)
    }

    @Test func noCommandPrintsHelpAndFails() throws {
        let run = try ParityBinary.run([])
        #expect(run.status == 64)
        #expect(run.stderr.contains("usage: parity"))
    }
}
