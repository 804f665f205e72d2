import ParityDiagnostics
import ParityKit

/// `parity lint [FILE...]`: every problem of the files, or of the whole repository.
enum LintCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        var linter = Linter(sources: context.sources)
        linter.date = try RunDateOption.date(arguments, context, command: "parity lint")
        let diagnostics = arguments.positionals.isEmpty
            ? linter.lintRepository(at: ".")
            : linter.lint(paths: arguments.positionals)
        context.report(diagnostics)
        return RunStatus(diagnostics: diagnostics, failing: false)
    }
}
