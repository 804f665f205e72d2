/// Every format `parity check` reports in, and the one place a format picks its renderer.
/// The command line's `--format` and `--output FORMAT=FILE` choices are these cases.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, github, gitlab, markdown, html

    /// What a renderer may need beyond the report.
    public struct Options: Sendable {
        /// Colour for the text format (a terminal, and no `NO_COLOR`).
        public var colour = false
        /// The folder report paths are relative to: the root of the repository the run is in.
        public var base: String
        /// GitHub: the Markdown report also goes to the job summary.
        public var writesStepSummary = false
        /// HTML: where locations link to (a repository's blob URL), if anywhere.
        public var linkBase: String?
        /// Text: only failing items, or the verdict alone.
        public var text = CheckTextRenderer.Options()

        public init(base: String) {
            self.base = base
        }
    }

    public func render(_ report: CheckReport, _ options: Options) -> String {
        switch self {
        case .text: CheckTextRenderer(style: TextStyle(enabled: options.colour), options: options.text).render(report)
        case .json: CheckJSONRenderer().render(report)
        case .sarif: SARIFRenderer(base: options.base).render(report)
        case .junit: JUnitRenderer(base: options.base).render(report)
        case .github: GitHubRenderer(base: options.base, writesStepSummary: options.writesStepSummary).render(report)
        case .gitlab: GitLabRenderer(base: options.base).render(report)
        case .markdown: MarkdownRenderer(base: options.base).render(report)
        case .html: HTMLRenderer(linkBase: options.linkBase).render(report)
        }
    }
}
