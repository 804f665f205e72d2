import ParityDiagnostics
import ParityKit

extension Commands {
    static let policyTest = CommandSpec(
        name: "test", abstract: "Run the policy tests next to the policies.",
        positionals: [
            PositionalSpec(name: "PATH", arity: .many, help: "test files or folders (default: the policies folder)")
        ],
        options: [RunDateOption.spec],
        run: { arguments, context in
            var options = PolicyTestRun.Options(paths: arguments.positionals)
            options.date = try RunDateOption.date(arguments, context, command: "parity policy test")
            let outcome = PolicyTestRun(sources: context.sources).run(options)
            context.report(outcome.diagnostics)
            if let report = outcome.report { context.out(PolicyTextRenderer().render(report)) }
            return outcome.status
        })

    static let policyList = CommandSpec(
        name: "list", abstract: "List every rule with its severity and title.",
        run: { _, context in
            let outcome = PolicyCatalog.load(sources: context.sources)
            context.report(outcome.diagnostics)
            if let catalog = outcome.report { context.out(PolicyTextRenderer().render(catalog)) }
            return outcome.status
        })

    static let policyExplain = CommandSpec(
        name: "explain", abstract: "Show one rule's rationale and fix.",
        positionals: [PositionalSpec(name: "RULE-ID", arity: .one, help: "the rule's id")],
        run: { arguments, context in
            let outcome = PolicyCatalog.load(sources: context.sources)
            context.report(outcome.diagnostics)
            guard let catalog = outcome.report else { return outcome.status }
            switch catalog.rule(arguments.positionals[0]) {
            case .success(let rule):
                context.out(PolicyTextRenderer().render(rule))
                return outcome.status
            case .failure(let diagnostic):
                context.report([diagnostic])
                return .invalidInput
            }
        })
}
