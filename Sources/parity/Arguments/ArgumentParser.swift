import ParityDiagnostics

/// Parses the arguments of one command against its spec.
///
/// Accepts `--name value`, `--name=value`, `-n value`, `-nvalue`, bundled short flags
/// (`-ab`), and `--` to end the options; a lone `-` is a positional (standard input).
struct ArgumentParser {
    let command: CommandSpec
    let path: String

    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                guard let option = command.options.first(where: { $0.long == name }) else {
                    let hint =
                        Suggestion.closest(to: name, in: command.options.map(\.long)).map {
                            "; did you mean '--\($0)'?"
                        } ?? ""
                    throw error("unknown option '--\(name)'\(hint)")
                }
                if option.takesValue {
                    let value: String
                    if let inline {
                        value = inline
                    } else {
                        guard index < arguments.count else {
                            throw error("option '--\(name)' needs a value (\(option.valueName!))")
                        } // takesValue
                        value = arguments[index]
                        index += 1
                    }
                    try record(value, for: option, in: &result)
                } else {
                    guard inline == nil else { throw error("option '--\(name)' takes no value") }
                    result.flags.insert(option.long)
                }
                continue
            }
            // Short options, possibly bundled.
            var letters = Substring(argument.dropFirst())
            while let letter = letters.first {
                letters = letters.dropFirst()
                guard let option = command.options.first(where: { $0.short == letter }) else {
                    throw error("unknown option '-\(letter)'")
                }
                if option.takesValue {
                    var value = String(letters.hasPrefix("=") ? letters.dropFirst() : letters)
                    if value.isEmpty {
                        guard index < arguments.count else {
                            throw error("option '-\(letter)' needs a value (\(option.valueName!))")
                        } // takesValue
                        value = arguments[index]
                        index += 1
                    }
                    try record(value, for: option, in: &result)
                    letters = ""
                } else {
                    result.flags.insert(option.long)
                }
            }
        }
        try checkPositionals(result.positionals)
        return result
    }

    private func record(_ value: String, for option: OptionSpec, in result: inout ParsedArguments) throws(UsageError) {
        if !option.choices.isEmpty, !option.choices.contains(value) {
            let hint = Suggestion.closest(to: value, in: option.choices).map { "; did you mean '\($0)'?" }
                ?? "; choose one of \(option.choices.joined(separator: ", "))"
            throw error("'\(value)' is not a valid value for '--\(option.long)'\(hint)")
        }
        if !option.repeatable, result.values[option.long] != nil {
            throw error("option '--\(option.long)' is given more than once")
        }
        result.values[option.long, default: []].append(value)
    }

    private func checkPositionals(_ positionals: [String]) throws(UsageError) {
        let required = command.positionals.filter { $0.arity == .one }
        let takesMany = command.positionals.contains { $0.arity == .many }
        let maximum = takesMany ? Int.max : command.positionals.count
        if positionals.count < required.count {
            let missing = required[positionals.count...].map(\.name).joined(separator: " ")
            throw error("missing \(missing)")
        }
        if positionals.count > maximum {
            throw error("unexpected argument '\(positionals[maximum])'")
        }
    }

    private func error(_ message: String) -> UsageError {
        UsageError(message, commandPath: path, usage: command.usage(path: path))
    }
}
