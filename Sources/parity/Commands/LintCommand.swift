import ParityDiagnostics
import ParityKit

/// `parity lint [FILE...]`: every problem of the files, or of the whole repository.
enum LintCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        let linter = Linter(sources: context.sources)
        let diagnostics = arguments.positionals.isEmpty
            ? linter.lintRepository(at: ".")
            : linter.lint(paths: arguments.positionals)
        context.report(diagnostics)
        return RunStatus(diagnostics: diagnostics, failing: false)
    }
}
