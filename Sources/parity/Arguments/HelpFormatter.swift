/// The text of `--help` for the tool and for each command.
enum HelpFormatter {
    static func help(for command: CommandSpec, path: String) -> String {
        var text = "\(command.abstract)\n\nusage: \(command.usage(path: path))\n"
        if !command.subcommands.isEmpty {
            text += "\nsubcommands:\n" + table(command.subcommands.map { ($0.name, $0.abstract) })
        }
        if !command.positionals.isEmpty {
            text += "\narguments:\n" + table(command.positionals.map { ($0.name, $0.help) })
        }
        var options = command.options.map { option -> (String, String) in
            var help = option.help
            if !option.choices.isEmpty { help += " (\(option.choices.joined(separator: ", ")))" }
            if option.repeatable { help += " (repeatable)" }
            return (option.synopsis, help)
        }
        options.append(("-h, --help", "show this help"))
        text += "\noptions:\n" + table(options)
        if !command.discussion.isEmpty { text += "\n\(command.discussion)\n" }
        return text
    }

    static func table(_ rows: [(String, String)]) -> String {
        let width = min(28, (rows.map(\.0.count).max() ?? 0) + 2)
        return rows.map { left, right in
            let pad =
                left.count < width
                ? String(repeating: " ", count: width - left.count) : "\n  " + String(repeating: " ", count: width)
            return "  \(left)\(pad)\(right)\n"
        }.joined()
    }
}
