import ParityKit

/// `parity eval EXPR`: prints the value as JSON (default) or as a CEL literal.
enum EvalCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        var options = EvalRun.Options(expression: arguments.positionals[0])
        options.environment = arguments.value("env")
        options.input = arguments.value("input")
        options.variables = try arguments.all("var").map { text in
            guard let variable = EvalRun.Variable(parsing: text) else {
                throw UsageError(
                    "--var takes NAME=CEL with NAME a CEL identifier, found '\(text)'",
                    commandPath: "parity eval", usage: "parity eval EXPR --var NAME=CEL")
            }
            return variable
        }
        if let problem = options.usageProblem { throw UsageError(problem, commandPath: "parity eval") }
        options.date = try RunDateOption.date(arguments, context, command: "parity eval")
        let outcome = EvalRun(sources: context.sources).run(options)
        context.report(outcome.diagnostics)
        if let value = outcome.report {
            context.out((arguments.value("format") == "cel" ? value.celLiteral : value.json) + "\n")
        }
        return outcome.status
    }
}
