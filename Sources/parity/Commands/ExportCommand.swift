import ParityKit

extension Commands {
    static let export = CommandSpec(
        name: "export",
        abstract: "Print the resolved model as JSON; with --raw, each YAML document as a line of JSON.",
        positionals: [PositionalSpec(name: "ENV|FILE", arity: .many, help: "environment names or files")],
        options: [.flag("raw", help: "plain YAML to JSON Lines, one line per document, no model")],
        run: { arguments, context in
            let run = ExportRun(sources: context.sources)
            guard arguments.flag("raw") else {
                let outcome = run.run(ExportRun.Options(environments: arguments.positionals))
                context.report(outcome.diagnostics)
                if let report = outcome.report { context.out(report.json.pretty) }
                return outcome.status
            }
            guard !arguments.positionals.isEmpty else {
                throw UsageError(
                    "--raw needs at least one FILE", commandPath: "parity export", usage: "parity export --raw FILE...")
            }
            let outcome = run.raw(files: arguments.positionals) { context.out(bytes: $0) }
            context.report(outcome.diagnostics)
            return outcome.status
        }
    )
}
