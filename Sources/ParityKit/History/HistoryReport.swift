public import ParityDiagnostics

/// What `parity history` found: the parity of every commit that touched the environment
/// repository, when each open gap appeared, and the gaps that closed.
public struct HistoryReport: Sendable {
    /// A pair as `production -> staging`.
    public struct Pair: Sendable, Hashable, Comparable {
        public var reference: String
        public var mirror: String

        public init(reference: String, mirror: String) {
            self.reference = reference
            self.mirror = mirror
        }

        public var name: String { "\(reference) -> \(mirror)" }
        public static func < (a: Pair, b: Pair) -> Bool { (a.reference, a.mirror) < (b.reference, b.mirror) }
    }

    /// One commit evaluated.
    public struct Point: Sendable {
        public var commit: GitCommit
        /// The input errors that made the commit impossible to judge; empty when it was judged.
        public var errors: [Diagnostic]
        /// Each pair's score at this commit, and how many gaps failed.
        public var scores: [Pair: Double]
        public var failing: [Pair: Int]
        public var isValid: Bool { errors.isEmpty }
    }

    /// A gap failing at the last commit judged.
    public struct OpenGap: Sendable {
        public var pair: Pair
        public var gap: Gap
        /// The first commit of the run of commits where it has failed without a break.
        public var appeared: GitCommit
        /// Whole days from `appeared` to today.
        public var daysOpen: Int
        /// The commit that wrote the reference's value (its line, as `git blame` tells), when
        /// the reference has one: the change the mirror never followed.
        public var referenceCommit: GitCommit?
    }

    /// A gap that failed for a while and then stopped failing.
    public struct ClosedGap: Sendable {
        public var pair: Pair
        public var path: ModelPath
        public var kind: Gap.Kind
        public var appeared: GitCommit
        public var closed: GitCommit
    }

    /// The commits judged, oldest first.
    public var points: [Point]
    /// How many first-parent commits the range holds, judged or not.
    public var commitsInRange: Int
    /// Every pair seen at any commit, sorted.
    public var pairs: [Pair]
    public var open: [OpenGap]
    public var closed: [ClosedGap]
    /// `YYYY-MM-DD`: what "how long open" counts to.
    public var today: String

    /// The last commit judged.
    public var head: GitCommit? { points.last?.commit }
}
