import ParityKit

extension Commands {
    static let export = CommandSpec(
        name: "export",
        abstract: "Print the resolved model as JSON; with --raw, each YAML document as a line of JSON.",
        positionals: [PositionalSpec(name: "ENV|FILE", arity: .many, help: "environment names or files")],
        options: [.flag("raw", help: "plain YAML to JSON Lines, one line per document, no model")],
        run: { arguments, context in
            guard arguments.flag("raw") else {
                return try ModelExportCommand.run(arguments, context)
            }
            guard !arguments.positionals.isEmpty else {
                throw UsageError("--raw needs at least one FILE", commandPath: "parity export", usage: "parity export --raw FILE...")
            }
            let diagnostics = RawExport().run(files: arguments.positionals, sources: context.sources) { context.out(bytes: $0) }
            context.report(diagnostics)
            return diagnostics.isEmpty ? RunStatus.passed : .invalidInput
        }
    )
}
