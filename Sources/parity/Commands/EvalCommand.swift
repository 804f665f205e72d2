import ParityKit

/// `parity eval EXPR`: prints the value as JSON (default) or as a CEL literal.
enum EvalCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        if arguments.value("env") != nil, arguments.value("input") != nil {
            throw UsageError("--env and --input bind different things; give one", commandPath: "parity eval")
        }
        for variable in arguments.all("var") {
            let name = variable.prefix { $0 != "=" }
            guard variable.contains("="), let first = name.first, first.isLetter || first == "_",
                  name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw UsageError("--var takes NAME=CEL with NAME an identifier, found '\(variable)'", commandPath: "parity eval", usage: "parity eval EXPR --var NAME=CEL")
            }
            if (name == "env" && arguments.value("env") != nil) || (name == "self" && arguments.value("input") != nil) {
                throw UsageError("--var \(name) would hide the \(name) that --\(name == "env" ? "env" : "input") binds; choose another name", commandPath: "parity eval")
            }
        }
        var options = EvalRun.Options(expression: arguments.positionals[0])
        options.environment = arguments.value("env")
        options.input = arguments.value("input")
        options.variables = arguments.all("var")
        options.date = try RunDateOption.date(arguments, context, command: "parity eval")
        switch EvalRun(sources: context.sources).run(options) {
        case .success(let value):
            context.out((arguments.value("format") == "cel" ? value.celLiteral : value.json) + "\n")
            return .passed
        case .failure(let list):
            context.report(list.diagnostics)
            return .invalidInput
        }
    }
}
