public import ParityDiagnostics

/// A decoded `MigrationPlan`: the environments it compares, its sources and its phases.
public struct MigrationPlan: Sendable {
    public var name: String
    public var owner: String?
    public var file: String
    /// The reference environment (production) and the one the migration is rehearsed on.
    public var baseline: String
    public var rehearsal: String
    public var baselineLocation: SourceLocation?
    public var rehearsalLocation: SourceLocation?
    public var currentPhase: String?
    public var sources: [PlanSource]
    public var phases: [PlanPhase]

    /// The phase called `name`.
    public func phase(named name: String) -> PlanPhase? {
        phases.first { $0.name == name }
    }
}

/// Where a plan's measurements come from.
public struct PlanSource: Sendable {
    public enum Location: Sendable, Equatable {
        case server(String)
        case file(String)
    }

    public var name: String
    public var location: Location
    public var format: MetricFileFormat?
    public var bearerTokenEnv: String?
    /// Seconds one request may take.
    public var timeout: Double
    public var retries: Int
    /// Where the source is written in the plan.
    public var written: SourceLocation?
}

/// A phase of the migration.
public struct PlanPhase: Sendable {
    public var name: String
    public var criteria: [Criterion]
}

/// One thing that must hold in a phase.
public struct Criterion: Sendable {
    /// Which list of the phase it belongs to: what its failure means.
    public enum Role: String, Sendable, CaseIterable {
        /// Must hold before the phase starts; a failure pauses.
        case entry
        /// Must hold for the phase to pass; a failure is a no-go and invokes its rollback.
        case success
        /// Must keep holding; a failure pauses.
        case pause
    }

    /// What no data (or too few samples) means.
    public enum NoData: String, Sendable {
        case fail, pause, pass
    }

    public enum Check: Sendable {
        case metric(MetricCheck)
        case reconciliation(ReconciliationCheck)
    }

    public var name: String
    public var description: String?
    public var role: Role
    public var check: Check
    public var noData: NoData
    public var minSamples: Int
    public var rollback: String?
    public var rollbackLocation: SourceLocation?
    public var location: SourceLocation?
}

/// A criterion judged on a metric query.
public struct MetricCheck: Sendable {
    public var source: String
    public var query: QueryTemplate
    /// The items of the rehearsal's topology it applies to, if any, and its CEL filter.
    public var each: PlanItems?
    /// Seconds; nil for one instant.
    public var window: Int?
    public var step: Int
    public var aggregate: MetricAggregate
    public var absolute: Threshold?
    public var relative: RelativeBound?
    public var statistical: StatisticalBound?

    /// Whether the baseline environment is measured too.
    public var needsBaseline: Bool { relative != nil || statistical != nil }
}

/// The items a criterion applies to: `for: services` and a `when` filter.
public struct PlanItems: Sendable {
    public var collection: String
    public var when: String?
    public var whenLocation: SourceLocation?
}

/// The direction of change that fails a comparison with the baseline.
public enum FailingChange: String, Sendable {
    case increase, decrease, either
}

/// Within a share of the baseline's value.
public struct RelativeBound: Sendable {
    /// A share: 0.1 is 10%.
    public var tolerance: Double
    public var toleranceText: String
    public var failsOn: FailingChange
}

/// A statistical comparison with the baseline's samples.
public struct StatisticalBound: Sendable {
    public var alpha: Double
    public var minEffect: Double
    public var failsOn: FailingChange
}

/// A criterion judged on a data-reconciliation results file.
public struct ReconciliationCheck: Sendable {
    public var source: String
    public var tables: [String]
    /// A share of the source value, when written.
    public var tolerance: Double?
    public var toleranceText: String?
    /// The largest absolute difference, when written. With neither bound, values must match exactly.
    public var maxDifference: Double?
}

/// How samples become one value.
public enum MetricAggregate: String, Sendable, CaseIterable {
    case mean, max, min, last

    /// The aggregate of `values` (not empty, no NaN), which are in time order.
    public func apply(_ values: [Double]) -> Double {
        switch self {
        case .mean: values.reduce(0, +) / Double(values.count)
        case .max: values.max() ?? .nan
        case .min: values.min() ?? .nan
        case .last: values.last ?? .nan
        }
    }
}
