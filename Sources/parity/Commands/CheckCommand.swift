import Foundation
import ParityDiagnostics
import ParityKit

/// `parity check`: the CI gate.
enum CheckCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        var options = CheckRun.Options(date: try RunDateOption.date(arguments, context, command: "parity check"))
        options.config = arguments.value("config")
        options.baseline = arguments.value("baseline")
        options.failOn = arguments.choice("fail-on", as: GateDecision.Level.self)
        options.pair = try PairOption.parse(arguments, command: "parity check")
        options.rules = arguments.all("rule")
        options.skipRules = arguments.all("skip-rule")
        ColorOption.apply(arguments, context)
        options.environment = context.environment
        let outputs = try arguments.all("output").map { value in
            switch ReportOutput.parse(value) {
            case .success(let output):
                guard !output.path.isEmpty else {
                    throw UsageError(
                        "--output names no file; write --output FILE or FORMAT=FILE", commandPath: "parity check")
                }
                return output
            case .failure(let problem):
                throw UsageError(
                    problem.message, commandPath: "parity check", usage: Commands.check.usage(path: "parity check"))
            }
        }
        // The parser checked the value against the formats. The HTML report draws each pair's
        // graph; the other formats need only the cycles.
        let format = arguments.choice("format", as: ReportFormat.self) ?? .text
        options.graphs = format == .html || outputs.contains { $0.format == .html }
        let outcome = CheckRun(sources: context.sources).run(options)
        context.keepUntilExit(outcome)
        context.report(outcome.diagnostics)
        guard let result = outcome.report else { return outcome.status }
        let written = outputs.map(\.path) + (arguments.value("write-baseline").map { [$0] } ?? [])
        if let input = OutputCollision.input(
            among: written, read: context.sources, except: options.baseline.map { [$0] } ?? [])
        {
            throw UsageError(
                "'\(input)' is a file this run reads; write the report elsewhere", commandPath: "parity check")
        }

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
        let summary = context.environment["GITHUB_STEP_SUMMARY"].flatMap { $0.isEmpty ? nil : $0 }
        var render = ReportFormat.Options(
            base: ReportItem.repositoryRoot(containing: FileManager.default.currentDirectoryPath))
        render.writesStepSummary = summary != nil
        render.linkBase = arguments.value("link-base")
        render.text = TextOptions.parse(arguments)
        for output in outputs {
            try AtomicFile.write((output.format ?? format).render(result, render), to: output.path)
        }
        // A bare --output FILE takes the --format report; otherwise it goes to stdout.
        if !outputs.contains(where: { $0.format == nil }) {
            render.colour = format == .text && context.colourOut
            context.out(format.render(result, render))
        }
        if let summary, format == .github || outputs.contains(where: { $0.format == .github }) {
            try StepSummary.append(ReportFormat.markdown.render(result, render), to: summary)
        }
        // Recording today's findings is what was asked; they are the baseline now.
        return wroteBaseline ? .passed : outcome.status
    }
}
