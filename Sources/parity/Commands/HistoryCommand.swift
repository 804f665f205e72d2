import ParityDiagnostics
import ParityKit

/// `parity history`: when each gap appeared, from the git history.
enum HistoryCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        var options = HistoryRun.Options(date: try RunDateOption.date(arguments, context, command: "parity history"))
        options.since = arguments.value("since")
        if let pair = arguments.value("pair") {
            let sides = pair.split(separator: ":", maxSplits: 1).map(String.init)
            guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else {
                throw UsageError("--pair takes REFERENCE:MIRROR (production:staging), not '\(pair)'", commandPath: "parity history")
            }
            options.pair = HistoryReport.Pair(reference: sides[0], mirror: sides[1])
        }
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
