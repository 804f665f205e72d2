import ParityKit

/// `parity lint [FILE...]`: every problem of the files, or of the whole repository.
enum LintCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        var options = LintRun.Options(paths: arguments.positionals)
        options.date = try RunDateOption.date(arguments, context, command: "parity lint")
        ColorOption.apply(arguments, context)
        let outcome = LintRun(sources: context.sources).run(options)
        context.keepUntilExit(outcome)
        // The parser checked the value against the formats.
        switch arguments.choice("format", as: LintFormat.self) ?? .text {
        case .text: context.report(outcome.diagnostics)
        case let format: context.out(format.render(outcome.diagnostics))
        }
        return outcome.status
    }
}
