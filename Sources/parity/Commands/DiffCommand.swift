import ParityKit

/// `parity diff REFERENCE MIRROR`: exit 1 when gaps remain, 0 when none, 2 on invalid input.
enum DiffCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        let options = DiffRun.Options(
            reference: arguments.positionals[0], mirror: arguments.positionals[1],
            date: try RunDateOption.date(arguments, context, command: "parity diff"))
        ColorOption.apply(arguments, context)
        let outcome = DiffRun(sources: context.sources).run(options)
        context.keepUntilExit(outcome)
        context.report(outcome.diagnostics)
        guard let report = outcome.report else { return outcome.status }
        switch arguments.value("format") {
        case "json": context.out(DiffJSONRenderer().render(report))
        case "html":
            context.out(
                HTMLRenderer(linkBase: arguments.value("link-base")).render(report, diagnostics: outcome.diagnostics))
        default:
            context.out(
                DiffTextRenderer(style: TextStyle(enabled: context.colourOut), options: TextOptions.parse(arguments))
                    .render(report))
        }
        return outcome.status
    }
}
