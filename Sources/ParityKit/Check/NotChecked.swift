public import ParityDiagnostics

/// What a run left out because its input was invalid, said once, so that nothing that was
/// not looked at reads as clean or stale.
public enum NotChecked {
    /// A note for each environment with errors (its pairs not compared, no policy run on it),
    /// and one for a spec with errors (no pair compared, no waiver applied).
    public static func notes(
        environments: [String], workspace: Workspace, pairs: [(reference: String, mirror: String)],
        ruleCount: Int, specFile: String?
    ) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        if let specFile {
            notes.append(
                Diagnostic(
                    .note, .checkNotChecked,
                    "no pair was compared and no waiver applied, because '\(specFile)' has errors; fix them to see the gaps",
                    at: .file(specFile)))
        }
        for name in environments {
            var left: [String] = []
            let mine = pairs.filter { $0.reference == name || $0.mirror == name }.map {
                "\($0.reference) -> \($0.mirror)"
            }
            if !mine.isEmpty {
                left.append(
                    "the pair\(mine.count == 1 ? " \(mine[0]) was" : "s \(mine.joined(separator: ", ")) were") not compared"
                )
            }
            if ruleCount > 0 { left.append("no policy rule ran on it") }
            let what = left.isEmpty ? "" : ": " + left.joined(separator: " and ")
            let file = workspace.source(named: name)?.files.first
            notes.append(
                Diagnostic(
                    .note, .checkNotChecked, "environment '\(name)' was not checked because of the errors above\(what)",
                    at: file.map { SourceLocation.file($0) }))
        }
        return notes
    }
}

extension Diagnostic.Code {
    /// What a run did not look at because an input had errors.
    public static let checkNotChecked: Self = "check.not-checked"
}
