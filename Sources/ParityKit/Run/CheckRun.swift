import Foundation
public import ParityDiagnostics

/// `parity check`: validate every file, diff every pair, run every policy, apply waivers
/// and the baseline, and decide the gate. Input errors in one file do not stop the others.
public struct CheckRun {
    public struct Options: Sendable {
        public var root = "."
        public var config: String?
        public var failOn: GateDecision.Level?
        /// The process environment, for the bearer tokens of readiness sources.
        public var environment: [String: String] = [:]
        public var baseline: String?
        /// Only this pair is compared (`--pair`); the others are left out, not judged.
        public var pair: HistoryReport.Pair?
        /// Only these policy rules run (`--rule`); none: every rule.
        public var rules: [String] = []
        /// These policy rules do not run (`--skip-rule`).
        public var skipRules: [String] = []
        /// Whether the report keeps each environment's dependency graph (the HTML report draws
        /// them); cycles are checked either way.
        public var graphs = false
        /// The run's date: `now` and `today` in expressions, and waiver expiry.
        public var date: RunDate
        /// The run's day, `YYYY-MM-DD`.
        public var today: String { date.day }

        public init(date: RunDate) {
            self.date = date
        }

        /// A run on `today` (`YYYY-MM-DD`; not a date: the clock's day).
        public init(today: String) {
            self.date = RunDate(day: today) ?? .current()
        }
    }

    public let sources: SourceStore
    /// Where the repository's files are read: the disk, or a commit (`parity history`).
    public let fileSystem: any FileSystem

    public init(sources: SourceStore, fileSystem: any FileSystem = DiskFileSystem()) {
        self.sources = sources.maskingSecrets()
        self.fileSystem = fileSystem
    }

    public func run(_ options: Options) -> Outcome<CheckReport> {
        // The models a check builds are freed on another core while its report is written.
        let leftovers = Leftovers()
        let report = check(options, keeping: leftovers)
        Leftovers.freeInBackground(leftovers)
        return Outcome(report: report, diagnostics: report.diagnostics, failing: !report.gate.passed)
    }

    private func check(_ options: Options, keeping leftovers: Leftovers) -> CheckReport {
        var (layout, diagnostics) = RepositoryLayout.load(
            root: options.root, config: options.config, sources: sources, fileSystem: fileSystem)
        let spec = layout.spec
        let specFailed = diagnostics.containsError
        if layout.specNamed, diagnostics.containsError {
            // A spec that was asked for and cannot be read: judging with the defaults instead
            // would answer a question nobody asked.
            return unjudged(spec, diagnostics, options)
        }
        let workspace = Workspace(root: layout.root, sources: sources, environmentsFolder: spec.environmentsFolder,
                                  loader: EnvironmentLoader(fileSystem: fileSystem))
        diagnostics += workspace.diagnostics

        // Every environment, resolved; one with errors is reported and left out of the rest.
        var resolved: [String: ResolvedEnvironment] = [:]
        for environment in workspace.resolve(workspace.environments) {
            // The spec's identities apply to the resolved environment: two items alike by them cannot be matched.
            let duplicates =
                environment.diagnostics.containsError ? [] : spec.identities.duplicates(in: environment.value)
            diagnostics += environment.diagnostics + duplicates
            if !environment.diagnostics.containsError, !duplicates.containsError {
                resolved[environment.name] = environment
            }
        }

        let policies = PolicySet.load(layout: layout, sources: sources)
        diagnostics += policies.diagnostics

        // A gate run in the wrong folder must not pass for want of anything to check.
        if let problem = layout.environmentsProblem(workspace) { diagnostics.append(problem) }
        var allPairs: [RepositoryLayout.PairSpec] = []
        if !specFailed {
            let found = layout.pairs(workspace: workspace, environments: resolved.mapValues(\.value))
            allPairs = found.0
            diagnostics += found.1
        }
        let pairs = allPairs.filter { pair in
            options.pair.map { $0.reference == pair.reference && $0.mirror == pair.mirror } ?? true
        }
        if let wanted = options.pair, pairs.isEmpty, !specFailed {
            let known = allPairs.map { "\($0.reference):\($0.mirror)" }
            diagnostics.append(
                .error(
                    .checkUnknownPair,
                    "--pair \(wanted.reference):\(wanted.mirror) is not a pair of this repository"
                        + (known.isEmpty ? "" : "; the pairs are \(known.joined(separator: ", "))"), at: nil))
            return unjudged(spec, diagnostics, options)
        }
        if pairs.isEmpty, !workspace.environments.isEmpty, !diagnostics.containsError {
            diagnostics.append(
                .warning(
                    .checkNoPairs,
                    "no pairs to compare: no staging environment mirrors a production one; name the pairs in parity.yaml",
                    at: spec.file.map { SourceLocation.file($0) }))
        }
        let expressions = CELVarianceExpressions(date: options.date)
        var diff = EnvironmentDiff(schema: EnvironmentSchema.root)
        diff.identities = spec.identities
        var skippedPairs: [(reference: String, mirror: String)] = []
        // Pairs left out by --pair were not looked at: their waivers are not judged.
        let unjudgedPairs = allPairs.filter { pair in
            !pairs.contains { $0.reference == pair.reference && $0.mirror == pair.mirror }
        }
        .map { (reference: $0.reference, mirror: $0.mirror) }
        var evaluators: [(PairEvaluator, reference: ResolvedEnvironment, mirror: ResolvedEnvironment)] = []
        for pair in pairs {
            guard let reference = resolved[pair.reference], let mirror = resolved[pair.mirror] else {
                skippedPairs.append((pair.reference, pair.mirror))
                continue
            }
            var evaluator = PairEvaluator(
                variances: pair.variances, waivers: spec.waivers, today: options.today, expressions: expressions)
            evaluator.warnWithin = spec.schedule.warnWithin
            evaluators.append((evaluator, reference, mirror))
        }

        let subjects = workspace.environmentNames.compactMap { name in
            resolved[name].map {
                PolicySubject(name: $0.name, tier: $0.value["metadata"]?["tier"]?.string, value: $0.value)
            }
        }
        let subjectPairs = pairs.compactMap { pair -> (reference: PolicySubject, mirror: PolicySubject)? in
            guard let reference = subjects.first(where: { $0.name == pair.reference }),
                let mirror = subjects.first(where: { $0.name == pair.mirror })
            else { return nil }
            return (reference, mirror)
        }
        var ruleDiagnostics: [Diagnostic] = []
        let (rules, notRun) = selectRules(policies.rules, options, diagnostics: &ruleDiagnostics)
        let unknownRule = ruleDiagnostics.contains { $0.code == .checkUnknownRule }
        var engine = PolicyEngine(
            rules: unknownRule ? [] : rules, schema: EnvironmentSchema.root, date: options.date,
            schedule: spec.schedule)
        engine.identities = spec.identities
        let policySubjects = PolicyEngine.Subjects(environments: subjects, pairs: subjectPairs, engine: engine)
        leftovers.keep(resolved)
        leftovers.keep(policySubjects)
        leftovers.keep(workspace)

        // The pairs' diffs and the rules have no order between them until waivers and the
        // baseline: they run on every core, the diffs (the largest pieces) first, and are
        // read back in order, as if one had followed the other.
        // Every checked environment's dependency graph, its cycles judged as the gate says:
        // one more piece, after the pairs and before the rules.
        let graphed = workspace.environmentNames.compactMap { name in resolved[name].map { (name, $0.value) } }
        let results = Parallel.map(evaluators.count + 1 + engine.rules.count) {
            [evaluators, engine, diff, graphed] index -> CheckPiece in
            if index < evaluators.count {
                let (evaluator, reference, mirror) = evaluators[index]
                return .pair(
                    evaluator.evaluate(
                        reference: (reference.name, reference.value), mirror: (mirror.name, mirror.value), diff: diff))
            }
            if index == evaluators.count {
                return .graphs(GraphCheck(environments: graphed, policy: spec.gate.cycles, drawing: options.graphs))
            }
            return .findings(engine.evaluate(rule: index - evaluators.count - 1, on: policySubjects))
        }
        var reports: [PairReport] = []
        var findings: [Finding] = []
        var graphs = GraphCheck(environments: [], policy: spec.gate.cycles, drawing: options.graphs)
        for result in results {
            switch result {
            case .pair(let report):
                diagnostics += report.diagnostics
                reports.append(report)
            case .graphs(let checked): graphs = checked
            case .findings(let found): findings += found
            }
        }
        diagnostics += staleGapWaivers(spec.waivers, reports: reports, skipped: skippedPairs + unjudgedPairs)
        diagnostics += ruleDiagnostics
        if unknownRule { return unjudged(spec, diagnostics, options) }
        let unchecked = workspace.environmentNames.filter { resolved[$0] == nil }
        diagnostics += FindingWaivers.apply(
            spec.waivers, to: &findings, today: options.today, ruleIDs: policies.knownIDs,
            warnWithin: spec.schedule.warnWithin, unchecked: Set(unchecked), notRun: notRun)
        let notChecked = NotChecked.notes(
            environments: unchecked, workspace: workspace, pairs: skippedPairs, ruleCount: rules.count,
            specFile: specFailed ? layout.specFile ?? EnvironmentLoader.join(layout.root, "parity.yaml") : nil)

        if let path = options.baseline {
            do {
                let baseline = try Baseline.load(path, sources: sources)
                diagnostics += baseline.apply(to: &findings, pairs: &reports)
            } catch {
                diagnostics += error.diagnostics
            }
        }

        // The migration phases the gate judges, as `parity ready` judges them.
        var readiness: [ReadinessReport] = []
        for entry in spec.gate.readiness {
            var ready = ReadyRun.Options(plan: EnvironmentLoader.join(layout.root, entry.plan))
            ready.phase = entry.phase
            ready.root = layout.root
            ready.environment = options.environment
            ready.sources = entry.sources.map { source in
                let remote = source.value.hasPrefix("http://") || source.value.hasPrefix("https://")
                return (source.name, remote ? source.value : EnvironmentLoader.join(layout.root, source.value))
            }
            let outcome = ReadyRun(sources: sources).run(ready)
            diagnostics += outcome.diagnostics
            if let report = outcome.report { readiness.append(report) }
        }

        diagnostics += graphs.diagnostics

        let failOn = options.failOn ?? spec.gate.failOn
        let gate = GateDecision.decide(
            gate: spec.gate, failOn: failOn, pairs: reports, findings: findings, diagnostics: diagnostics,
            readiness: readiness, cycles: graphs.cycles)
        var seen = Set<String>()
        let unique = diagnostics.filter { seen.insert($0.description + $0.notes.map(\.message).joined()).inserted }
        var report = CheckReport(
            spec: spec, diagnostics: unique.sortedByLocation() + notChecked, environments: workspace.environmentNames,
            pairs: reports,
            findings: findings, ruleCount: rules.count, gate: gate, failOn: failOn)
        report.rules = rules.map(\.rule)
        report.tiers = subjects.reduce(into: [:]) { tiers, subject in tiers[subject.name] = subject.tier }
        report.sources = sources
        report.unchecked = unchecked
        report.readiness = readiness
        report.graphs = graphs.graphs
        return report
    }

    /// A report of nothing judged: the question asked (a spec named, a pair, a rule) cannot be answered.
    private func unjudged(_ spec: ParitySpec, _ diagnostics: [Diagnostic], _ options: Options) -> CheckReport {
        CheckReport(
            spec: spec, diagnostics: diagnostics, environments: [], pairs: [], findings: [], ruleCount: 0,
            gate: GateDecision(passed: false, reasons: []), failOn: options.failOn ?? .error)
    }

    /// The rules `--rule` and `--skip-rule` leave to run, and the ids of those left out; an
    /// id that names no rule is an error with the closest one.
    private func selectRules(_ all: [CompiledRule], _ options: Options, diagnostics: inout [Diagnostic]) -> (
        [CompiledRule], Set<String>
    ) {
        let ids = all.map(\.rule.id)
        for (option, id) in options.rules.map({ ("--rule", $0) }) + options.skipRules.map({ ("--skip-rule", $0) })
        where !ids.contains(id) {
            diagnostics.append(
                .error(
                    .checkUnknownRule,
                    "\(option) \(id) names no policy rule"
                        + (Suggestion.closest(to: id, in: ids).map { "; did you mean '\($0)'?" }
                            ?? "; 'parity policy list' lists them"),
                    at: nil))
        }
        let kept = all.filter {
            (options.rules.isEmpty || options.rules.contains($0.rule.id)) && !options.skipRules.contains($0.rule.id)
        }
        return (kept, Set(ids).subtracting(kept.map(\.rule.id)))
    }

    /// Gap waivers that matched no gap in any pair they are for (one without a pair is for
    /// every pair); one for a pair that is not compared says so.
    /// A waiver for a pair that was not compared (an environment had errors) is not judged.
    private func staleGapWaivers(
        _ waivers: [Waiver], reports: [PairReport], skipped: [(reference: String, mirror: String)]
    ) -> [Diagnostic] {
        // Sets, so thousands of unmatched waivers are not looked up in a list each.
        let unmatched = reports.map { Set($0.unmatchedWaivers) }
        return waivers.enumerated().compactMap { position, waiver in
            guard case .gap(let pattern) = waiver.subject else { return nil }
            if skipped.contains(where: { waiver.applies(reference: $0.reference, mirror: $0.mirror) }) { return nil }
            let pairs = reports.indices.filter {
                waiver.applies(reference: reports[$0].reference, mirror: reports[$0].mirror)
            }
            // A pair that could not be compared (a misspelt environment, say) may be the one meant.
            if pairs.isEmpty, waiver.reference != nil || waiver.mirror != nil, !skipped.isEmpty { return nil }
            if pairs.isEmpty, waiver.reference != nil || waiver.mirror != nil {
                let compared = reports.map { "\($0.reference):\($0.mirror)" }
                return .warning(
                    .specStaleWaiver,
                    "waiver for '\(pattern)' is for \(waiver.scope), which is not a compared pair"
                        + (compared.isEmpty ? "" : " (pairs: \(compared.joined(separator: ", ")))")
                        + "; fix its pair or remove it", at: waiver.location)
            }
            let used = pairs.contains { !unmatched[$0].contains(position) }
            return used
                ? nil
                : .warning(
                    .specStaleWaiver,
                    "waiver for '\(pattern)' matches no gap in \(waiver.scope == "every pair" ? "any pair" : waiver.scope); remove it",
                    at: waiver.location)
        }
    }
}

extension Diagnostic.Code {
    /// `parity check` found no environments at all.
    public static let checkNothingToCheck: Self = "check.nothing-to-check"
    /// No pair of environments to compare.
    public static let checkNoPairs: Self = "check.no-pairs"
    /// `--pair` names no pair of the repository.
    public static let checkUnknownPair: Self = "check.unknown-pair"
    /// `--rule` or `--skip-rule` names no policy rule.
    public static let checkUnknownRule: Self = "check.unknown-rule"
    /// No policy file where policies should be.
    public static let checkNoPolicies: Self = "check.no-policies"
}

/// What one piece of a check's parallel work gives: a pair's report, the environments'
/// graphs, or one rule's findings.
private enum CheckPiece: Sendable {
    case pair(PairReport)
    case graphs(GraphCheck)
    case findings([Finding])
}
