public import ParityDiagnostics

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

    public init(
        _ subject: Subject, reason: String, owner: String, ticket: String?, expires: String, location: SourceLocation?
    ) {
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
