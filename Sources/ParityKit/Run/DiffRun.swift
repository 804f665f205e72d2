import Foundation
import ParityCEL
public import ParityDiagnostics

/// `parity diff REFERENCE MIRROR`: two environments, by name or by file, compared with the
/// variances and waivers the spec gives that pair.
public struct DiffRun {
    public let sources: SourceStore

    public init(sources: SourceStore) {
        self.sources = sources.maskingSecrets()
    }

    public struct Options: Sendable {
        /// The environment mirrored and the one that should mirror it: names or files.
        public var reference: String
        public var mirror: String
        public var root = "."
        public var config: String?
        /// The run's date: `now` and `today` in expressions, and waiver expiry.
        public var date: RunDate
        /// The run's day, `YYYY-MM-DD`.
        public var today: String { date.day }

        public init(reference: String, mirror: String, date: RunDate) {
            self.reference = reference
            self.mirror = mirror
            self.date = date
        }

        /// A diff on `today` (`YYYY-MM-DD`; not a date: the clock's day).
        public init(reference: String, mirror: String, today: String) {
            self.init(reference: reference, mirror: mirror, date: RunDate(day: today) ?? .current())
        }
    }

    /// The pair's report; failing when a gap fails.
    public func run(_ options: Options) -> Outcome<PairReport> {
        let (report, diagnostics) = compare(options)
        return Outcome(report: report, diagnostics: diagnostics, failing: report?.gaps.contains(where: \.isFailing) ?? false)
    }

    private func compare(_ options: Options) -> (PairReport?, [Diagnostic]) {
        var (layout, diagnostics) = RepositoryLayout.load(root: options.root, config: options.config, sources: sources)
        let spec = layout.spec
        let workspace = Workspace(root: layout.root, sources: sources, environmentsFolder: spec.environmentsFolder)
        let sides = [options.reference, options.mirror].map { argument -> ResolvedEnvironment? in
            guard let environment = workspace.resolve(nameOrPath: argument) else {
                diagnostics += workspace.problems(naming: argument)
                return nil
            }
            diagnostics += environment.diagnostics
            return environment.diagnostics.containsError ? nil : environment
        }
        guard let left = sides[0], let right = sides[1], !diagnostics.containsError else { return (nil, diagnostics) }
        let variances = spec.pairs?.first { $0.reference == left.name && $0.mirror == right.name }?.variances ?? []
        var evaluator = PairEvaluator(
            variances: variances, waivers: spec.waivers, today: options.today,
            expressions: CELVarianceExpressions(date: options.date))
        evaluator.warnWithin = spec.schedule.warnWithin
        var diff = EnvironmentDiff(schema: EnvironmentSchema.root)
        diff.identities = spec.identities
        var report = evaluator.evaluate(
            reference: (left.name, left.value), mirror: (right.name, right.value), diff: diff)
        let graphs = GraphBuilder()
        report.graph = PairGraph(
            reference: graphs.graph(name: left.name, root: left.value),
            mirror: graphs.graph(name: right.name, root: right.value))
        // A waiver that matches nothing here may belong to another pair: only `check`, which
        // sees every pair, can call it stale.
        return (report, diagnostics + report.diagnostics)
    }
}
