import ParityDiagnostics
import ParityKit

extension Commands {
    static let importer = CommandSpec(
        name: "import",
        abstract: "Write an Environment from Kubernetes manifests or a docker-compose file.",
        subcommands: ImportRun.Format.allCases.map(importCommand)
    )

    private static func importCommand(_ format: ImportRun.Format) -> CommandSpec {
        let what =
            format == .kubernetes
            ? "Kubernetes manifests (files, or folders of them)" : "docker-compose files (or folders holding one)"
        return CommandSpec(
            name: format.rawValue,
            abstract: "Write an Environment from \(what); every value commented with its source line.",
            positionals: [
                PositionalSpec(
                    name: "FILE|DIR", arity: .many,
                    help: format == .kubernetes
                        ? "the manifests" : "the compose files, merged in order as docker compose -f merges them")
            ],
            options: [
                .value(
                    "output", short: "o", "FILE|DIR",
                    help: "write the environment to FILE, or to DIR as one file per section (default: standard output)"),
                .flag("force", help: "replace output files that exist"),
                .value("name", "NAME", help: "the environment's name (default: the input's folder name)"),
                .value(
                    "tier", "TIER", help: "the environment's tier (default: production)",
                    choices: EnvironmentSchema.tiers),
                .value("owner", "TEAM", help: "the team that owns the environment"),
            ],
            discussion:
                "Keys that are not mapped are reported as warnings at their source line; Secrets are imported by name only.",
            run: { arguments, context in try ImportCommand.run(format, arguments, context) }
        )
    }
}

/// `parity import kubernetes|compose`: exit 0 with warnings for what was not mapped, 2 on
/// unreadable input or an output that exists.
enum ImportCommand {
    static func run(_ format: ImportRun.Format, _ arguments: ParsedArguments, _ context: CommandContext) throws
        -> RunStatus
    {
        guard !arguments.positionals.isEmpty else {
            throw UsageError(
                "name at least one file or folder to import", commandPath: "parity import \(format.rawValue)",
                usage: "parity import \(format.rawValue) FILE|DIR... [--output FILE|DIR]")
        }
        var options = ImportRun.Options(format: format, paths: arguments.positionals)
        options.output = arguments.value("output")
        options.force = arguments.flag("force")
        options.name = arguments.value("name")
        options.owner = arguments.value("owner")
        if let tier = arguments.value("tier") { options.tier = tier }
        let outcome = ImportRun(sources: context.sources).run(options)
        context.report(outcome.diagnostics)
        guard let report = outcome.report else { return outcome.status }
        if options.output == nil { context.out(report.text) }
        return outcome.status
    }
}
