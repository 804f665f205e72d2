import ParityDiagnostics

/// Where `--output` sends a report: `FORMAT=FILE`, or a bare `FILE` for the `--format` report.
public struct ReportOutput: Sendable, Equatable {
    /// nil: the format `--format` names.
    public var format: ReportFormat?
    public var path: String

    public init(format: ReportFormat?, path: String) {
        self.format = format
        self.path = path
    }

    /// What `--output VALUE` means; a message when it names no format Parity has.
    public static func parse(_ value: String) -> Result<ReportOutput, OutputProblem> {
        guard let equals = value.firstIndex(of: "=") else { return .success(ReportOutput(format: nil, path: value)) }
        let name = String(value[..<equals])
        let path = String(value[value.index(after: equals)...])
        if let format = ReportFormat(rawValue: name) {
            guard !path.isEmpty else {
                return .failure(OutputProblem("--output \(value) names no file; write \(name)=FILE"))
            }
            return .success(ReportOutput(format: format, path: path))
        }
        // `sarfi=out.sarif` is a misspelt format, not a file with `=` in its name.
        if !name.contains("/"), !name.contains("."), !name.isEmpty {
            let names = ReportFormat.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: name, in: names).map { "; did you mean '\($0)'?" } ?? ""
            return .failure(
                OutputProblem(
                    "unknown report format '\(name)' in --output\(hint) (formats: \(names.joined(separator: ", ")))"))
        }
        return .success(ReportOutput(format: nil, path: value))
    }

    /// An `--output` value that cannot be used, and why.
    public struct OutputProblem: Error, Sendable, Equatable {
        public var message: String
        init(_ message: String) { self.message = message }
    }
}
