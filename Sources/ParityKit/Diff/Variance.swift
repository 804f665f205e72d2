public import ParityDiagnostics

/// An intentional difference a pair allows, always with a reason.
public struct Variance: Sendable {
    public enum Rule: Sendable {
        /// Any difference is fine.
        case ignore
        /// The mirror has no more than the reference (a number, or a list's items), and at
        /// least `minimum` or `ratio` times the reference when given.
        case fewer(minimum: Double?, ratio: Double?)
        /// The mirror's items are all in the reference.
        case subset
        /// The mirror has every item of the reference.
        case superset
        /// The mirror must not equal the reference (endpoints, credentials).
        case differ
        /// The mirror's value matches a regular expression (RE2 syntax).
        case pattern(String)
        /// A CEL predicate over `reference` and `mirror`.
        case predicate(String)

        /// The rule's name as written in parity.yaml.
        public var name: String {
            switch self {
            case .ignore: "ignore"
            case .fewer: "fewer"
            case .subset: "subset"
            case .superset: "superset"
            case .differ: "differ"
            case .pattern: "pattern"
            case .predicate: "cel"
            }
        }
    }

    public var path: ModelPath
    public var rule: Rule
    public var reason: String
    public var location: SourceLocation?

    public init(path: ModelPath, rule: Rule, reason: String, location: SourceLocation? = nil) {
        self.path = path
        self.rule = rule
        self.reason = reason
        self.location = location
    }
}

/// An accepted gap or finding, owned, ticketed, and expiring.
public struct Waiver: Sendable {
    /// The gap path (wildcards allowed) or, for a policy finding, the rule id.
    public var target: String
    /// For a finding: the item it is about (`services[legacy]`), or nil for every item.
    public var item: ModelPath?
    public var reason: String
    public var owner: String
    public var ticket: String?
    /// `YYYY-MM-DD`; the waiver stops waiving after this day.
    public var expires: String
    public var location: SourceLocation?

    public init(target: String, item: ModelPath? = nil, reason: String, owner: String, ticket: String?, expires: String, location: SourceLocation?) {
        self.target = target
        self.item = item
        self.reason = reason
        self.owner = owner
        self.ticket = ticket
        self.expires = expires
        self.location = location
    }

    /// Whether the waiver has expired on `today` (`YYYY-MM-DD`; ISO dates order as text).
    public func isExpired(on today: String) -> Bool { expires < today }
}
