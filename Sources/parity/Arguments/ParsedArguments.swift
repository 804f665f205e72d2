/// What the parser made of a command line: option values by long name, and positionals.
struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    /// The last value given for `option`, if any.
    func value(_ option: String) -> String? { values[option]?.last }

    /// Every value given for a repeatable `option`, in order.
    func all(_ option: String) -> [String] { values[option] ?? [] }

    func flag(_ option: String) -> Bool { flags.contains(option) }

    /// The value of an option declared with `OptionSpec.choice(of:)`, as its type; the parser
    /// has already refused any value outside the type's cases.
    func choice<T: RawRepresentable & CaseIterable>(_ option: String, as type: T.Type) -> T?
    where T.RawValue == String {
        value(option).flatMap(T.init(rawValue:))
    }
}
