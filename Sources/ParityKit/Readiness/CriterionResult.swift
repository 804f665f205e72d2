public import ParityDiagnostics

/// One criterion judged for one item: the evidence, each judgement, and what it means.
public struct CriterionResult: Sendable {
    public enum Status: String, Sendable {
        case passed, failed
        /// No samples, or fewer than the criterion needs; `noData` says what that means.
        case noData = "no-data"
    }

    /// What the result does to the verdict.
    public enum Effect: String, Sendable {
        case none, pause, noGo = "no-go"
    }

    public var name: String
    public var description: String?
    public var role: Criterion.Role
    /// The service or datastore it was judged for, with `for:`.
    public var item: String?
    public var source: String
    /// The query sent for the rehearsal and for the baseline (when compared with it).
    public var query: String?
    public var baselineQuery: String?
    public var window: Int?
    public var measured: Measurement?
    public var baseline: Measurement?
    public var judgements: [JudgementResult]
    public var status: Status
    public var noData: Criterion.NoData
    public var minSamples: Int
    /// Why there is no data, when there is none.
    public var note: String?
    public var rollback: RollbackCall?
    /// Where the criterion is written in the plan.
    public var location: SourceLocation? = nil

    /// The criterion's name with its item: `checkout-p99 [checkout-api]`.
    public var title: String { item.map { "\(name) [\($0)]" } ?? name }

    public var effect: Effect {
        let failed: Bool
        switch status {
        case .passed: return .none
        case .failed: failed = true
        case .noData:
            switch noData {
            case .pass: return .none
            case .pause: return .pause
            case .fail: failed = true
            }
        }
        return failed && role == .success ? .noGo : .pause
    }

    /// Why the criterion decides the verdict, in a line.
    public var reason: String {
        let role = self.role == .success ? "" : "\(self.role.rawValue) criterion "
        switch status {
        case .passed: return "\(role)\(title) passed"
        case .noData:
            let meaning = noData == .fail ? "counts as a failure (noData: fail)" : "pauses (noData: pause)"
            return "\(role)\(title): \(note ?? "no data"); \(meaning)"
        case .failed:
            let failures = judgements.filter { !$0.passed }.map(\.summary).joined(separator: "; ")
            return "\(role)\(title) failed: \(failures)"
        }
    }
}

/// What a query measured for one environment.
public struct Measurement: Sendable {
    /// The samples' aggregate; nil when no sample had a number.
    public var value: Double?
    /// The samples with a number, in time order.
    public var values: [Double]
    public var nanSamples: Int
    public var series: Int

    public init(series: [Series], aggregate: MetricAggregate) {
        let all = series.flatMap(\.samples).sorted { ($0.time ?? 0) < ($1.time ?? 0) }
        values = all.map(\.value).filter { !$0.isNaN }
        nanSamples = all.count - values.count
        self.series = series.count
        value = values.isEmpty ? nil : aggregate.apply(values)
    }

    public var samples: Int { values.count }
}

/// One judgement of a criterion: the bound, what was observed, and the margin.
public struct JudgementResult: Sendable {
    public enum Kind: String, Sendable {
        case absolute, relative, statistical, reconciliation
    }

    public var kind: Kind
    public var passed: Bool
    /// The bound as a reader would say it: `< 300ms`, `within 10% of production (an increase fails)`.
    public var threshold: String
    /// What was measured against it: `212ms`, `+4.1% (production 204ms)`.
    public var observed: String
    /// How far inside the bound (positive) or beyond it (negative), in the bound's terms.
    public var margin: String?
    /// The test's statistics, for a statistical judgement.
    public var statistic: String?
    /// The table, for a reconciliation.
    public var subject: String?

    /// `212ms, bound < 300ms`.
    public var summary: String {
        let what = subject.map { "\($0): " } ?? ""
        return "\(what)\(observed) against \(threshold)"
    }
}
