import Foundation
import Testing

/// The report read every day, run as a user runs it: the filters, the colour switch, lint's
/// machine formats, and commands run from inside the repository.
@Suite struct FirstDayCommandTests {
    let today = ["PARITY_TODAY": "2026-11-25"]

    @Test func onlyFailingHidesAllowedAndWaivedLines() throws {
        let all = try ParityBinary.run(["check"], environment: today)
        let failing = try ParityBinary.run(["check", "--only-failing"], environment: today)
        #expect(failing.status == 1)
        #expect(all.stdout.contains("\n  ~ "))
        #expect(!failing.stdout.contains("\n  ~ "))
        #expect(failing.stdout.contains("  x services[fraud-detector]  missing in staging"))
        #expect(
            failing.stdout.components(separatedBy: "\n").last(where: { !$0.isEmpty })
                == all.stdout.components(separatedBy: "\n").last(where: { !$0.isEmpty }))
    }

    @Test func quietPrintsTheVerdictAlone() throws {
        let run = try ParityBinary.run(["check", "--quiet"], environment: today)
        #expect(run.status == 1)
        #expect(
            run.stdout
                == "NO-GO: 13 parity gaps in production -> staging; 10 policy errors (parity: production -> staging 98.1%)"
                + "; fix each, allow a gap with a reason in parity.yaml, or waive it with an owner and an expiry\n")
        let diff = try ParityBinary.run(["diff", "production", "staging", "-q"], environment: today)
        #expect(diff.stdout == "13 parity gaps; 179 allowed, 2 waived; parity score 98.1%\n")
    }

    @Test func ruleAndSkipRuleChooseThePolicies() throws {
        let one = try ParityBinary.run(["check", "--rule", "data.pii-masked", "--quiet"], environment: today)
        #expect(one.stdout.contains("; 1 policy error "))
        let skipped = try ParityBinary.run(["check", "--skip-rule", "data.pii-masked", "--quiet"], environment: today)
        #expect(skipped.stdout.contains("; 9 policy errors "))
        let unknown = try ParityBinary.run(["check", "--rule", "data.pii-maskd"], environment: today)
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr
                == "error: --rule data.pii-maskd names no policy rule; did you mean 'data.pii-masked'? [check.unknown-rule]\n"
        )
        #expect(unknown.stdout == "INVALID: 1 input error (above); fix them and run again\n")
    }

    @Test func pairNamesTheOnePairCompared() throws {
        let run = try ParityBinary.run(["check", "--pair", "production:staging", "--quiet"], environment: today)
        #expect(run.status == 1)
        let unknown = try ParityBinary.run(["check", "--pair", "production:preview"], environment: today)
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr.contains(
                "--pair production:preview is not a pair of this repository; the pairs are production:staging"))
        let malformed = try ParityBinary.run(["check", "--pair", "production"], environment: today)
        #expect(malformed.status == 64)
    }

    @Test func findingsShowTheirFix() throws {
        let run = try ParityBinary.run(["check", "--only-failing"], environment: today)
        #expect(
            run.stdout.contains(
                "a permission allows actions by wildcard: [\"*\"]\n        fix: List the actions the role needs, such as s3:GetObject.\n"
            ))
    }

    @Test(arguments: [
        (["--color", "always"], [String: String](), true),
        (["--color", "never"], ["FORCE_COLOR": "1"], false),
        ([], ["FORCE_COLOR": "1", "NO_COLOR": ""], true),
        ([], ["CLICOLOR_FORCE": "1", "NO_COLOR": ""], true),
        ([], ["FORCE_COLOR": "1"], false), // NO_COLOR=1, which every test run sets, wins
        ([], ["NO_COLOR": ""], false), // not a terminal
    ])
    func colourFollowsTheSwitchAndTheEnvironment(_ flags: [String], _ environment: [String: String], _ coloured: Bool)
        throws
    {
        let run = try ParityBinary.run(["check", "--quiet"] + flags, environment: today.merging(environment) { $1 })
        #expect(run.stdout.contains("\u{1B}[") == coloured, "\(flags) \(environment)")
    }

    @Test func lintSpeaksJSONAndGitHub() throws {
        let folder = try ParityBinary.temporaryFolder()
        let file = folder.appendingPathComponent("bad.yaml")
        try
            "apiVersion: parity/v1\nkind: Environment\nmetadata: {name: x, tier: staging, owner: o}\nregions: [eu-west-1]\nservices: [{name: a, image: i, replcias: 2}]\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let json = try ParityBinary.run(["lint", "--format", "json", "bad.yaml"], in: folder)
        #expect(json.status == 2)
        #expect(json.stderr == "")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["code"] as? String == "schema.unknown-field")
        #expect(first["line"] as? Int == 5 && first["file"] as? String == "bad.yaml")
        let github = try ParityBinary.run(["lint", "--format", "github", "bad.yaml"], in: folder)
        #expect(github.stdout.hasPrefix("::error file=bad.yaml,line=5,col="))
        #expect(github.stdout.contains(",title=schema.unknown-field::unknown field 'replcias'"))
    }

    @Test func fromASubfolderTheRepositoryIsFoundAndPathsAreRelativeToHere() throws {
        let folder = try ParityBinary.temporaryFolder()
        for entry in ["environments", "policies", "parity.yaml"] {
            try FileManager.default.copyItem(
                at: ParityBinary.repositoryRoot.appendingPathComponent(entry), to: folder.appendingPathComponent(entry))
        }
        let production = folder.appendingPathComponent("environments/production")
        let lint = try ParityBinary.run(["lint", "services.yaml"], in: production)
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stderr == "")
        let check = try ParityBinary.run(["check", "--only-failing"], in: production, environment: today)
        #expect(check.status == 1)
        #expect(check.stdout.contains("      staging: ../staging.yaml:16:3\n      production: services.yaml:133:5\n"))
        let services = production.appendingPathComponent("services.yaml")
        let text = try String(contentsOf: services, encoding: .utf8)
        try text.replacingOccurrences(
            of: "    image: registry.example.com/risk/fraud-detector",
            with: "    imgae: registry.example.com/risk/fraud-detector"
        ).write(to: services, atomically: true, encoding: .utf8)
        let broken = try ParityBinary.run(["lint", "services.yaml"], in: production)
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("services.yaml:"), "\(broken.stderr)")
    }
}
