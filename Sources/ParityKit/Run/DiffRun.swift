import Foundation
import ParityCEL
public import ParityDiagnostics

/// `parity diff REFERENCE MIRROR`: two environments, by name or by file, compared with the
/// variances and waivers the spec gives that pair.
public struct DiffRun {
    public let sources: SourceStore

    public init(sources: SourceStore) {
        self.sources = sources
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
        return Outcome(report: report, diagnostics: diagnostics, failing: !(report?.failingGaps.isEmpty ?? true))
    }

    private func compare(_ options: Options) -> (PairReport?, [Diagnostic]) {
        var (spec, diagnostics) = SpecLoader.load(options.config, root: options.root, sources: sources)
        let workspace = Workspace(root: options.root, sources: sources, environmentsFolder: spec.environmentsFolder)
        let sides = [options.reference, options.mirror].map { argument -> ResolvedEnvironment? in
            let environment: ResolvedEnvironment?
            if FileManager.default.fileExists(atPath: argument) {
                environment = workspace.resolve(workspace.load(path: argument))
            } else if let named = workspace.resolve(named: argument) {
                environment = named
            } else {
                diagnostics.append(workspace.unknownEnvironment(argument))
                return nil
            }
            if let environment { diagnostics += environment.diagnostics }
            return environment.flatMap { $0.diagnostics.containsError ? nil : $0 }
        }
        guard let left = sides[0], let right = sides[1], !diagnostics.containsError else { return (nil, diagnostics) }
        let variances = spec.pairs?.first { $0.reference == left.name && $0.mirror == right.name }?.variances ?? []
        var evaluator = PairEvaluator(variances: variances, waivers: spec.waivers, today: options.today, expressions: CELVarianceExpressions(date: options.date))
        evaluator.warnWithin = spec.schedule.warnWithin
        let report = evaluator.evaluate(reference: (left.name, left.value), mirror: (right.name, right.value), diff: EnvironmentDiff(schema: EnvironmentSchema.root))
        // A waiver that matches nothing here may belong to another pair: only `check`, which
        // sees every pair, can call it stale.
        return (report, diagnostics + report.diagnostics.filter { $0.code != .specStaleWaiver })
    }
}

/// Today's date for waiver expiry: `PARITY_TODAY` when set (tests, reproducible runs), else UTC.
public enum Today {
    public static func string(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let fixed = environment["PARITY_TODAY"], DateText.isValid(fixed) { return fixed }
        // RFC 3339 in UTC begins with the calendar date; the clock cannot be out of range.
        return String((try? CELTimestamp(Date()))?.rfc3339.prefix(10) ?? "1970-01-01")
    }
}
