public import ParityDiagnostics

/// `parity policy test [PATH...]`: the policy tests beside the policies, or those named.
public struct PolicyTestRun {
    public struct Options: Sendable {
        /// Test files or folders; none: every test under the policies folder.
        public var paths: [String] = []
        public var root = "."
        /// The run's date, for cases that do not pin their own `today`.
        public var date = RunDate.current()

        public init(paths: [String] = []) {
            self.paths = paths
        }
    }

    /// Every expectation's verdict, and the rules no test exercises.
    public struct Report: Sendable {
        public var outcomes: [PolicyTestRunner.Outcome]
        /// Rules without tests; listed only when the whole folder ran.
        public var untested: [String]

        public var failed: Int { outcomes.filter { !$0.passed }.count }
        public var passed: Int { outcomes.count - failed }
    }

    public let sources: SourceStore

    public init(sources: SourceStore) {
        self.sources = sources.maskingSecrets()
    }

    /// Failing when an expectation fails; invalid input when a policy or test cannot be read.
    public func run(_ options: Options) -> Outcome<Report> {
        let catalog = PolicyCatalog.load(root: options.root, sources: sources)
        guard let rules = catalog.report?.rules else { return catalog.map { _ in nil } }
        let layout = RepositoryLayout.load(root: options.root, sources: SourceStore()).0
        let files = options.paths.isEmpty ? layout.policyTestFiles : RepositoryLayout.policyTestFiles(in: options.paths)
        let result = PolicyTestRunner(rules: rules, date: options.date).run(files: files, sources: sources)
        let diagnostics = catalog.diagnostics + result.diagnostics
        if diagnostics.containsError { return .invalid(diagnostics) }
        // The pack's rules are tested where the pack is written; a repository answers for its own.
        let own = catalog.report?.ownRuleIDs ?? []
        let report = Report(
            outcomes: result.outcomes, untested: options.paths.isEmpty ? result.untested.filter(own.contains) : [])
        return Outcome(report: report, diagnostics: diagnostics, failing: report.failed > 0)
    }
}

extension Outcome {
    /// This outcome's diagnostics and status with another report.
    func map<Other>(_ transform: (Report) -> Other?) -> Outcome<Other> {
        var outcome = Outcome<Other>(report: report.flatMap(transform), diagnostics: diagnostics, failing: false)
        outcome.status = status
        return outcome
    }
}
