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
        /// `YYYY-MM-DD`, for waiver expiry.
        public var today: String

        public init(reference: String, mirror: String, today: String) {
            self.reference = reference
            self.mirror = mirror
            self.today = today
        }
    }

    /// The pair's report; failing when a gap fails.
    public func run(_ options: Options) -> Outcome<PairReport> {
        let (report, diagnostics) = compare(options)
        return Outcome(report: report, diagnostics: diagnostics, failing: !(report?.failingGaps.isEmpty ?? true))
    }

    private func compare(_ options: Options) -> (PairReport?, [Diagnostic]) {
        var (layout, diagnostics) = RepositoryLayout.load(root: options.root, config: options.config, sources: sources)
        let spec = layout.spec
        let workspace = Workspace(root: layout.root, sources: sources, environmentsFolder: spec.environmentsFolder)
        let sides = [options.reference, options.mirror].map { argument -> ResolvedEnvironment? in
            guard let environment = workspace.resolve(nameOrPath: argument) else {
                diagnostics.append(workspace.unknownEnvironment(argument))
                return nil
            }
            diagnostics += environment.diagnostics
            return environment.diagnostics.containsError ? nil : environment
        }
        guard let left = sides[0], let right = sides[1], !diagnostics.containsError else { return (nil, diagnostics) }
        let variances = spec.pairs?.first { $0.reference == left.name && $0.mirror == right.name }?.variances ?? []
        let evaluator = PairEvaluator(variances: variances, waivers: spec.waivers, today: options.today, expressions: CELVarianceExpressions())
        let report = evaluator.evaluate(reference: (left.name, left.value), mirror: (right.name, right.value), diff: EnvironmentDiff(schema: EnvironmentSchema.root))
        // A waiver that matches nothing here may belong to another pair: only `check`, which
        // sees every pair, can call it stale.
        return (report, diagnostics + report.diagnostics)
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
