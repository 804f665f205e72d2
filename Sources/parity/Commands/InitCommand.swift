import ParityKit

/// `parity init`: scaffold an environment repository in the current directory.
enum InitCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        let outcome = InitRun().run(InitRun.Options())
        context.report(outcome.diagnostics)
        if let report = outcome.report, outcome.status == .passed { context.out(InitTextRenderer().render(report)) }
        return outcome.status
    }
}
