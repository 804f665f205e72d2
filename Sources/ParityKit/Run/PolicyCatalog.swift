public import ParityDiagnostics

/// `parity policy list` and `explain`: the repository's rules, as data for the renderers.
public struct PolicyCatalog: Sendable {
    /// The rules, compiled, in the order their files list them.
    public var rules: [CompiledRule]

    /// The rules of the repository at `root` (its spec says where the policies live); any
    /// error in them is invalid input, and their warnings come with the outcome.
    public static func load(root: String = ".", sources: SourceStore) -> Outcome<PolicyCatalog> {
        let sources = sources.maskingSecrets()
        let (layout, specDiagnostics) = RepositoryLayout.load(root: root, sources: sources)
        guard !specDiagnostics.containsError else { return .invalid(specDiagnostics) }
        let loaded = PolicyLoader().load(files: layout.policyFiles, sources: sources)
        let diagnostics = specDiagnostics + loaded.diagnostics
        guard !diagnostics.containsError else { return .invalid(diagnostics) }
        return Outcome(report: PolicyCatalog(rules: loaded.rules), diagnostics: diagnostics, failing: false)
    }

    /// The rule `id`, or a diagnostic naming the closest one.
    public func rule(_ id: String) -> Result<PolicyRule, Diagnostic> {
        if let rule = rules.first(where: { $0.rule.id == id }) { return .success(rule.rule) }
        let ids = rules.map(\.rule.id)
        let hint = Suggestion.closest(to: id, in: ids).map { "; did you mean '\($0)'?" } ?? "; see 'parity policy list'"
        return .failure(.error(.policyUnknownRule, "no policy has a rule '\(id)'\(hint)", at: nil))
    }
}
