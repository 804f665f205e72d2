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
    /// What a waiver accepts.
    public enum Subject: Sendable {
        /// Gaps at a path (wildcards allowed) or below it.
        case gap(ModelPath)
        /// Findings of a policy rule: on one item (and below it), or on every item.
        case rule(String, item: ModelPath?)
    }

    public var subject: Subject
    /// For a rule waiver: the one environment it applies in, or nil for every one.
    public var environment: String?
    /// For a gap waiver: the pair it is for (`pair: production:staging` names both sides,
    /// `mirror: staging` every pair with that mirror); nil for every pair.
    public var reference: String?
    public var mirror: String?
    public var reason: String
    public var owner: String
    public var ticket: String?
    /// `YYYY-MM-DD`; the waiver stops waiving after this day.
    public var expires: String
    public var location: SourceLocation?

    public init(_ subject: Subject, reason: String, owner: String, ticket: String?, expires: String, location: SourceLocation?) {
        self.subject = subject
        self.reason = reason
        self.owner = owner
        self.ticket = ticket
        self.expires = expires
        self.location = location
    }

    /// What the waiver names, as messages quote it: `services[search]`, `rule encryption.at-rest on datastores[x]`.
    public var target: String {
        switch subject {
        case .gap(let path): "\(path)"
        case .rule(let id, let item?): "rule \(id) on \(item)"
        case .rule(let id, nil): "rule \(id)"
        }
    }

    /// Whether the waiver is for the pair `reference` -> `mirror`.
    public func applies(reference: String, mirror: String) -> Bool {
        (self.reference.map { $0 == reference } ?? true) && (self.mirror.map { $0 == mirror } ?? true)
    }

    /// The pairs the waiver is for, as messages say it: `production -> staging`, `every pair`.
    public var scope: String {
        switch (reference, mirror) {
        case (let reference?, let mirror?): "\(reference) -> \(mirror)"
        case (nil, let mirror?): "every pair mirrored by \(mirror)"
        default: "every pair"
        }
    }

    /// Whether the waiver has expired on `today` (`YYYY-MM-DD`; ISO dates order as text).
    public func isExpired(on today: String) -> Bool { expires < today }
}
