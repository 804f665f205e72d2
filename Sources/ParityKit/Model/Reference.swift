/// Where the names a field refers to are declared: named lists or sets of the same document.
public struct Reference: Sendable {
    /// The collections declaring the names (`services`, `networks[*].segments`).
    public var targets: [ModelPath]
    /// What the names are, for messages: "service, datastore or external".
    public var noun: String
    /// Words that are valid without a declaration (`internet` for a network rule).
    public var builtins: [String]

    public init(_ targets: [String], noun: String, builtins: [String] = []) {
        // The schema is written by hand: every target is a valid path literal.
        self.targets = targets.map { ModelPath(parsing: $0)! }
        self.noun = noun
        self.builtins = builtins
    }
}
