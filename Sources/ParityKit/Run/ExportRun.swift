public import ParityDiagnostics

/// `parity export [ENV|FILE...]`: resolved environments as JSON, secrets redacted.
public struct ExportRun {
    public struct Options: Sendable {
        /// Environment names or files (a name first, then a file); none: every environment.
        public var environments: [String] = []
        public var root = "."

        public init(environments: [String] = []) {
            self.environments = environments
        }
    }

    /// The resolved models, in the order asked, by environment name.
    public struct Report: Sendable {
        public var models: [(name: String, json: JSONValue)]
        /// Whether exactly one environment was named, so the report is that one object.
        public var single: Bool

        /// One environment named: its model; otherwise one object keyed by name.
        public var json: JSONValue {
            if single, let only = models.first { return only.json }
            return .object(models.map { ($0.name, $0.json) })
        }
    }

    public let sources: SourceStore

    public init(sources: SourceStore) {
        self.sources = sources.maskingSecrets()
    }

    /// The models, or invalid input when any environment asked for cannot be resolved.
    public func run(_ options: Options) -> Outcome<Report> {
        let (layout, specDiagnostics) = RepositoryLayout.load(root: options.root, sources: sources)
        let workspace = Workspace(
            root: layout.root, sources: sources, environmentsFolder: layout.spec.environmentsFolder)
        let (environments, unknown) = workspace.resolve(namesOrPaths: options.environments)
        let diagnostics = (specDiagnostics + unknown + environments.flatMap(\.diagnostics)).sortedByLocation()
        guard !diagnostics.containsError else { return .invalid(diagnostics) }
        let models = environments.map {
            (name: $0.name, json: ModelExport.json($0.value, as: .object(EnvironmentSchema.root)))
        }
        let report = Report(models: models, single: options.environments.count == 1)
        return Outcome(report: report, diagnostics: diagnostics, failing: false)
    }

    /// `export --raw`: each YAML document of `files` as one line of JSON, written through
    /// `write` as each file is read; invalid input when a file could not be loaded.
    public func raw(files: [String], write: ([UInt8]) -> Void) -> Outcome<Int> {
        let diagnostics = RawExport().run(files: files, sources: sources, write: write)
        return Outcome(report: files.count, diagnostics: diagnostics, failing: false)
    }
}
