public import ParityDiagnostics

/// A policy rule's verdict on one item: what failed, where, and what the spec makes of it.
public struct Finding: Sendable {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case info, warning, error

        private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public enum Status: Sendable {
        case active
        indirect case waived(Waiver)
        /// In the baseline: known before, not reported as new.
        case baselined
    }

    /// Where a rule judged: one environment, or a pair of them.
    public typealias Scope = Fingerprint.Scope

    public var ruleID: String
    public var title: String
    public var severity: Severity
    public var message: String
    /// The environment the item is in, or the pair a pair rule judged.
    public var scope: Scope
    /// The scope as text: the environment (`staging`) or the pair (`production -> staging`).
    public var environment: String { scope.description }
    /// The item the rule judged, by path (`datastores[orders-db]`); root for the environment.
    public var item: ModelPath
    /// The item, or the field the assertion is about where that can be told.
    public var location: SourceLocation?
    /// Where the rule is written.
    public var ruleLocation: SourceLocation?
    /// The finding is that the rule could not be evaluated for this item.
    public var isEvaluationError: Bool = false
    public var status: Status = .active
    /// The waiver that waived the finding until it expired, so the report links the two.
    public var expiredWaiver: Waiver? {
        get { expired?.value }
        set { expired = newValue.map(Indirect.init) }
    }
    /// Boxed: a waiver inline would make every finding 160 bytes larger.
    private var expired: Indirect<Waiver>?

    public init(
        ruleID: String, title: String, severity: Severity, message: String, environment: Scope, item: ModelPath,
        location: SourceLocation?, ruleLocation: SourceLocation?
    ) {
        self.ruleID = ruleID
        self.title = title
        self.severity = severity
        self.message = message
        self.scope = environment
        self.item = item
        self.location = location
        self.ruleLocation = ruleLocation
    }

    /// The item by content where it has no name (`permissions[{"actions":["*"],...}]`
    /// rather than `permissions[0]`), so identity does not depend on position.
    public var identity: ModelPath?

    /// Identity that survives unrelated edits (lines or list positions moving): rule,
    /// environment, item.
    public var fingerprint: Fingerprint { Fingerprint(.rule(ruleID), scope, identity ?? item) }

    public var isBaselined: Bool {
        if case .baselined = status { return true }
        return false
    }

    public var isActive: Bool {
        if case .active = status { return true }
        return false
    }
}
