public import ParityDiagnostics

/// `parity lint [FILE...]`: every problem of the files named, or of the whole repository.
public struct LintRun {
    public struct Options: Sendable {
        /// Files or folders to validate; none: the repository at `root`.
        public var paths: [String] = []
        public var root = "."
        /// The run's date, for waivers expired or running out; nil: not judged.
        public var date: RunDate?

        public init(paths: [String] = []) {
            self.paths = paths
        }
    }

    /// What lint found: nothing beyond the diagnostics, which are the report.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
    }

    public let sources: SourceStore

    public init(sources: SourceStore) {
        self.sources = sources.maskingSecrets()
    }

    /// The problems found; invalid input when any is an error.
    public func run(_ options: Options) -> Outcome<Report> {
        var linter = Linter(sources: sources)
        linter.date = options.date
        let diagnostics = options.paths.isEmpty
            ? linter.lintRepository(at: options.root)
            : linter.lint(paths: options.paths, root: options.root)
        return Outcome(report: Report(diagnostics: diagnostics), diagnostics: diagnostics, failing: false)
    }
}
