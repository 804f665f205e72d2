import ParityDiagnostics
import ParityKit

extension Commands {
    /// The policies folder parity.yaml names (or policies/).
    static func policiesFolder(_ context: CommandContext) throws -> String {
        let (spec, diagnostics) = SpecLoader.load(nil, root: ".", sources: context.sources)
        if diagnostics.containsError { throw CommandFailure.diagnostics(diagnostics) }
        return spec.policiesFolder
    }

    /// The repository's policies, compiled; any problem with them is invalid input.
    static func loadPolicies(_ context: CommandContext) throws -> [CompiledRule] {
        let loaded = PolicyLoader().load(files: PolicyLoader.policyFiles(in: try policiesFolder(context)), sources: context.sources)
        if loaded.diagnostics.containsError { throw CommandFailure.diagnostics(loaded.diagnostics) }
        context.report(loaded.diagnostics)
        return loaded.rules
    }

    static let policyTest = CommandSpec(
        name: "test", abstract: "Run the policy tests next to the policies.",
        positionals: [PositionalSpec(name: "PATH", arity: .many, help: "test files or folders (default: policies/)")],
        options: [RunDateOption.spec],
        run: { arguments, context in
            let date = try RunDateOption.date(arguments, context, command: "parity policy test")
            let rules = try loadPolicies(context)
            let paths = arguments.positionals.isEmpty ? [try policiesFolder(context)] : arguments.positionals
            let report = PolicyTestRunner(rules: rules, date: date).run(files: PolicyTestRunner.testFiles(in: paths), sources: context.sources)
            context.report(report.diagnostics)
            if report.diagnostics.containsError { return .invalidInput }
            for outcome in report.outcomes where !outcome.passed {
                let place = outcome.location.map { "\($0): " } ?? ""
                context.out("\(place)FAIL \(outcome.testCase): \(outcome.ruleID)\n    expected: \(outcome.expected)\n    got:      \(outcome.got)\n")
            }
            let passed = report.outcomes.count - report.failed
            context.out("\(passed) passed, \(report.failed) failed\n")
            if !report.untested.isEmpty, arguments.positionals.isEmpty {
                context.out("rules without tests: \(report.untested.joined(separator: ", "))\n")
            }
            return report.failed == 0 ? RunStatus.passed : .findings
        })

    static let policyList = CommandSpec(
        name: "list", abstract: "List every rule with its severity and title.",
        run: { _, context in
            let rules = try loadPolicies(context)
            let width = rules.map(\.rule.id.count).max() ?? 0
            for rule in rules.map(\.rule) {
                let pad = String(repeating: " ", count: width - rule.id.count)
                context.out("\(rule.id)\(pad)  \(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.title)\n")
            }
            return .passed
        })

    static let policyExplain = CommandSpec(
        name: "explain", abstract: "Show one rule's rationale and fix.",
        positionals: [PositionalSpec(name: "RULE-ID", arity: .one, help: "the rule's id")],
        run: { arguments, context in
            let rules = try loadPolicies(context).map(\.rule)
            let id = arguments.positionals[0]
            guard let rule = rules.first(where: { $0.id == id }) else {
                let hint = Suggestion.closest(to: id, in: rules.map(\.id)).map { "; did you mean '\($0)'?" } ?? "; see 'parity policy list'"
                throw CommandFailure.diagnostics([.error(.policyUnknownRule, "no policy has a rule '\(id)'\(hint)", at: nil)])
            }
            var text = "\(rule.id): \(rule.title)\n\n"
            text += "  severity:  \(rule.severity.rawValue)\n"
            text += "  applies:   \(rule.targetDescription)\(rule.tiers.map { " in \($0.sorted().joined(separator: ", ")) environments" } ?? "")\n"
            if let location = rule.location { text += "  defined:   \(location)\n" }
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
