import ParityDiagnostics
import ParityKit

/// `parity check`: the CI gate.
enum CheckCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        var options = CheckRun.Options(today: Today.string(environment: context.environment))
        options.config = arguments.value("config")
        options.baseline = arguments.value("baseline")
        options.failOn = arguments.choice("fail-on", as: GateDecision.Level.self)
        let outcome = CheckRun(sources: context.sources).run(options)
        context.report(outcome.diagnostics)
        guard let result = outcome.report else { return outcome.status }

        var wroteBaseline = false
        if let path = arguments.value("write-baseline") {
            switch result.baseline(for: path) {
            case .success(let baseline):
                try AtomicFile.write(baseline.rendered, to: path)
                context.err(baseline.summary(writtenTo: path))
                wroteBaseline = true
            case .failure(let diagnostic): context.report([diagnostic])
            }
        }
        let format = arguments.value("format") ?? "text"
        let text: String
        switch format {
        case "json": text = CheckJSONRenderer().render(result)
        case "text": text = CheckTextRenderer(style: TextStyle(enabled: arguments.value("output") == nil && context.colourOut)).render(result)
        default: throw CommandFailure.unavailable("--format \(format)")
        }
        if let output = arguments.value("output") {
            try AtomicFile.write(text, to: output)
        } else {
            context.out(text)
        }
        // Recording today's findings is what was asked; they are the baseline now.
        return wroteBaseline ? .passed : outcome.status
    }
}
