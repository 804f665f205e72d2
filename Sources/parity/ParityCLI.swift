import ParityDiagnostics
import ParityKit

/// Runs a command line: picks the command, parses its arguments, and turns every error
/// into a message and an exit status, in this one place.
enum ParityCLI {
    static func run(_ arguments: [String], context: CommandContext) -> Int32 {
        var command = Commands.root
        var path = "parity"
        var rest = arguments[...]
        // Walk down the subcommands.
        while !command.subcommands.isEmpty {
            guard let word = rest.first else {
                context.err(HelpFormatter.help(for: command, path: path))
                return ExitStatus.usage
            }
            if word == "--help" || word == "-h" || word == "help" {
                let target = rest.dropFirst().first.flatMap { name in command.subcommands.first { $0.name == name } }
                if let target {
                    context.out(HelpFormatter.help(for: target, path: "\(path) \(target.name)"))
                } else {
                    context.out(HelpFormatter.help(for: command, path: path))
                }
                return ExitStatus.success
            }
            if word == "--version", path == "parity" {
                context.out("parity \(Parity.version)\n")
                return ExitStatus.success
            }
            guard let next = command.subcommands.first(where: { $0.name == word }) else {
                let names = command.subcommands.map(\.name)
                let hint = Suggestion.closest(to: word, in: names).map { "; did you mean '\($0)'?" } ?? ""
                let kind = word.hasPrefix("-") ? "option" : "command"
                return usageFailure(
                    UsageError("unknown \(kind) '\(word)'\(hint)", commandPath: path, usage: command.usage(path: path)),
                    context)
            }
            command = next
            path += " \(next.name)"
            rest = rest.dropFirst()
        }
        if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
            context.out(HelpFormatter.help(for: command, path: path))
            return ExitStatus.success
        }
        do {
            let parsed = try ArgumentParser(command: command, path: path).parse(Array(rest))
            // Leaf commands always have a `run`; the table is checked by a test.
            return exitCode(try command.run!(parsed, context))
        } catch let error as UsageError {
            return usageFailure(error, context)
        } catch let list as DiagnosticList {
            context.report(list.diagnostics)
            return ExitStatus.invalidInput
        } catch let diagnostic as Diagnostic {
            context.report([diagnostic])
            return ExitStatus.invalidInput
        } catch {
            context.err("parity: error: \(error)\n")
            return ExitStatus.invalidInput
        }
    }

    /// The exit status of every command: 0 success, 1 findings, 2 invalid input, 64 usage.
    static func exitCode(_ status: RunStatus) -> Int32 {
        switch status {
        case .passed: ExitStatus.success
        case .findings: ExitStatus.findings
        case .invalidInput: ExitStatus.invalidInput
        }
    }

    private static func usageFailure(_ error: UsageError, _ context: CommandContext) -> Int32 {
        var text = "\(error.commandPath): error: \(error.message)\n"
        if let usage = error.usage { text += "usage: \(usage)\n" }
        text += "see '\(error.commandPath) --help'\n"
        context.err(text)
        return ExitStatus.usage
    }
}
