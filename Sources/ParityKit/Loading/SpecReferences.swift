public import ParityDiagnostics

/// What `parity lint` can tell of a spec without diffing: pairs naming environments that do
/// not exist, variance and waiver paths naming items no environment of their pair has, and
/// waivers naming rules no policy has.
enum SpecReferences {
    /// A pair's side that names no environment, at its place, with the closest name.
    static func unknownEnvironments(_ spec: ParitySpec, workspace: Workspace) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for pair in spec.pairs ?? [] {
            for (name, location) in [(pair.reference, pair.referenceLocation), (pair.mirror, pair.mirrorLocation)]
            where workspace.source(named: name) == nil {
                var unknown = workspace.unknownEnvironment(name)
                unknown.location = location ?? pair.location
                diagnostics.append(unknown)
            }
        }
        return diagnostics
    }

    /// Variance and gap-waiver paths whose named item is in neither environment of any pair
    /// they are for (a warning: the item may be coming), and rule waivers naming no rule.
    static func check(_ spec: ParitySpec, environments: [String: Value], ruleIDs: Set<String>?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let pairs = (spec.pairs ?? []).compactMap { pair -> (ParitySpec.Pair, Value, Value)? in
            guard let reference = environments[pair.reference], let mirror = environments[pair.mirror] else {
                return nil
            }
            return (pair, reference, mirror)
        }
        // Per pair, the names of each collection the paths name, gathered once: thousands of
        // variances and waivers into one list of ten thousand services were each a scan of it.
        var collections = Array(repeating: Collections(), count: pairs.count)
        for (index, (pair, reference, mirror)) in pairs.enumerated() {
            for variance in pair.variances {
                if let missing = missingItem(
                    variance.path, reference: reference, mirror: mirror, collections: &collections[index])
                {
                    diagnostics.append(
                        warning(
                            variance.path, missing, for: "\(pair.reference) -> \(pair.mirror)", at: variance.location))
                }
            }
        }
        for waiver in spec.waivers {
            switch waiver.subject {
            case .gap(let path):
                let mine = pairs.indices.filter {
                    waiver.applies(reference: pairs[$0].0.reference, mirror: pairs[$0].0.mirror)
                }
                let misses = mine.compactMap {
                    missingItem(path, reference: pairs[$0].1, mirror: pairs[$0].2, collections: &collections[$0])
                }
                if !mine.isEmpty, misses.count == mine.count, let missing = misses.first {
                    diagnostics.append(warning(path, missing, for: waiver.scope, at: waiver.location))
                }
            case .rule(let id, _):
                guard let ruleIDs, !ruleIDs.contains(id) else { continue }
                // As `check` says it (FindingWaivers), so the hook and the gate agree.
                diagnostics.append(
                    .warning(
                        .specStaleWaiver,
                        "waiver names rule '\(id)', which no policy has\(Suggestion.didYouMean(id, in: ruleIDs))",
                        at: waiver.location))
            }
        }
        return diagnostics
    }

    private static func warning(
        _ path: ModelPath, _ missing: (path: ModelPath, name: String, names: [String]), for scope: String,
        at location: SourceLocation?
    ) -> Diagnostic {
        let prefix = ModelPath(Array(missing.path.components.dropLast()))
        let hint =
            Suggestion.closest(to: missing.name, in: missing.names).map { "; did you mean '\(prefix.item($0))'?" } ?? ""
        let subject = missing.path == path ? "'\(path)' names an item" : "'\(path)' names '\(missing.path)', an item"
        return .warning(.specUnknownItem, "\(subject) that neither environment of \(scope) has\(hint)", at: location)
    }

    /// The names of the item lists at each path prefix of a pair, as `missingItem` asks for them.
    struct Collections {
        /// Per prefix: the names in order (first of each), and the same as a set; nil where
        /// the lists are not all of named items (an item by content is for the diff).
        var named: [ModelPath: (names: [String], set: Set<String>)?] = [:]

        mutating func names(at prefix: ModelPath, reference: Value, mirror: Value) -> (
            names: [String], set: Set<String>
        )? {
            if let known = named[prefix] { return known }
            let parents = prefix.expanded(reference: reference, mirror: mirror)
            let lists = parents.flatMap { [$0.reference, $0.mirror].compactMap { $0?.list } }
            let names = lists.flatMap { $0.compactMap(\.name) }
            var found: (names: [String], set: Set<String>)?
            if !names.isEmpty, lists.allSatisfy({ $0.allSatisfy { $0.name != nil } }) {
                var unique: [String] = [], set = Set<String>()
                for candidate in names where set.insert(candidate).inserted { unique.append(candidate) }
                found = (unique, set)
            }
            named[prefix] = .some(found)
            return found
        }
    }

    /// The first named item of `path` that no environment holds, and the names there are.
    static func missingItem(
        _ path: ModelPath, reference: Value, mirror: Value, collections: inout Collections
    ) -> (path: ModelPath, name: String, names: [String])? {
        for (position, component) in path.components.enumerated() {
            guard case .item(let name) = component else { continue }
            let prefix = ModelPath(Array(path.components[..<position]))
            // Only named lists can be judged here; an item by content is for the diff.
            guard let named = collections.names(at: prefix, reference: reference, mirror: mirror) else { return nil }
            if !named.set.contains(name) { return (prefix.item(name), name, named.names) }
        }
        return nil
    }
}

extension Diagnostic.Code {
    /// A spec path names an item that no environment of its pair has.
    public static let specUnknownItem: Self = "spec.unknown-item"
}
