import ParityKit

/// `parity eval EXPR`: prints the value as JSON (default) or as a CEL literal.
enum EvalCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        if arguments.value("env") != nil, arguments.value("input") != nil {
            throw UsageError("--env and --input bind different things; give one", commandPath: "parity eval")
        }
        for variable in arguments.all("var") where !variable.contains("=") || variable.hasPrefix("=") {
            throw UsageError("--var takes NAME=CEL, found '\(variable)'", commandPath: "parity eval", usage: "parity eval EXPR --var NAME=CEL")
        }
        var options = EvalRun.Options(expression: arguments.positionals[0])
        options.environment = arguments.value("env")
        options.input = arguments.value("input")
        options.variables = arguments.all("var")
        switch EvalRun(sources: context.sources).run(options) {
        case .success(let value):
            context.out((arguments.value("format") == "cel" ? value.celLiteral : value.json) + "\n")
            return ExitStatus.success
        case .failure(let list):
            context.report(list.diagnostics)
            return ExitStatus.invalidInput
        }
    }
}
