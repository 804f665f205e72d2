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

    /// Whether the waiver has expired on `today` (`YYYY-MM-DD`; ISO dates order as text).
    public func isExpired(on today: String) -> Bool { expires < today }
}
