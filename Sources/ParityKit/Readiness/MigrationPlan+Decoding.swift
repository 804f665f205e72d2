import Foundation
public import ParityDiagnostics

extension MigrationPlan {
    /// The plan a decoded `MigrationPlan` value describes, and the problems the schema cannot
    /// see (a bound that does not parse, an unknown source or placeholder, a success criterion
    /// with no rollback). Nil when the value is too broken to judge anything.
    public static func from(_ value: Value, file: String, locator: ExpressionLocator = .plain) -> (
        MigrationPlan?, [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        let folder = (file as NSString).deletingLastPathComponent
        let sources = (value["sources"]?.list ?? []).compactMap {
            source(from: $0, folder: folder, diagnostics: &diagnostics)
        }
        var phases: [PlanPhase] = []
        for phase in value["phases"]?.list ?? [] {
            guard let name = phase.name else { continue }
            var criteria: [Criterion] = []
            for role in Criterion.Role.allCases {
                for written in phase[role.rawValue]?.list ?? [] {
                    if let criterion = criterion(
                        from: written, role: role, sources: sources, locator: locator, diagnostics: &diagnostics)
                    {
                        criteria.append(criterion)
                    }
                }
            }
            phases.append(PlanPhase(name: name, criteria: criteria))
        }
        if let current = value["currentPhase"], let name = current.string, !phases.contains(where: { $0.name == name })
        {
            diagnostics.append(
                .error(
                    .planUnknownPhase,
                    "currentPhase '\(name)' is not a phase of the plan\(Suggestion.didYouMean(name, in: phases.map(\.name)))",
                    at: current.location))
        }
        guard let name = value["metadata"]?["name"]?.string, let baseline = value["baseline"]?.string,
            let rehearsal = value["rehearsal"]?.string
        else {
            return (nil, diagnostics)
        }
        if baseline == rehearsal {
            diagnostics.append(
                .error(
                    .planInvalidCriterion,
                    "the rehearsal '\(rehearsal)' cannot be its own baseline; name two environments",
                    at: value["rehearsal"]?.location))
        }
        let plan = MigrationPlan(
            name: name, owner: value["metadata"]?["owner"]?.string, file: file, baseline: baseline,
            rehearsal: rehearsal,
            baselineLocation: value["baseline"]?.location, rehearsalLocation: value["rehearsal"]?.location,
            currentPhase: value["currentPhase"]?.string, sources: sources, phases: phases)
        return (plan, diagnostics)
    }

    private static func source(from value: Value, folder: String, diagnostics: inout [Diagnostic]) -> PlanSource? {
        guard let name = value.name else { return nil }
        let location: PlanSource.Location
        switch (value["url"]?.string, value["file"]?.string) {
        case (let url?, nil):
            guard url.hasPrefix("http://") || url.hasPrefix("https://"), URL(string: url) != nil else {
                diagnostics.append(
                    .error(
                        .planInvalidSource, "'\(url)' is not an http or https URL; write it as http://prometheus:9090",
                        at: value["url"]?.location))
                return nil
            }
            location = .server(url)
        case (nil, let file?):
            location = .file(file.hasPrefix("/") || folder.isEmpty ? file : EnvironmentLoader.join(folder, file))
        default:
            diagnostics.append(
                .error(
                    .planInvalidSource,
                    "source '\(name)' needs exactly one of 'url' (a Prometheus server) and 'file' (saved samples)",
                    at: value.location))
            return nil
        }
        return PlanSource(
            name: name, location: location, format: value["format"]?.string.flatMap(MetricFileFormat.init(rawValue:)),
            bearerTokenEnv: value["bearerTokenEnv"]?.string,
            timeout: Double(value["timeout"]?.string.flatMap(DurationText.seconds) ?? 10),
            retries: value["retries"]?.int ?? 2, written: value.location)
    }

    private static func criterion(
        from value: Value, role: Criterion.Role, sources: [PlanSource], locator: ExpressionLocator,
        diagnostics: inout [Diagnostic]
    ) -> Criterion? {
        guard let name = value.name else { return nil }
        let before = diagnostics.count
        func fail(_ code: Diagnostic.Code, _ message: String, at place: Value?) {
            diagnostics.append(.error(code, message, at: place?.location ?? value.location))
        }
        let check: Criterion.Check?
        switch (value["query"], value["reconciliation"]) {
        case (let query?, nil):
            check = metric(value, query: query, name: name, sources: sources, locator: locator, fail: fail).map {
                .metric($0)
            }
        case (nil, let reconciliation?):
            for field in ["for", "when", "window", "step", "aggregate", "absolute", "relative", "statistical"]
            where value[field] != nil {
                fail(
                    .planInvalidCriterion, "'\(field)' applies to a query; criterion '\(name)' reconciles data",
                    at: value[field])
            }
            check = self.reconciliation(reconciliation, sources: sources, fail: fail).map { .reconciliation($0) }
        case (nil, nil):
            fail(
                .planInvalidCriterion, "criterion '\(name)' needs a 'query' (a PromQL template) or a 'reconciliation'",
                at: nil)
            check = nil
        case (_?, _?):
            fail(
                .planInvalidCriterion, "criterion '\(name)' has both a 'query' and a 'reconciliation'; split it in two",
                at: nil)
            check = nil
        }
        if role == .success, value["rollback"] == nil {
            fail(
                .planMissingRollback,
                "success criterion '\(name)' names no rollback; say which procedure of the environment's 'rollback' its failure invokes",
                at: nil)
        }
        guard let check, diagnostics.count == before else { return nil }
        return Criterion(
            name: name, description: value["description"]?.string, role: role, check: check,
            noData: value["noData"]?.string.flatMap(Criterion.NoData.init(rawValue:)) ?? .pause,
            minSamples: value["minSamples"]?.int ?? 1,
            rollback: value["rollback"]?.string, rollbackLocation: value["rollback"]?.location, location: value.location
        )
    }

    private static func metric(
        _ value: Value, query: Value, name: String, sources: [PlanSource], locator: ExpressionLocator,
        fail: (Diagnostic.Code, String, Value?) -> Void
    ) -> MetricCheck? {
        guard let text = query.string else { return nil }
        let collection = value["for"]?.string
        let template = QueryTemplate(text)
        if let problem = template.problem(allowed: QueryTemplate.allowed(for: collection)) {
            fail(.planUnknownPlaceholder, "in the query of '\(name)': \(problem.message)", query)
        }
        var each: PlanItems?
        if let collection {
            each = PlanItems(collection: collection, when: value["when"]?.string, whenLocation: value["when"]?.location)
            if let items = each, case .failure(let problem) = ItemFilter.compile(items, locator: locator) {
                fail(problem.code, problem.message, Value(.null, at: problem.location))
            }
        } else if value["when"] != nil {
            fail(
                .planInvalidCriterion, "'when' filters the items of 'for'; add 'for: services' or remove it",
                value["when"])
        }
        let source = self.source(named: value["source"], sources: sources, files: false, criterion: name, fail: fail)
        var absolute: Threshold?
        if let written = value["absolute"], let text = written.string {
            absolute = Threshold(text)
            if absolute == nil {
                fail(
                    .planInvalidThreshold, "'\(text)' is not a bound; write it as '< 300ms', '<= 0.1%' or '>= 99.9%'",
                    written)
            }
        }
        var relative: RelativeBound?
        if let written = value["relative"], let text = written["tolerance"]?.string {
            if let tolerance = Threshold.percentage(text) {
                relative = RelativeBound(
                    tolerance: tolerance, toleranceText: text, failsOn: failing(written["failsOn"]))
            } else {
                fail(
                    .planInvalidThreshold, "tolerance '\(text)' is not a percentage; write it as '10%'",
                    written["tolerance"])
            }
        }
        var statistical: StatisticalBound?
        if let written = value["statistical"] {
            statistical = StatisticalBound(
                alpha: written["alpha"]?.double ?? 0.05, minEffect: written["minEffect"]?.double ?? 0.33,
                failsOn: failing(written["failsOn"]))
            if absolute == nil, relative == nil {
                fail(
                    .planInvalidCriterion,
                    "criterion '\(name)' is judged statistically alone; a shift in the median misses tails and sparse errors, so add an 'absolute' or 'relative' bound",
                    written)
            }
        }
        if absolute == nil, relative == nil, statistical == nil, value["absolute"] == nil, value["relative"] == nil {
            fail(
                .planInvalidCriterion,
                "criterion '\(name)' has a query but no judgement; add 'absolute', 'relative' or 'statistical'", nil)
        }
        let window = value["window"]?.string.flatMap(DurationText.seconds)
        if value["statistical"] != nil, window == nil {
            fail(
                .planInvalidCriterion,
                "a statistical judgement compares samples over a window; add 'window' to '\(name)'",
                value["statistical"])
        }
        let step = value["step"]?.string.flatMap(DurationText.seconds) ?? 60
        if step <= 0 { fail(.planInvalidCriterion, "the step must be at least one second", value["step"]) }
        guard let source else { return nil }
        return MetricCheck(
            source: source, query: template, each: each, window: window, step: max(step, 1),
            aggregate: value["aggregate"]?.string.flatMap(MetricAggregate.init(rawValue:)) ?? .mean,
            absolute: absolute, relative: relative, statistical: statistical)
    }

    private static func reconciliation(
        _ value: Value, sources: [PlanSource], fail: (Diagnostic.Code, String, Value?) -> Void
    ) -> ReconciliationCheck? {
        let text = value["tolerance"]?.string
        let tolerance = text.flatMap(Threshold.percentage)
        if let text, tolerance == nil {
            fail(
                .planInvalidThreshold, "tolerance '\(text)' is not a percentage; write it as '0.01%'",
                value["tolerance"])
        }
        guard
            let source = source(
                named: value["source"], sources: sources, files: true, criterion: "reconciliation", fail: fail)
        else { return nil }
        return ReconciliationCheck(
            source: source, tables: (value["tables"]?.list ?? []).compactMap(\.string), tolerance: tolerance,
            toleranceText: text, maxDifference: value["maxDifference"]?.double)
    }

    /// The source a criterion names, or the plan's only one of the kind it needs.
    private static func source(
        named written: Value?, sources: [PlanSource], files reconciliation: Bool, criterion: String,
        fail: (Diagnostic.Code, String, Value?) -> Void
    ) -> String? {
        let fitting = sources.filter { $0.isReconciliation == reconciliation }
        guard let written, let name = written.string else {
            if fitting.count == 1 { return fitting[0].name }
            let sort = reconciliation ? "reconciliation results file" : "metric source"
            fail(
                .planUnknownSource,
                "criterion '\(criterion)' names no source and the plan has \(fitting.count) of the \(sort) sort; add 'source: NAME'",
                nil)
            return nil
        }
        guard let source = sources.first(where: { $0.name == name }) else {
            fail(
                .planUnknownSource,
                "no source '\(name)' in the plan\(Suggestion.didYouMean(name, in: sources.map(\.name)))", written)
            return nil
        }
        if reconciliation, !source.isReconciliation {
            fail(
                .planUnknownSource,
                "source '\(name)' holds metrics, not reconciliation results; name a file with format reconciliation-csv or reconciliation-json",
                written)
            return nil
        }
        if !reconciliation, source.isReconciliation {
            fail(
                .planUnknownSource,
                "source '\(name)' holds reconciliation results; a query needs a Prometheus server or a metrics file",
                written)
            return nil
        }
        return name
    }

    private static func failing(_ value: Value?) -> FailingChange {
        value?.string.flatMap(FailingChange.init(rawValue:)) ?? .increase
    }
}
