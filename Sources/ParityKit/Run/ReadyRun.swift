import Foundation
import ParityCEL
public import ParityDiagnostics

/// `parity ready PLAN`: judges one phase of a migration plan on its metrics and
/// reconciliation results, and decides GO, NO-GO (with the rollback) or PAUSE.
public struct ReadyRun {
    public struct Options: Sendable {
        public var plan: String
        /// The phase to judge; the plan's `currentPhase` when nil.
        public var phase: String?
        /// Sources replaced by name: a URL (a Prometheus server) or a file.
        public var sources: [(name: String, value: String)] = []
        /// Seconds since the epoch; by default now, or a saved file's last sample when every
        /// source the phase reads is a file.
        public var at: Double?
        /// The environment repository.
        public var root = "."
        /// Where bearer tokens are read from.
        public var environment: [String: String] = [:]

        public init(plan: String) {
            self.plan = plan
        }
    }

    public let sources: SourceStore

    public init(sources: SourceStore) {
        self.sources = sources
    }

    public func run(_ options: Options) -> Outcome<ReadinessReport> {
        let (report, diagnostics) = evaluate(options)
        guard let report else { return .invalid(diagnostics) }
        return Outcome(report: report, diagnostics: diagnostics, failing: report.verdict != .go)
    }

    private func evaluate(_ options: Options) -> (ReadinessReport?, [Diagnostic]) {
        var (loaded, diagnostics) = PlanLoader.load(options.plan, sources: sources)
        guard var plan = loaded else { return (nil, diagnostics) }
        let (layout, layoutDiagnostics) = RepositoryLayout.load(root: options.root, sources: sources)
        diagnostics += layoutDiagnostics
        let workspace = Workspace(
            root: layout.root, sources: sources, environmentsFolder: layout.spec.environmentsFolder)
        let (rehearsal, references) = PlanLoader.references(of: plan, in: workspace)
        diagnostics += references
        for (name, value) in options.sources {
            guard let index = plan.sources.firstIndex(where: { $0.name == name }) else {
                diagnostics.append(
                    .error(
                        .planUnknownSource,
                        "--source names '\(name)', which is not a source of the plan\(Suggestion.didYouMean(name, in: plan.sources.map(\.name)))",
                        at: nil))
                continue
            }
            plan.sources[index].location =
                value.hasPrefix("http://") || value.hasPrefix("https://") ? .server(value) : .file(value)
            plan.sources[index].written = nil
        }
        guard let phaseName = options.phase ?? plan.currentPhase else {
            diagnostics.append(
                .error(
                    .planUnknownPhase,
                    "name the phase to judge with --phase (\(DocumentHeader.phrase(plan.phases.map(\.name)))), or set currentPhase in the plan",
                    at: .file(options.plan)))
            return (nil, diagnostics)
        }
        guard let phase = plan.phase(named: phaseName) else {
            diagnostics.append(
                .error(
                    .planUnknownPhase,
                    "the plan has no phase '\(phaseName)'\(Suggestion.didYouMean(phaseName, in: plan.phases.map(\.name))); its phases are \(DocumentHeader.phrase(plan.phases.map(\.name)))",
                    at: .file(options.plan)))
            return (nil, diagnostics)
        }
        guard !diagnostics.containsError, let rehearsal else { return (nil, diagnostics) }

        var readers = Readers(plan: plan, environment: options.environment)
        let used = Set(phase.criteria.map(\.sourceName))
        let time =
            options.at ?? readers.defaultTime(for: used, diagnostics: &diagnostics) ?? Date().timeIntervalSince1970
        var results: [CriterionResult] = []
        var failedSources = Set<String>()
        for criterion in phase.criteria where !failedSources.contains(criterion.sourceName) {
            let judge = CriterionJudge(criterion: criterion, baselineName: plan.baseline)
            let rollback = PlanLoader.rollback(criterion.rollback, in: rehearsal.value)
            do throws(Diagnostic) {
                switch criterion.check {
                case .metric(let check):
                    results += try measure(
                        check, judge: judge, plan: plan, rehearsal: rehearsal.value, time: time, rollback: rollback,
                        readers: &readers)
                case .reconciliation(let check):
                    let (status, judgements, note) = judge.reconcile(
                        check, results: try readers.reconciliation(check.source))
                    var result = judge.result(
                        item: nil, source: check.source, status: status, judgements: judgements, rollback: rollback)
                    result.note = note
                    results.append(result)
                }
            } catch {
                diagnostics.append(error)
                failedSources.insert(criterion.sourceName)
            }
        }
        let report = ReadinessReport(
            plan: plan.name, file: options.plan, phase: phase.name, baseline: plan.baseline, rehearsal: plan.rehearsal,
            time: time, criteria: results, diagnostics: diagnostics)
        return (report, diagnostics)
    }

    /// One result per item (or one), each side measured over the same window at the same time.
    private func measure(
        _ check: MetricCheck, judge: CriterionJudge, plan: MigrationPlan, rehearsal: Value, time: Double,
        rollback: RollbackCall?, readers: inout Readers
    ) throws(Diagnostic) -> [CriterionResult] {
        var items: [String?] = [nil]
        if let each = check.each {
            // The plan was checked when it loaded; a problem here is located at the expression.
            switch ItemFilter.compile(each, locator: .plain) {
            case .failure(let problem): throw problem
            case .success(let filter):
                do throws(CELError) {
                    items = try filter.names(in: rehearsal)
                } catch {
                    throw .error(
                        .planInvalidCriterion,
                        "the 'when' filter of '\(judge.criterion.name)' failed on \(plan.rehearsal): \(error.message)",
                        at: each.whenLocation)
                }
            }
        }
        let reader = try readers.metrics(check.source)
        return try items.map { item throws(Diagnostic) -> CriterionResult in
            func fill(_ environment: String) -> String {
                var values = ["environment": environment]
                if let item, let collection = check.each?.collection {
                    values["name"] = item
                    values[collection == "services" ? "service" : "datastore"] = item
                }
                return check.query.fill(values)
            }
            func read(_ query: String) throws(Diagnostic) -> Measurement {
                do throws(MetricReadFailure) {
                    return Measurement(
                        series: try reader.read(query, at: time, window: check.window, step: check.step),
                        aggregate: check.aggregate)
                } catch {
                    throw .error(
                        error.code, "source '\(check.source)': \(error.message)", at: readers.location(of: check.source)
                    )
                }
            }
            var result = judge.result(
                item: item, source: check.source, status: .passed, judgements: [], rollback: rollback)
            result.query = fill(plan.rehearsal)
            result.window = check.window
            let measured = try read(result.query ?? "")
            result.measured = measured
            if check.needsBaseline {
                result.baselineQuery = fill(plan.baseline)
                result.baseline = try read(result.baselineQuery ?? "")
            }
            (result.status, result.judgements, result.note) = judge.judge(
                check, rehearsal: measured, baseline: result.baseline)
            return result
        }
    }
}

extension Criterion {
    /// The source the criterion reads.
    var sourceName: String {
        switch check {
        case .metric(let metric): metric.source
        case .reconciliation(let reconciliation): reconciliation.source
        }
    }
}
