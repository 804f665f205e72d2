import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// What `parity lint` finds without diffing, planted in a copy of the sample: a variance
/// predicate that is no boolean for the path's type, a malformed path at its broken bracket,
/// a PolicyTest case naming a rule no policy has.
@Suite struct LintWithoutDiffingTests {
    typealias Mistake = SampleMistakesTests.Mistake

    static func lint(_ mistake: Mistake) throws -> [Diagnostic] {
        let scratch = try SampleMistakesTests.sample(with: mistake)
        var options = LintRun.Options()
        options.root = scratch.path
        return LintRun(sources: SourceStore()).run(options).diagnostics.filter { $0.severity != .note }
    }

    static func place(_ diagnostic: Diagnostic?) -> String {
        guard let location = diagnostic?.location else { return "nowhere" }
        return "\((location.file as NSString).lastPathComponent):\(location.line):\(location.column)"
    }

    @Test func aVariancePredicateIsTypeCheckedAgainstThePathsType() throws {
        let mistake = Mistake(
            file: "parity.yaml", find: "        rule: fewer\n        minimum: 1\n        reason: a single replica",
            replace: "        cel: mirror - reference\n        reason: a single replica", says: "", at: "")
        let diagnostics = try Self.lint(mistake)
        #expect(
            diagnostics.map(\.message) == [
                "the cel predicate on 'datastores[*].replicas' (int) is not boolean: it gives int; compare the values, as in mirror <= reference"
            ])
        #expect(Self.place(diagnostics.first) == "parity.yaml:31:14")
    }

    @Test func aPredicateMayUseTheTypesOfThePath() throws {
        // Durations are CEL durations, in lint and in the check, so they compare as spans of time.
        let mistake = Mistake(
            file: "parity.yaml", find: "observability.metrics.retention\n        rule: ignore",
            replace: "observability.metrics.retention\n        cel: mirror <= reference && mirror >= duration('1h')",
            says: "", at: "")
        #expect(try Self.lint(mistake).isEmpty)
        let scratch = try SampleMistakesTests.sample(with: mistake)
        var options = CheckRun.Options(today: "2026-11-25")
        options.root = scratch.path
        let check = CheckRun(sources: SourceStore()).run(options)
        let gap = check.report?.pairs.flatMap(\.gaps).first { $0.path.description == "observability.metrics.retention" }
        #expect(gap.map { !$0.isFailing } == true, "\(String(describing: gap?.status))")
    }

    @Test(arguments: [
        ("path: networks[*.segments[*].cidr", "parity.yaml:64:23"),
        ("path: \"networks[*.segments[*].cidr\"", "parity.yaml:64:24"),
    ])
    func aMalformedPathPointsAtItsBrokenBracket(_ replace: String, _ place: String) throws {
        let mistake = Mistake(
            file: "parity.yaml", find: "path: networks[*].segments[*].cidr", replace: replace, says: "", at: "")
        let diagnostics = try Self.lint(mistake)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("the '[' at column 9 is never closed") == true)
        #expect(Self.place(diagnostics.first) == place)
    }

    @Test func aPolicyTestNamingAnUnknownRuleIsALintError() throws {
        let mistake = Mistake(
            file: "policies/encryption.test.yaml",
            find: "      encryption.no-public-plaintext: {fail: [\"services[api]",
            replace: "      encryption.no-public-plaintxt: {fail: [\"services[api]", says: "", at: "")
        let diagnostics = try Self.lint(mistake)
        #expect(
            diagnostics.map(\.message) == [
                "no policy has a rule 'encryption.no-public-plaintxt'; did you mean 'encryption.no-public-plaintext'?"
            ])
        #expect(diagnostics.first?.code == .policyTestUnknownRule)
        #expect(Self.place(diagnostics.first) == "encryption.test.yaml:49:7")
    }
}
