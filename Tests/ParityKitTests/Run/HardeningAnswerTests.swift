import Testing
import ParityDiagnostics
import ParityYAML
@testable import ParityKit

/// Answers that were wrong or unhelpful on hostile input (issue 17, points 14, 15 and 18).
@Suite struct HardeningAnswerTests {
    func spec(_ body: String) throws -> [Diagnostic] {
        try SpecFixtures.decode("apiVersion: parity/v1\nkind: ParitySpec\n" + body).1
    }

    @Test func aWaiverOfEveryGapIsWarnedAbout() throws {
        let found = try spec("waivers:\n  - {gap: '*', reason: r, owner: o, expires: 2099-01-01}\n")
        #expect(found.map(\.code) == [.specBroadWaiver])
        #expect(found.first?.severity == .warning)
    }

    @Test func aRuleWaiverWithoutATargetIsWarnedAbout() throws {
        let found = try spec(
            "waivers:\n  - {rule: credentials.no-plaintext-values, reason: r, owner: o, expires: 2099-01-01}\n")
        #expect(found.map(\.code) == [.specBroadWaiver])
        let targeted = try spec(
            "waivers:\n  - {rule: x, target: 'services[a]', reason: r, owner: o, expires: 2099-01-01}\n")
        #expect(targeted.isEmpty)
    }

    @Test(arguments: ["/etc", "../elsewhere", "a/../../b"])
    func environmentsOutsideTheRepositoryAreWarnedAbout(_ folder: String) throws {
        #expect(try spec("environments: '\(folder)'\n").map(\.code) == [.specOutsideRepository])
    }

    @Test func environmentsInsideTheRepositoryAreFine() throws {
        #expect(try spec("environments: envs/../environments\n").isEmpty)
    }

    @Test func aNegativeWarningBudgetIsAnError() throws {
        let found = try spec("gate: {maxWarnings: -1}\n")
        #expect(found.map(\.code) == [.specInvalidGate])
    }

    @Test func notANumberIsCalledWhatItIs() {
        #expect(Value(.double(.nan), at: nil).displayText == ".nan")
        #expect(Value(.double(-.infinity), at: nil).displayText == "-.inf")
    }

    @Test func aBrokenEnvironmentFileShowsItsOwnProblemsNotAnUnknownName() throws {
        let folder = try ScratchFolder()
        try folder.write(
            "environments/production.yaml",
            "apiVersion: parity/v1\nkind: Environment\nmetadata: {name: production, tier: production, owner: o}\n")
        try folder.write(
            "environments/staging.yaml", "apiVersion: parity/v1\nkind: Environment\nmetadata: [name: staging\n")
        let workspace = Workspace(root: folder.path, sources: SourceStore())
        let problems = workspace.problems(naming: "staging")
        #expect(problems.map(\.code) == [.yamlSyntax])
        #expect(problems.first?.location?.file.hasSuffix("environments/staging.yaml") == true)
        #expect(problems.first?.notes.last?.message.contains("defines no environment 'staging'") == true)
        #expect(workspace.problems(naming: "stagign").map(\.code) == [.modelUnknownEnvironment])
    }
}
