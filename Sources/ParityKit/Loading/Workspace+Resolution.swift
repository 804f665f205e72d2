import Foundation
import ParityDiagnostics

extension Workspace {
    /// The environment a command line names: an environment's name, or the path of its
    /// file or folder (`parity diff production environments/staging.yaml`). Nil when it
    /// is neither; `unknownEnvironment` says so.
    public func resolve(nameOrPath word: String) -> ResolvedEnvironment? {
        if let named = resolve(named: word) { return named }
        guard FileManager.default.fileExists(atPath: word) else { return nil }
        return resolve(load(path: word))
    }

    /// The environments `words` name (names or paths), in order, or every environment of
    /// the repository, by name, when there are none; with the diagnostics of names that
    /// are neither and of the repository.
    public func resolve(namesOrPaths words: [String]) -> (environments: [ResolvedEnvironment], unknown: [Diagnostic]) {
        guard !words.isEmpty else {
            return (environmentNames.compactMap(resolve(named:)), diagnostics)
        }
        var environments: [ResolvedEnvironment] = []
        var unknown: [Diagnostic] = []
        for word in words {
            if let environment = resolve(nameOrPath: word) {
                environments.append(environment)
            } else {
                unknown += problems(naming: word)
            }
        }
        return (environments, unknown)
    }

    /// `source` with its `extends` chain applied, checked for required fields and for
    /// references that point nowhere.
    public func resolve(_ source: EnvironmentSource) -> ResolvedEnvironment {
        resolve([source])[0]  // its two checks on two cores
    }

    /// `resolve` of each source, in order. The `extends` chains are composed one after
    /// another (they share the workspace's cache); the checks of each result, walks of its
    /// whole tree, run on every core, the largest environment first.
    public func resolve(_ sources: [EnvironmentSource]) -> [ResolvedEnvironment] {
        var environments = sources.map(composed)
        // Sized by their top-level items (a whole count would be a walk of its own).
        let sizes = environments.map {
            $0.environment.value.object?.reduce(0) { $0 + ($1.value.list?.count ?? 1) } ?? 0
        }
        let order = environments.indices.sorted { sizes[$0] > sizes[$1] }
        // Two pieces each, the references (the larger walk) then the required fields, so
        // the cores finish together when one environment is most of the repository.
        let problems = Parallel.map(2 * order.count) { [environments] piece -> [Diagnostic] in
            let (environment, declared) = environments[order[piece / 2]]
            guard declared else { return [] }
            return piece % 2 == 0
                ? References.check(environment.value, schema: EnvironmentSchema.root)
                : RequiredFields.check(environment.value, schema: EnvironmentSchema.root)
        }
        for (position, index) in order.enumerated() {
            environments[index].environment.diagnostics += problems[2 * position + 1] + problems[2 * position]
        }
        return environments.map(\.environment)
    }

    /// The environment with its `extends` chain applied, not yet checked; whether it
    /// declared anything (one that did not has nothing to check).
    private func composed(_ source: EnvironmentSource) -> (environment: ResolvedEnvironment, declared: Bool) {
        var diagnostics = source.diagnostics
        let name = source.name ?? source.path
        guard let declared = source.declared else {
            let empty = ResolvedEnvironment(
                name: name, path: source.path, value: Value(.object(Fields()), at: nil), diagnostics: diagnostics,
                lineage: [name])
            return (empty, false)
        }
        var lineage: [String] = []
        let value = resolvedValue(source, chain: [], lineage: &lineage, diagnostics: &diagnostics)
        if source.extends != nil, source.name == nil, let metadata = declared["metadata"] ?? declared["extends"] {
            diagnostics.append(
                .error(
                    .schemaMissingField,
                    "missing required field 'name' in metadata; an environment that extends another needs a name of its own",
                    at: metadata.location))
        }
        let environment = ResolvedEnvironment(
            name: name, path: source.path, value: value, diagnostics: diagnostics, lineage: lineage)
        return (environment, true)
    }

    /// One step up the chain: the parent resolved, then this environment written over it.
    private func resolvedValue(
        _ source: EnvironmentSource, chain: [EnvironmentSource], lineage: inout [String],
        diagnostics: inout [Diagnostic]
    ) -> Value {
        if let cached = resolvedValues[source.path] {
            lineage += cached.lineage
            diagnostics += cached.diagnostics
            return cached.value
        }
        var ownLineage: [String] = []
        var ownDiagnostics: [Diagnostic] = []
        let value = resolveChain(source, chain: chain, lineage: &ownLineage, diagnostics: &ownDiagnostics)
        // A circle gives a different answer from each of its members, so it is not kept.
        if !ownDiagnostics.contains(where: { $0.code == .modelExtendsCycle }) {
            resolvedValues[source.path] = (value, ownLineage, ownDiagnostics)
        }
        lineage += ownLineage
        diagnostics += ownDiagnostics
        return value
    }

    private func resolveChain(
        _ source: EnvironmentSource, chain: [EnvironmentSource], lineage: inout [String],
        diagnostics: inout [Diagnostic]
    ) -> Value {
        // Callers only pass sources with a declared value.
        var own = source.declared ?? Value(.object(Fields()), at: nil)
        lineage.append(source.name ?? source.path)
        guard let extends = own["extends"] else { return own }
        if var fields = own.object {
            fields["extends"] = nil
            own.content = .object(fields)
        }
        guard let parentName = extends.string else { return own }
        guard let parent = self.source(named: parentName), parent.declared != nil else {
            var unknown = unknownEnvironment(parentName)
            unknown.code = .modelUnknownReference
            unknown.message = "unknown environment '\(parentName)' in 'extends'" + unknown.message.drop { $0 != ";" }
            unknown.location = extends.location
            diagnostics.append(unknown)
            return own
        }
        let path = chain + [source]
        if let start = path.firstIndex(where: { $0.path == parent.path }) {
            diagnostics.append(cycle(Array(path[start...])))
            return own
        }
        // A parent's own problems are the child's too: what it inherits may be wrong.
        diagnostics += parent.diagnostics
        let inherited = resolvedValue(parent, chain: path, lineage: &lineage, diagnostics: &diagnostics)
        return Composition.override(inherited, with: own, type: .object(EnvironmentSchema.root))
    }

    /// One diagnostic per circle, whichever environment it was found from: it starts at
    /// the environment whose name sorts first.
    private func cycle(_ members: [EnvironmentSource]) -> Diagnostic {
        let names = members.map { $0.name ?? $0.path }
        let first = names.indices.min { names[$0] < names[$1] } ?? 0
        let ordered = Array(members[first...] + members[..<first])
        let chain = (ordered + [ordered[0]]).map { $0.name ?? $0.path }.joined(separator: " -> ")
        let notes = ordered.dropFirst().map { member in
            Diagnostic.Note(
                "'\(member.name ?? member.path)' extends '\(member.extends?.string ?? "")' here",
                at: member.extends?.location)
        }
        return .error(
            .modelExtendsCycle, "environments extend each other in a circle: \(chain); remove one of these 'extends'",
            at: ordered[0].extends?.location, notes: notes)
    }
}
