import ParityDiagnostics
import ParityKit

/// `parity check`: the CI gate.
enum CheckCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        var options = CheckRun.Options(today: Today.string(environment: context.environment))
        options.config = arguments.value("config")
        options.baseline = arguments.value("baseline")
        options.failOn = arguments.value("fail-on").flatMap(GateDecision.Level.init(rawValue:))
        let outcome = CheckRun(sources: context.sources).run(options)
        context.report(outcome.diagnostics)
        guard let result = outcome.report else { return outcome.status }

        var wroteBaseline = false
        if let path = arguments.value("write-baseline"), outcome.status == .invalidInput {
            // A baseline of a half-read repository would hide real findings later.
            context.err("parity check: error: not writing the baseline '\(path)': the run has input errors (above)\n")
        } else if let path = arguments.value("write-baseline") {
            let baseline = Baseline.recording(findings: result.findings, pairs: result.pairs)
            try AtomicFile.write(baseline.rendered, to: path)
            context.err("parity check: wrote \(baseline.entries.count) baseline entr\(baseline.entries.count == 1 ? "y" : "ies") (\(baseline.itemCount) findings and gaps) to '\(path)'; check with --baseline \(path) to see only what is new\n")
            wroteBaseline = true
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
