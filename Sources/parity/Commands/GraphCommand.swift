import ParityDiagnostics
import ParityKit

extension Commands {
    static let graph = CommandSpec(
        name: "graph",
        abstract: "Print the dependency graph of an environment, or of a pair with the edges the mirror lacks.",
        positionals: [
            PositionalSpec(name: "ENV", arity: .optional, help: "the environment (name or file); omit with --pair")
        ],
        options: [
            .value(
                "format", short: "f", "F", help: "output format (default: dot)", choices: ["dot", "mermaid", "json"]),
            .value(
                "pair", "REF:MIRROR",
                help: "draw two environments side by side, the reference's edges the mirror lacks dashed"),
        ],
        run: GraphCommand.run
    )
}

/// `parity graph`: exit 1 when a pair's mirror lacks an edge, 2 on invalid input.
enum GraphCommand {
    static let usage = "parity graph ENV [--format dot|mermaid|json] | parity graph --pair REF:MIRROR [--format F]"

    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        let subject: GraphRun.Options.Subject
        switch (arguments.positionals.first, arguments.value("pair")) {
        case (let name?, nil):
            subject = .environment(name)
        case (nil, let pair?):
            let sides = pair.split(separator: ":", maxSplits: 1).map(String.init)
            guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else {
                throw UsageError(
                    "--pair takes REF:MIRROR, two environments joined by a colon; found '\(pair)'",
                    commandPath: "parity graph", usage: usage)
            }
            subject = .pair(reference: sides[0], mirror: sides[1])
        case (nil, nil):
            throw UsageError(
                "name an environment, or a pair with --pair REF:MIRROR", commandPath: "parity graph", usage: usage)
        case (_?, _?):
            throw UsageError("give an environment or --pair, not both", commandPath: "parity graph", usage: usage)
        }
        let outcome = GraphRun(sources: context.sources).run(GraphRun.Options(subject: subject))
        context.report(outcome.diagnostics)
        guard let report = outcome.report else { return outcome.status }
        switch (arguments.value("format") ?? "dot", report) {
        case ("json", .environment(let graph)): context.out(GraphJSONRenderer().render(graph))
        case ("json", .pair(let pair)): context.out(GraphJSONRenderer().render(pair))
        case ("mermaid", _):
            let (text, omitted) =
                switch report {
                case .environment(let graph): GraphMermaidRenderer().render(graph)
                case .pair(let pair): GraphMermaidRenderer().render(pair)
                }
            context.out(text)
            if omitted > 0 {
                context.report([
                    .warning(
                        .graphTruncated,
                        "the Mermaid graph leaves out \(omitted) edges to stay within Mermaid's limits; use --format dot or json for all of them",
                        at: nil)
                ])
            }
        case (_, .environment(let graph)): context.out(GraphDOTRenderer().render(graph))
        case (_, .pair(let pair)): context.out(GraphDOTRenderer().render(pair))
        }
        return outcome.status
    }
}
