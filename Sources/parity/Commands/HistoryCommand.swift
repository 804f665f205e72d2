import ParityDiagnostics
import ParityKit

/// `parity history`: when each gap appeared, from the git history.
enum HistoryCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        var options = HistoryRun.Options(date: try RunDateOption.date(arguments, context, command: "parity history"))
        options.since = arguments.value("since")
        options.pair = try PairOption.parse(arguments, command: "parity history")
        let outcome = HistoryRun().run(options)
        context.report(outcome.diagnostics)
        guard let report = outcome.report else { return outcome.status }
        switch arguments.value("format") ?? "text" {
        case "json": context.out(HistoryJSONRenderer().render(report))
        case "html": context.out(HistoryHTMLRenderer(linkBase: arguments.value("link-base")).render(report))
        default: context.out(HistoryTextRenderer(style: TextStyle(enabled: context.colourOut)).render(report))
        }
        return outcome.status
    }
}
