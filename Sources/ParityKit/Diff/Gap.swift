public import ParityDiagnostics

/// One difference between a reference environment and its mirror.
///
/// A gap's fields live in one shared box, copied only when a copy is changed: a drifted pair
/// has up to a million gaps, each sorted, grouped and passed through several stages, and a
/// gap held inline (176 bytes of values, paths and locations) cost ~200 instructions of
/// retains to copy and as many to destroy. Copied as one reference it costs one.
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

    /// The fields. A box is changed only while one gap holds it (`mutable` copies it first
    /// otherwise), so sharing it between threads shares only what nobody writes.
    private final class Fields: @unchecked Sendable {
        var kind: Kind
        var path: ModelPath
        var reference: Value?
        var mirror: Value?
        var sensitive: Bool
        var mirrorLocation: SourceLocation?
        var referenceLocation: SourceLocation?
        var status: Status = .failing(explanation: nil)
        // Boxed, as the statuses' variances and waivers are: a waiver inline made each box 464 bytes.
        var expired: Indirect<Waiver>?
        var type: SchemaType?
        var missingEdges: [DependencyGraph.Edge] = []

        init(
            kind: Kind, path: ModelPath, reference: Value?, mirror: Value?, sensitive: Bool,
            mirrorLocation: SourceLocation?, referenceLocation: SourceLocation?, type: SchemaType?
        ) {
            self.kind = kind
            self.path = path
            self.reference = reference
            self.mirror = mirror
            self.sensitive = sensitive
            self.mirrorLocation = mirrorLocation
            self.referenceLocation = referenceLocation
            self.type = type
        }

        func copy() -> Fields {
            let copy = Fields(
                kind: kind, path: path, reference: reference, mirror: mirror, sensitive: sensitive,
                mirrorLocation: mirrorLocation, referenceLocation: referenceLocation, type: type)
            copy.status = status
            copy.expired = expired
            copy.missingEdges = missingEdges
            return copy
        }
    }

    private var fields: Fields

    /// The box, made this gap's own before it is changed.
    private var mutable: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
            return fields
        }
    }

    public var kind: Kind {
        get { fields.kind }
        set { mutable.kind = newValue }
    }
    public var path: ModelPath {
        get { fields.path }
        set { mutable.path = newValue }
    }
    public var reference: Value? {
        get { fields.reference }
        set { mutable.reference = newValue }
    }
    public var mirror: Value? {
        get { fields.mirror }
        set { mutable.mirror = newValue }
    }
    /// The value is a secret: both sides render as redacted.
    public var sensitive: Bool {
        get { fields.sensitive }
        set { mutable.sensitive = newValue }
    }
    /// Where the mirror holds (or should hold) the value, and where the reference holds it.
    public var mirrorLocation: SourceLocation? {
        get { fields.mirrorLocation }
        set { mutable.mirrorLocation = newValue }
    }
    public var referenceLocation: SourceLocation? {
        get { fields.referenceLocation }
        set { mutable.referenceLocation = newValue }
    }
    public var status: Status {
        get { fields.status }
        set { mutable.status = newValue }
    }
    /// The waiver that waived the gap until it expired, so the report links the two.
    public var expiredWaiver: Waiver? {
        get { fields.expired?.value }
        set { mutable.expired = newValue.map(Indirect.init) }
    }
    /// The schema of the values, so secrets nested inside a whole missing item stay redacted.
    public var type: SchemaType? {
        get { fields.type }
        set { mutable.type = newValue }
    }
    /// For a `missingEdge` gap: the reference's edges that the mirror lacks.
    public var missingEdges: [DependencyGraph.Edge] {
        get { fields.missingEdges }
        set { mutable.missingEdges = newValue }
    }

    public init(
        _ kind: Kind, at path: ModelPath, reference: Value?, mirror: Value?, sensitive: Bool,
        mirrorLocation: SourceLocation?, referenceLocation: SourceLocation?, type: SchemaType? = nil
    ) {
        fields = Fields(
            kind: kind, path: path, reference: reference, mirror: mirror, sensitive: sensitive,
            mirrorLocation: mirrorLocation, referenceLocation: referenceLocation, type: type)
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
