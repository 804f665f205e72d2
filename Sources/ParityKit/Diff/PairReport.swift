public import ParityDiagnostics

/// The parity of one pair: every gap with what the spec makes of it, and the score.
public struct PairReport: Sendable {
    public var reference: String
    public var mirror: String
    public var gaps: [Gap]
    /// Per section, the share of compared attributes that match or vary as allowed.
    public var sections: [SectionScore]
    /// Problems with the pair's variances and waivers: expired, unused.
    public var diagnostics: [Diagnostic]
    /// The gap waivers (by index in the evaluator's list) that matched no gap of this pair;
    /// whether that makes one stale is for the caller, which knows every pair.
    public var unmatchedWaivers: [Int] = []
    /// The pair's dependency graphs, where the run drew them (`parity diff`), for the HTML report.
    public var graph: PairGraph?

    public struct SectionScore: Sendable, Hashable {
        public var section: String
        public var attributes: Int
        public var failing: Int
        public var score: Double { attributes == 0 ? 1 : Double(attributes - failing) / Double(attributes) }
    }

    /// The pair's overall score: matching or allowed attributes over all compared.
    public var score: Double {
        let total = sections.reduce(0) { $0 + $1.attributes }
        let failing = sections.reduce(0) { $0 + $1.failing }
        return total == 0 ? 1 : Double(total - failing) / Double(total)
    }

    public var failingGaps: [Gap] { gaps.filter(\.isFailing) }
}

extension Diagnostic.Code {
    /// An allowed variance whose path matches nothing in either environment.
    public static let specUnusedVariance: Self = "spec.unused-variance"
    /// A waiver that matches no gap or finding.
    public static let specStaleWaiver: Self = "spec.stale-waiver"
    /// A waiver past its expiry date.
    public static let specExpiredWaiver: Self = "spec.expired-waiver"
}
