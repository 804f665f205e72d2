import ParityDiagnostics
import ParityKit

/// `parity export [ENV|FILE...]`: each resolved environment as JSON, one document after
/// another, secrets redacted; every environment of the repository when none is named.
enum ModelExportCommand {
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let workspace = Workspace(root: ".", sources: context.sources)
        let (environments, unknown) = workspace.resolve(namesOrPaths: arguments.positionals)
        let diagnostics = unknown + environments.flatMap(\.diagnostics)
        context.report(diagnostics.sortedByLocation())
        guard !diagnostics.containsError else { return ExitStatus.invalidInput }
        for environment in environments {
            context.out(ModelExport.json(environment.value, as: .object(EnvironmentSchema.root)).pretty)
        }
        return ExitStatus.success
    }
}
