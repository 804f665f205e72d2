import Foundation

/// Judges one criterion on its evidence: the measurements of both environments, or the
/// reconciliation results. Pure: the run fetches, the judge decides.
struct CriterionJudge {
    var criterion: Criterion
    var baselineName: String

    /// A result with the criterion's fixed parts filled in.
    func result(
        item: String?, source: String, status: CriterionResult.Status, judgements: [JudgementResult],
        rollback: RollbackCall?
    ) -> CriterionResult {
        CriterionResult(
            name: criterion.name, description: criterion.description, role: criterion.role, item: item, source: source,
            query: nil, baselineQuery: nil, window: nil, measured: nil, baseline: nil, judgements: judgements,
            status: status,
            noData: criterion.noData, minSamples: criterion.minSamples, note: nil, rollback: rollback,
            location: criterion.location)
    }

    /// Why a measurement is not enough to judge on, if it is not.
    func shortfall(_ measurement: Measurement, side: String?) -> String? {
        let prefix = side.map { "\($0): " } ?? ""
        if measurement.series == 0 { return "\(prefix)no series for the query" }
        if measurement.samples == 0, measurement.nanSamples > 0 {
            return "\(prefix)every sample is NaN (\(measurement.nanSamples))"
        }
        if measurement.samples < criterion.minSamples {
            return
                "\(prefix)\(measurement.samples) sample\(measurement.samples == 1 ? "" : "s"), fewer than the \(criterion.minSamples) needed"
        }
        return nil
    }

    /// The judgements of a metric criterion, both sides measured (the baseline only when compared).
    func judge(_ check: MetricCheck, rehearsal: Measurement, baseline: Measurement?) -> (
        CriterionResult.Status, [JudgementResult], String?
    ) {
        var shortfalls = [shortfall(rehearsal, side: check.needsBaseline ? "rehearsal" : nil)]
        if check.needsBaseline, let baseline {
            shortfalls.append(shortfall(baseline, side: "baseline (\(baselineName))"))
        }
        let missing = shortfalls.compactMap { $0 }
        guard missing.isEmpty, let value = rehearsal.value else {
            return (.noData, [], missing.joined(separator: "; "))
        }
        var judgements: [JudgementResult] = []
        let display = { (number: Double) in check.absolute?.display(number) ?? SampleValue.text(number) }
        if let bound = check.absolute {
            let margin = bound.margin(for: value)
            judgements.append(
                JudgementResult(
                    kind: .absolute, passed: bound.holds(for: value), threshold: bound.text,
                    observed: bound.display(value),
                    margin: margin.isNaN
                        ? nil : (margin >= 0 ? "\(bound.display(margin)) inside" : "\(bound.display(-margin)) beyond"),
                    statistic: nil, subject: nil))
        }
        if let bound = check.relative, let reference = baseline?.value {
            judgements.append(relative(bound, value: value, reference: reference, display: display))
        }
        if let bound = check.statistical, let baseline {
            judgements.append(statistical(bound, rehearsal: rehearsal.values, baseline: baseline.values))
        }
        return (judgements.allSatisfy(\.passed) ? .passed : .failed, judgements, nil)
    }

    private func relative(_ bound: RelativeBound, value: Double, reference: Double, display: (Double) -> String)
        -> JudgementResult
    {
        let change: Double
        if reference == 0 {
            change = value == 0 ? 0 : (value > 0 ? .infinity : -.infinity)
        } else {
            change = (value - reference) / abs(reference)
        }
        let headroom: Double
        switch bound.failsOn {
        case .increase: headroom = bound.tolerance - change
        case .decrease: headroom = bound.tolerance + change
        case .either: headroom = bound.tolerance - abs(change)
        }
        let failing = [
            "increase": "an increase fails", "decrease": "a decrease fails", "either": "a change either way fails",
        ][bound.failsOn.rawValue]! // every case listed
        let changeText = change.isInfinite ? (change > 0 ? "up from 0" : "down from 0") : Self.signedPercent(change)
        return JudgementResult(
            kind: .relative, passed: headroom >= 0 || headroom.isNaN && change == 0,
            threshold: "within \(bound.toleranceText) of \(baselineName) (\(failing))",
            observed: "\(changeText) (\(display(value)) against \(baselineName)'s \(display(reference)))",
            margin: headroom.isFinite ? "\(Self.points(abs(headroom))) \(headroom >= 0 ? "inside" : "beyond")" : nil,
            statistic: nil, subject: nil)
    }

    private func statistical(_ bound: StatisticalBound, rehearsal: [Double], baseline: [Double]) -> JudgementResult {
        let alternative: MannWhitney.Alternative =
            switch bound.failsOn {
            case .increase: .greater
            case .decrease: .less
            case .either: .twoSided
            }
        let test = MannWhitney(rehearsal, baseline, alternative: alternative)
        let large: Bool =
            switch bound.failsOn {
            case .increase: test.effect >= bound.minEffect
            case .decrease: test.effect <= -bound.minEffect
            case .either: abs(test.effect) >= bound.minEffect
            }
        let direction = ["increase": "higher", "decrease": "lower", "either": "shifted"][bound.failsOn.rawValue]! // every case listed
        let method = test.exact ? "exact" : "normal approximation"
        return JudgementResult(
            kind: .statistical, passed: !(test.pValue < bound.alpha && large),
            threshold:
                "not \(direction) than \(baselineName) (Mann-Whitney U, fails when p < \(SampleValue.text(bound.alpha)) and |delta| >= \(SampleValue.text(bound.minEffect)))",
            observed: "Cliff's delta \(String(format: "%+.2f", test.effect)), p = \(Self.probability(test.pValue))",
            margin: nil,
            statistic:
                "U = \(SampleValue.text(test.u)), n = \(rehearsal.count) rehearsal and \(baseline.count) baseline samples, \(alternative.rawValue), \(method)",
            subject: nil)
    }

    /// The judgement of each table a reconciliation requires.
    func reconcile(_ check: ReconciliationCheck, results: ReconciliationResults) -> (
        CriterionResult.Status, [JudgementResult], String?
    ) {
        guard !results.rows.isEmpty else { return (.noData, [], "the results file has no rows") }
        var bound: [String] = []
        if let text = check.toleranceText { bound.append("within \(text) of the source") }
        if let maximum = check.maxDifference { bound.append("|difference| <= \(SampleValue.text(maximum))") }
        let threshold = bound.isEmpty ? "source and target equal" : bound.joined(separator: " and ")
        let judgements = check.tables.map { table -> JudgementResult in
            func judged(_ passed: Bool, _ observed: String, margin: String? = nil) -> JudgementResult {
                JudgementResult(
                    kind: .reconciliation, passed: passed, threshold: threshold, observed: observed, margin: margin,
                    statistic: nil, subject: table)
            }
            guard let row = results.rows.first(where: { $0.table == table }) else {
                return judged(false, "missing from the results")
            }
            let values = [("source", row.source), ("target", row.target), ("difference", row.difference)]
            if let nan = values.first(where: { $0.1?.isNaN ?? false }) { return judged(false, "\(nan.0) is NaN") }
            guard let difference = row.difference ?? row.source.flatMap({ source in row.target.map { $0 - source } })
            else {
                return judged(false, "no difference, and no source and target values to compute it")
            }
            var observed = [
                row.source.map { "source \(SampleValue.text($0))" },
                row.target.map { "target \(SampleValue.text($0))" },
                "difference \(SampleValue.text(difference))",
            ].compactMap { $0 }.joined(separator: ", ")
            if let status = row.status { observed += ", status \(status)" }
            if let status = row.status, !Self.passingStatuses.contains(status.lowercased()) {
                return judged(false, observed)
            }
            var passed = true
            if let maximum = check.maxDifference { passed = passed && abs(difference) <= maximum }
            if let tolerance = check.tolerance {
                let share =
                    row.source.map { $0 == 0 ? (difference == 0 ? 0 : .infinity) : abs(difference) / abs($0) }
                    ?? .infinity
                passed = passed && share <= tolerance
            }
            if check.maxDifference == nil, check.tolerance == nil { passed = difference == 0 }
            return judged(passed, observed)
        }
        return (judgements.allSatisfy(\.passed) ? .passed : .failed, judgements, nil)
    }

    /// Status words data-validation tools write for a table that reconciled.
    static let passingStatuses: Set<String> = [
        "pass", "passed", "ok", "match", "matched", "success", "succeeded", "valid",
    ]

    /// `+4.1%`.
    static func signedPercent(_ share: Double) -> String {
        String(format: "%+.1f%%", share * 100)
    }

    /// `5.9 points`: the distance between two percentages.
    static func points(_ share: Double) -> String {
        String(format: "%.1f points", share * 100)
    }

    /// `0.0032`, `< 0.0001`.
    static func probability(_ p: Double) -> String {
        p < 0.0001 ? "< 0.0001" : String(format: "%.4f", p)
    }
}
