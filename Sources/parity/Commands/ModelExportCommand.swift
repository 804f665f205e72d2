import ParityDiagnostics
import ParityKit

/// `parity export [ENV|FILE...]`: each resolved environment as JSON, one document after
/// another, secrets redacted; every environment of the repository when none is named.
enum ModelExportCommand {
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let workspace = Workspace(root: ".", sources: context.sources)
        var resolved: [ResolvedEnvironment] = []
        var failures: [Diagnostic] = []
        if arguments.positionals.isEmpty {
            resolved = workspace.environmentNames.compactMap(workspace.resolve(named:))
            failures += workspace.diagnostics
        }
        for word in arguments.positionals {
            if let environment = workspace.resolve(named: word) {
                resolved.append(environment)
            } else if FileSystem.exists(word) {
                resolved.append(workspace.resolve(workspace.load(path: word)))
            } else {
                failures.append(workspace.unknownEnvironment(word))
            }
        }
        let diagnostics = failures + resolved.flatMap(\.diagnostics)
        context.report(diagnostics.sortedByLocation())
        guard !diagnostics.containsError else { return ExitStatus.invalidInput }
        for environment in resolved {
            context.out(ModelExport.json(environment.value, as: .object(EnvironmentSchema.root)).pretty)
        }
        return ExitStatus.success
    }
}
