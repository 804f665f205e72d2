public import ParityDiagnostics

/// `parity lint --format F`: text on stderr for people, JSON for editors and scripts, and
/// GitHub workflow commands that annotate the pull request.
public enum LintFormat: String, Sendable, CaseIterable {
    case text, json, github

    /// The diagnostics in this format (text is rendered by the command with its sources).
    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text: diagnostics.map(\.description).joined(separator: "\n") + (diagnostics.isEmpty ? "" : "\n")
        case .json: Self.json(diagnostics).pretty
        case .github: diagnostics.map(Self.githubCommand).joined()
        }
    }

    /// `{"version":1,"errors":N,"warnings":N,"diagnostics":[...]}`, each with its place and notes.
    static func json(_ diagnostics: [Diagnostic]) -> JSONValue {
        func place(_ location: SourceLocation?) -> [(String, JSONValue)] {
            guard let location else { return [] }
            return [("file", .string(location.file))]
                + (location.line > 0 ? [("line", .int(location.line)), ("column", .int(location.column))] : [])
        }
        let items: [JSONValue] = diagnostics.map { diagnostic in
            .object(
                [
                    ("severity", .string(diagnostic.severity.rawValue)), ("code", .string(diagnostic.code.rawValue)),
                    ("message", .string(diagnostic.message)),
                ] + place(diagnostic.location)
                    + [
                        (
                            "notes",
                            .array(
                                diagnostic.notes.map { note in
                                    .object([("message", .string(note.message))] + place(note.location))
                                })
                        )
                    ])
        }
        return .object([
            ("version", 1),
            ("errors", .int(diagnostics.filter { $0.severity == .error }.count)),
            ("warnings", .int(diagnostics.filter { $0.severity == .warning }.count)),
            ("diagnostics", .array(items)),
        ])
    }

    /// `::error file=F,line=L,col=C,title=CODE::MESSAGE`, escaped as the Actions toolkit does.
    static func githubCommand(_ diagnostic: Diagnostic) -> String {
        let name =
            switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
        var properties: [(String, String)] = []
        if let location = diagnostic.location {
            properties.append(("file", location.file))
            if location.line > 0 { properties += [("line", "\(location.line)"), ("col", "\(location.column)")] }
        }
        properties.append(("title", diagnostic.code.rawValue))
        let message =
            ([diagnostic.message]
            + diagnostic.notes.map { note in note.location.map { "\($0): \(note.message)" } ?? note.message })
            .joined(separator: "\n")
        let list = properties.map { "\($0.0)=\(GitHubRenderer.property($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(GitHubRenderer.data(message))\n"
    }
}
