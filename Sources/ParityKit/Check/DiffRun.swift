import Foundation
public import ParityDiagnostics

/// `parity diff REFERENCE MIRROR`: two environments, by name or by file, compared with the
/// variances and waivers the spec gives that pair.
public struct DiffRun {
    public let sources: SourceStore

    public init(sources: SourceStore) {
        self.sources = sources
    }

    public func run(reference: String, mirror: String, root: String = ".", config: String? = nil, today: String) -> (PairReport?, [Diagnostic]) {
        var (spec, diagnostics) = SpecLoader.load(config, root: root, sources: sources)
        let workspace = Workspace(root: root, sources: sources, environmentsFolder: spec.environmentsFolder)
        let sides = [reference, mirror].map { argument -> ResolvedEnvironment? in
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
        let evaluator = PairEvaluator(variances: variances, waivers: spec.waivers, today: today, expressions: CELVarianceExpressions())
        let report = evaluator.evaluate(reference: (left.name, left.value), mirror: (right.name, right.value), diff: EnvironmentDiff(schema: EnvironmentSchema.root))
        return (report, diagnostics + report.diagnostics)
    }
}

/// Today's date for waiver expiry: `PARITY_TODAY` when set (tests, reproducible runs), else UTC.
public enum Today {
    public static func string(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let fixed = environment["PARITY_TODAY"], DateText.isValid(fixed) { return fixed }
        let seconds = Int64(Date().timeIntervalSince1970)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        // Civil from days (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
