/// One option a command accepts: `--format F`, `-o FILE`, or a flag such as `--raw`.
struct OptionSpec: Sendable {
    var long: String
    var short: Character?
    /// The placeholder for the option's value; nil for a flag.
    var valueName: String?
    var help: String
    var repeatable = false
    /// The values allowed, when the option takes one of a fixed set.
    var choices: [String] = []

    var takesValue: Bool { valueName != nil }

    static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, help: help)
    }

    static func value(
        _ long: String, short: Character? = nil, _ valueName: String, help: String, repeatable: Bool = false,
        choices: [String] = []
    ) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: valueName, help: help, repeatable: repeatable, choices: choices)
    }

    /// An option whose values are the cases of `type`, so the vocabulary is spelled once.
    static func choice<T: RawRepresentable & CaseIterable>(
        _ long: String, short: Character? = nil, _ valueName: String, help: String, of type: T.Type
    ) -> OptionSpec where T.RawValue == String {
        value(long, short: short, valueName, help: help, choices: type.allCases.map(\.rawValue))
    }

    /// `-o, --output FILE`, as help shows it.
    var synopsis: String {
        var text = short.map { "-\($0), " } ?? ""
        text += "--\(long)"
        if let valueName { text += " \(valueName)" }
        return text
    }
}

/// A positional argument: its name in usage lines, and how many it takes.
struct PositionalSpec: Sendable {
    enum Arity: Sendable { case one, optional, many }
    var name: String
    var arity: Arity
    var help: String

    var usage: String {
        switch arity {
        case .one: name
        case .optional: "[\(name)]"
        case .many: "[\(name)...]"
        }
    }
}
