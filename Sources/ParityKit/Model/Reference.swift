/// Where the names a field refers to are declared: named lists or sets of the same document.
public struct Reference: Sendable {
    /// The collections declaring the names (`services`, `networks[*].segments`).
    public var targets: [ModelPath]
    /// What the names are, for messages: "service, datastore or external".
    public var noun: String
    /// Words that are valid without a declaration (`internet` for a network rule).
    public var builtins: [String]
    /// Whether a name in the field is an edge of the dependency graph: not for a field that
    /// permits traffic (a service's ingress and egress) rather than saying who calls whom.
    public var isEdge: Bool

    public init(_ targets: [String], noun: String, builtins: [String] = [], isEdge: Bool = true) {
        // The schema is written by hand: every target is a valid path literal.
        self.targets = targets.map { ModelPath(parsing: $0)! }
        self.noun = noun
        self.builtins = builtins
        self.isEdge = isEdge
    }
}
