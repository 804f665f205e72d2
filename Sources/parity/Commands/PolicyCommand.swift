import ParityDiagnostics
import ParityKit

extension Commands {
    /// The policies folder parity.yaml names (or policies/).
    static func policiesFolder(_ context: CommandContext) throws -> String {
        let (spec, diagnostics) = SpecLoader.load(nil, root: ".", sources: context.sources)
        if diagnostics.containsError { throw CommandFailure.diagnostics(diagnostics) }
        return spec.policiesFolder
    }

    /// The rules a check runs (the built-in pack and the repository's own), compiled; any
    /// problem with them is invalid input.
    static func loadPolicies(_ context: CommandContext) throws -> PolicySet {
        let (spec, diagnostics) = SpecLoader.load(nil, root: ".", sources: context.sources)
        if diagnostics.containsError { throw CommandFailure.diagnostics(diagnostics) }
        let set = PolicySet.load(spec: spec, root: ".", sources: context.sources)
        if set.diagnostics.containsError { throw CommandFailure.diagnostics(set.diagnostics) }
        context.report(set.diagnostics)
        return set
    }

    static let policyTest = CommandSpec(
        name: "test", abstract: "Run the policy tests next to the policies.",
        positionals: [PositionalSpec(name: "PATH", arity: .many, help: "test files or folders (default: policies/)")],
        run: { arguments, context in
            // Tests pin what each rule does, whether or not this repository turns it off.
            let set = try loadPolicies(context)
            let paths = arguments.positionals.isEmpty ? [try policiesFolder(context)] : arguments.positionals
            let report = PolicyTestRunner(rules: set.rules + set.disabled.map(\.entry.rule)).run(files: PolicyTestRunner.testFiles(in: paths), sources: context.sources)
            context.report(report.diagnostics)
            if report.diagnostics.containsError { return .invalidInput }
            for outcome in report.outcomes where !outcome.passed {
                let place = outcome.location.map { "\($0): " } ?? ""
                context.out("\(place)FAIL \(outcome.testCase): \(outcome.ruleID)\n    expected: \(outcome.expected)\n    got:      \(outcome.got)\n")
            }
            let passed = report.outcomes.count - report.failed
            context.out("\(passed) passed, \(report.failed) failed\n")
            // The pack's own tests are the pack's business; a repository answers for its rules.
            let own = Set((set.entries + set.disabled.map(\.entry)).filter { $0.origin != .builtIn }.map(\.rule.rule.id))
            let untested = report.untested.filter(own.contains)
            if !untested.isEmpty, arguments.positionals.isEmpty {
                context.out("rules without tests: \(untested.joined(separator: ", "))\n")
            }
            return report.failed == 0 ? RunStatus.passed : .findings
        })

    static let policyList = CommandSpec(
        name: "list", abstract: "List every rule with its severity, title and where it comes from.",
        run: { _, context in
            let set = try loadPolicies(context)
            let rows = set.entries.map { ($0.rule.rule, $0.source) } + set.disabled.map { ($0.entry.rule.rule, "disabled in parity.yaml: \($0.reason)") }
            let width = rows.map(\.0.id.count).max() ?? 0
            let titles = rows.map(\.0.title.count).max() ?? 0
            for (rule, source) in rows {
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                context.out("\(id)  \(severity)  \(rule.title.padding(toLength: titles, withPad: " ", startingAt: 0))  \(source)\n")
            }
            return .passed
        })

    static let policyExplain = CommandSpec(
        name: "explain", abstract: "Show one rule's rationale and fix.",
        positionals: [PositionalSpec(name: "RULE-ID", arity: .one, help: "the rule's id")],
        run: { arguments, context in
            let set = try loadPolicies(context)
            let entries = set.entries + set.disabled.map(\.entry)
            let rules = entries.map(\.rule.rule)
            let id = arguments.positionals[0]
            guard let entry = entries.first(where: { $0.rule.rule.id == id }) else {
                let hint = Suggestion.closest(to: id, in: rules.map(\.id)).map { "; did you mean '\($0)'?" } ?? "; see 'parity policy list'"
                throw CommandFailure.diagnostics([.error(.policyUnknownRule, "no policy has a rule '\(id)'\(hint)", at: nil)])
            }
            let rule = entry.rule.rule
            var text = "\(rule.id): \(rule.title)\n\n"
            text += "  severity:  \(rule.severity.rawValue)\n"
            text += "  applies:   \(rule.targetDescription)\(rule.tiers.map { " in \($0.sorted().joined(separator: ", ")) environments" } ?? "")\n"
            text += "  source:    \(entry.source)\n"
            if entry.origin == .builtIn, let location = rule.location { text += "  defined:   \(location)\n" }
            if let disabled = set.disabled.first(where: { $0.entry.rule.rule.id == id }) { text += "  disabled:  \(disabled.reason)\n" }
            if let when = rule.when { text += "  when:      \(when.source)\n" }
            text += "  asserts:   \(rule.assert.source)\n"
            if let rationale = rule.rationale { text += "\nWhy:\n  \(rationale)\n" }
            if let fix = rule.fix { text += "\nFix:\n  \(fix)\n" }
            context.out(text)
            return .passed
        })
}

extension PolicyRule {
    var targetDescription: String {
        switch target {
        case .environment: "each environment"
        case .pair: "each pair of reference and mirror"
        case .items(let path): "each of \(path)"
        }
    }
}
