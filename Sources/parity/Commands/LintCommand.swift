import ParityKit

/// `parity lint [FILE...]`: every problem of the files, or of the whole repository.
enum LintCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        var options = LintRun.Options(paths: arguments.positionals)
        options.date = try RunDateOption.date(arguments, context, command: "parity lint")
        let outcome = LintRun(sources: context.sources).run(options)
        context.report(outcome.diagnostics)
        return outcome.status
    }
}
