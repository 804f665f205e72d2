import Testing
import ParityDiagnostics
@testable import ParityKit

/// Every run's status comes from one rule, and the vocabularies come from the types.
@Suite struct RunOutcomeTests {
    @Test func statusPrefersInvalidInputThenFindings() {
        let error = Diagnostic.error(.evalInvalid, "broken", at: nil)
        let warning = Diagnostic.warning(.evalInvalid, "odd", at: nil)
        #expect(RunStatus(diagnostics: [], failing: false) == .passed)
        #expect(RunStatus(diagnostics: [warning], failing: false) == .passed)
        #expect(RunStatus(diagnostics: [warning], failing: true) == .findings)
        #expect(RunStatus(diagnostics: [error], failing: true) == .invalidInput)
        #expect(Outcome<Int>.invalid([]).status == .invalidInput)
    }

    @Test func varNamesAreCELIdentifiers() {
        #expect(EvalRun.Variable(parsing: "x=1")?.name == "x")
        #expect(EvalRun.Variable(parsing: "_a1=1 + 2")?.expression == "1 + 2")
        #expect(EvalRun.Variable(parsing: "a=b=c")?.expression == "b=c")
        // Letters outside ASCII are letters to Swift, not to CEL's lexer.
        for text in ["é=1", "1x=1", "=1", "x", "in=1", "true=1", "null=1", "a-b=1"] {
            #expect(EvalRun.Variable(parsing: text) == nil, "\(text)")
        }
    }

    @Test func evalOptionsThatCannotRunTogetherSaySo() throws {
        var options = EvalRun.Options(expression: "1")
        options.environment = "staging"
        #expect(options.usageProblem == nil)
        options.variables = [try #require(EvalRun.Variable(parsing: "env=1"))]
        #expect(options.usageProblem?.contains("would hide the env") == true)
        options.input = "x.yaml"
        #expect(options.usageProblem?.contains("give one") == true)
    }

    @Test func vocabulariesAreSpelledOnceInTheirTypes() throws {
        let spec = JSONSchemaGenerator.schema().pretty
        for level in GateDecision.Level.allCases { #expect(spec.contains("\"\(level.rawValue)\"")) }
        for kind in Variance.Rule.Kind.allCases { #expect(spec.contains("\"\(kind.rawValue)\"")) }
        #expect(EnvironmentSchema.tiers == Tier.allCases.map(\.rawValue))
    }

    @Test func aRunMasksSecretsInTheSourcesItIsGiven() {
        let sources = SourceStore()
        _ = LintRun(sources: sources)
        #expect(sources.maskedKeys.isSuperset(of: EnvironmentSchema.sensitiveFieldNames))
    }
}
