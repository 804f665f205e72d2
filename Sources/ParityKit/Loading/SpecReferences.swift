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
        for (pair, reference, mirror) in pairs {
            for variance in pair.variances {
                if let missing = missingItem(variance.path, reference: reference, mirror: mirror) {
                    diagnostics.append(
                        warning(
                            variance.path, missing, for: "\(pair.reference) -> \(pair.mirror)", at: variance.location))
                }
            }
        }
        for waiver in spec.waivers {
            switch waiver.subject {
            case .gap(let path):
                let mine = pairs.filter { waiver.applies(reference: $0.0.reference, mirror: $0.0.mirror) }
                let misses = mine.compactMap { missingItem(path, reference: $0.1, mirror: $0.2) }
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

    /// The first named item of `path` that no environment holds, and the names there are.
    static func missingItem(_ path: ModelPath, reference: Value, mirror: Value) -> (
        path: ModelPath, name: String, names: [String]
    )? {
        for (position, component) in path.components.enumerated() {
            guard case .item(let name) = component else { continue }
            let prefix = ModelPath(Array(path.components[..<position]))
            let parents = prefix.expanded(reference: reference, mirror: mirror)
            let lists = parents.flatMap { [$0.reference, $0.mirror].compactMap { $0?.list } }
            let names = lists.flatMap { $0.compactMap(\.name) }
            // Only named lists can be judged here; an item by content is for the diff.
            guard !names.isEmpty, lists.allSatisfy({ $0.allSatisfy { $0.name != nil } }) else { return nil }
            if !names.contains(name) {
                var unique: [String] = []
                for candidate in names where !unique.contains(candidate) { unique.append(candidate) }
                return (prefix.item(name), name, unique)
            }
        }
        return nil
    }
}

extension Diagnostic.Code {
    /// A spec path names an item that no environment of its pair has.
    public static let specUnknownItem: Self = "spec.unknown-item"
}
