import ParityDiagnostics
import ParityKit

/// `parity export [ENV|FILE...]`: one environment named, its resolved model as one JSON
/// object; several, or none (every environment of the repository), one JSON object keyed
/// by environment name. Secrets are redacted. Always exactly one JSON document.
enum ModelExportCommand {
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        let workspace = Workspace(root: ".", sources: context.sources)
        let (environments, unknown) = workspace.resolve(namesOrPaths: arguments.positionals)
        let diagnostics = unknown + environments.flatMap(\.diagnostics)
        context.report(diagnostics.sortedByLocation())
        guard !diagnostics.containsError else { return .invalidInput }
        let models = environments.map { ($0.name, ModelExport.json($0.value, as: .object(EnvironmentSchema.root))) }
        if arguments.positionals.count == 1, let only = models.first {
            context.out(only.1.pretty)
        } else {
            context.out(JSONValue.object(models).pretty)
        }
        return .passed
    }
}
