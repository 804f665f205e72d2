public import ParityDiagnostics

/// `parity policy list` and `explain`: the rules a check of the repository runs (the built-in
/// pack and the repository's own) and the ones it turns off, as data for the renderers.
public struct PolicyCatalog: Sendable {
    /// One rule, where it comes from, and why it is off if it is.
    public struct Listed: Sendable {
        public var rule: PolicyRule
        public var origin: PolicySet.Origin
        /// `built-in`, or the file and line of the repository's rule.
        public var source: String
        /// The reason `parity.yaml` gives for turning the rule off.
        public var disabledReason: String?
    }

    /// The rules that run, in the order a check runs them, then the disabled ones.
    public var listed: [Listed]
    /// Every rule compiled, disabled ones included (their tests still pin what they do).
    public var rules: [CompiledRule]

    /// The rules of the repository at `root` (its spec says where the policies live); any
    /// error in them is invalid input, and their warnings come with the outcome.
    public static func load(root: String = ".", sources: SourceStore) -> Outcome<PolicyCatalog> {
        let sources = sources.maskingSecrets()
        let (layout, specDiagnostics) = RepositoryLayout.load(root: root, sources: sources)
        guard !specDiagnostics.containsError else { return .invalid(specDiagnostics) }
        let set = PolicySet.load(layout: layout, sources: sources)
        let diagnostics = specDiagnostics + set.diagnostics
        guard !diagnostics.containsError else { return .invalid(diagnostics) }
        let listed =
            set.entries.map { Listed(rule: $0.rule.rule, origin: $0.origin, source: $0.source, disabledReason: nil) }
            + set.disabled.map {
                Listed(
                    rule: $0.entry.rule.rule, origin: $0.entry.origin, source: $0.entry.source,
                    disabledReason: $0.reason)
            }
        let catalog = PolicyCatalog(listed: listed, rules: set.rules + set.disabled.map(\.entry.rule))
        return Outcome(report: catalog, diagnostics: diagnostics, failing: false)
    }

    /// The ids of the repository's own rules (not the pack's alone), which its tests answer for.
    public var ownRuleIDs: Set<String> { Set(listed.filter { $0.origin != .builtIn }.map(\.rule.id)) }

    /// The rule `id`, or a diagnostic naming the closest one.
    public func rule(_ id: String) -> Result<Listed, Diagnostic> {
        if let rule = listed.first(where: { $0.rule.id == id }) { return .success(rule) }
        let ids = listed.map(\.rule.id)
        let hint = Suggestion.closest(to: id, in: ids).map { "; did you mean '\($0)'?" } ?? "; see 'parity policy list'"
        return .failure(.error(.policyUnknownRule, "no policy has a rule '\(id)'\(hint)", at: nil))
    }
}
