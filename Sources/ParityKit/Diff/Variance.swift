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
            case .ignore: Kind.ignore.rawValue
            case .fewer: Kind.fewer.rawValue
            case .subset: Kind.subset.rawValue
            case .superset: Kind.superset.rawValue
            case .differ: Kind.differ.rawValue
            case .pattern: Kind.pattern.rawValue
            case .predicate: "cel"
            }
        }

        /// The named rules a variance's `rule:` may give (a CEL predicate is written as `cel:`).
        public enum Kind: String, Sendable, CaseIterable {
            case ignore, fewer, subset, superset, differ, pattern
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
