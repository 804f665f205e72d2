public import ParityDiagnostics

/// One difference between a reference environment and its mirror.
public struct Gap: Sendable {
    public enum Kind: String, Sendable, Hashable {
        /// In the reference, not in the mirror.
        case missing
        /// In the mirror, not in the reference.
        case extra
        /// In both, with different values.
        case changed
        /// An allowed variance whose rule the mirror breaks (`differ`, but the values are equal).
        case violated
        /// An edge of the reference's dependency graph that the mirror lacks (`missingEdges` says which).
        case missingEdge = "missing-edge"
    }

    /// What the spec makes of a gap.
    public enum Status: Sendable {
        /// A real parity gap; `explanation` says why, when a variance was tried and failed.
        case failing(explanation: String?)
        /// Matches an allowed variance whose rule holds.
        indirect case allowed(Variance)
        /// Covered by a waiver that has not expired.
        indirect case waived(Waiver)
        /// Known before: in the baseline the run was given.
        case baselined
    }

    public var kind: Kind
    public var path: ModelPath
    public var reference: Value?
    public var mirror: Value?
    /// The value is a secret: both sides render as redacted.
    public var sensitive: Bool
    /// Where the mirror holds (or should hold) the value, and where the reference holds it.
    public var mirrorLocation: SourceLocation?
    public var referenceLocation: SourceLocation?
    public var status: Status = .failing(explanation: nil)
    /// The waiver that waived the gap until it expired, so the report links the two.
    public var expiredWaiver: Waiver? {
        get { expired?.value }
        set { expired = newValue.map(Indirect.init) }
    }
    // Boxed, as the statuses' variances and waivers are: a drifted pair has a hundred
    // thousand gaps, and a waiver inline made each 464 bytes.
    private var expired: Indirect<Waiver>?
    /// The schema of the values, so secrets nested inside a whole missing item stay redacted.
    public var type: SchemaType?
    /// For a `missingEdge` gap: the reference's edges that the mirror lacks.
    public var missingEdges: [DependencyGraph.Edge] = []

    public init(
        _ kind: Kind, at path: ModelPath, reference: Value?, mirror: Value?, sensitive: Bool,
        mirrorLocation: SourceLocation?, referenceLocation: SourceLocation?, type: SchemaType? = nil
    ) {
        self.kind = kind
        self.type = type
        self.path = path
        self.reference = reference
        self.mirror = mirror
        self.sensitive = sensitive
        self.mirrorLocation = mirrorLocation
        self.referenceLocation = referenceLocation
    }

    /// The top-level section the gap is in (`services`, `datastores`, ...).
    public var section: String {
        if case .field(let name)? = path.components.first { return name }
        return "environment"
    }

    public var isBaselined: Bool {
        if case .baselined = status { return true }
        return false
    }

    public var isFailing: Bool {
        if case .failing = status { return true }
        return false
    }
}
