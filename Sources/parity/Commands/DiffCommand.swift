import ParityKit

/// `parity diff REFERENCE MIRROR`: exit 1 when gaps remain, 0 when none, 2 on invalid input.
enum DiffCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let (report, diagnostics) = DiffRun(sources: context.sources).run(
            reference: arguments.positionals[0], mirror: arguments.positionals[1], today: Today.string(environment: context.environment))
        context.report(diagnostics)
        guard let report else { return ExitStatus.invalidInput }
        if arguments.value("format") == "json" {
            context.out(DiffJSONRenderer().render(report))
        } else {
            context.out(DiffTextRenderer(style: TextStyle(enabled: context.colourOut)).render(report))
        }
        if diagnostics.containsError { return ExitStatus.invalidInput }
        return report.failingGaps.isEmpty ? ExitStatus.success : ExitStatus.findings
    }
}
