import Foundation
public import ParityDiagnostics

/// The rules a run uses: the built-in pack, and the repository's own policies beside it
/// (a rule with a built-in rule's id replaces that rule), less the rules `parity.yaml`
/// disables; `builtin: false` leaves the pack out.
public struct PolicySet: Sendable {
    /// Where a rule comes from.
    public enum Origin: Sendable, Equatable {
        /// The pack compiled into the binary.
        case builtIn
        /// The repository's own rule, with an id the pack does not have.
        case repository
        /// The repository's rule, replacing the built-in rule of its id.
        case replacesBuiltIn
        /// The repository's file holds the built-in rule itself (as this repository's
        /// `policies/` does): one rule, run once.
        case sameAsBuiltIn
    }

    /// One rule and where it comes from.
    public struct Entry: Sendable {
        public var rule: CompiledRule
        public var origin: Origin
    }

    /// The rules that run, built-in pack order first, the repository's own after.
    public var entries: [Entry]
    /// Rules turned off in `parity.yaml`, with the reason given.
    public var disabled: [(entry: Entry, reason: String)]
    public var diagnostics: [Diagnostic]

    public var rules: [CompiledRule] { entries.map(\.rule) }

    /// Every rule id the run knows, disabled ones included.
    public var knownIDs: Set<String> { Set(entries.map(\.rule.rule.id) + disabled.map(\.entry.rule.rule.id)) }

    /// The rules for a repository whose spec is `spec` and whose root is `root`.
    public static func load(spec: ParitySpec, root: String, sources: SourceStore) -> PolicySet {
        load(
            layout: RepositoryLayout(
                root: root, spec: spec, specFile: spec.file, specNamed: false, fileSystem: DiskFileSystem()),
            sources: sources)
    }

    /// The rules for the repository `layout` describes.
    public static func load(layout: RepositoryLayout, sources: SourceStore, loader: PolicyLoader = PolicyLoader())
        -> PolicySet
    {
        var diagnostics: [Diagnostic] = []
        let spec = layout.spec
        let files = layout.policyFiles
        if let problem = layout.policiesProblem(files: files) { diagnostics.append(problem) }
        let repository = loader.load(files: files, sources: sources, fileSystem: layout.fileSystem)
        diagnostics += repository.diagnostics

        var entries: [Entry] = []
        var replaced = Set<String>()
        if spec.builtinPack {
            let (written, problems) = BuiltInPack.writtenRules(sources: sources)
            diagnostics += problems
            for (rule, locator) in written {
                if let own = repository.rules.first(where: { $0.rule.id == rule.id }) {
                    replaced.insert(rule.id)
                    entries.append(
                        Entry(rule: own, origin: own.rule.sameDefinition(as: rule) ? .sameAsBuiltIn : .replacesBuiltIn))
                    continue
                }
                switch CompiledRule.compile(rule, schema: loader.schema, locator: locator) {
                case .success(let compiled): entries.append(Entry(rule: compiled, origin: .builtIn))
                case .failure(let list): diagnostics += list.diagnostics
                }
            }
        }
        entries += repository.rules.filter { !replaced.contains($0.rule.id) }.map {
            Entry(rule: $0, origin: .repository)
        }

        var disabled: [(entry: Entry, reason: String)] = []
        let ids = entries.map(\.rule.rule.id)
        for rule in spec.disabledRules {
            guard let index = entries.firstIndex(where: { $0.rule.rule.id == rule.id }) else {
                if !disabled.contains(where: { $0.entry.rule.rule.id == rule.id }) {
                    diagnostics.append(
                        .warning(
                            .specUnknownRule,
                            "'rules.disable' names rule '\(rule.id)', which no policy has\(Suggestion.didYouMean(rule.id, in: ids)); see 'parity policy list'",
                            at: rule.location))
                }
                continue
            }
            disabled.append((entries.remove(at: index), rule.reason))
        }
        return PolicySet(entries: entries, disabled: disabled, diagnostics: diagnostics)
    }
}

extension PolicyRule {
    /// Whether two rules say the same thing, wherever each is written.
    func sameDefinition(as other: PolicyRule) -> Bool {
        id == other.id && title == other.title && severity == other.severity && target == other.target
            && tiers == other.tiers
            && variables.map(\.name) == other.variables.map(\.name)
            && variables.map(\.expression.source) == other.variables.map(\.expression.source)
            && when?.source == other.when?.source && assert.source == other.assert.source
            && message.source == other.message.source
            && rationale == other.rationale && fix == other.fix && policy == other.policy
    }
}

extension Diagnostic.Code {
    /// `parity.yaml` names a rule no policy has.
    public static let specUnknownRule: Self = "spec.unknown-rule"
}

extension PolicySet.Entry {
    /// Where the rule comes from, as `parity policy list` says it.
    public var source: String {
        let place = rule.rule.location.map { "\($0)" } ?? "?"
        switch origin {
        case .builtIn: return "built-in"
        case .repository: return place
        case .replacesBuiltIn: return "\(place) (replaces the built-in rule)"
        case .sameAsBuiltIn: return "built-in (the same rule as \(place))"
        }
    }
}
