import ParityKit

/// `parity lint [FILE...]`: every problem of the files, or of the whole repository.
enum LintCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        let outcome = LintRun(sources: context.sources).run(LintRun.Options(paths: arguments.positionals))
        context.report(outcome.diagnostics)
        return outcome.status
    }
}
