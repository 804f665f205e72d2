import ParityDiagnostics

extension ParitySpec {
    /// Reads `identities:`, each the fields that identify the items of the unnamed lists a path
    /// names; an entry that names no such list, or a field its items do not have, is an error.
    static func identities(from value: Value?, locator: ExpressionLocator, diagnostics: inout [Diagnostic])
        -> ItemIdentities
    {
        var overrides: [ItemIdentities.Override] = []
        var seen: [String: SourceLocation?] = [:]
        let root = SchemaType.object(EnvironmentSchema.root)
        for entry in value?.list ?? [] {
            guard let pathValue = entry["path"], let text = pathValue.string, let fieldsValue = entry["fields"]?.list
            else { continue }
            guard let path = ModelPath(parsing: text)?.canonical(in: root) else {
                diagnostics.append(
                    ModelPath.invalid(text, at: pathValue.location, example: "services[*].ports", locator: locator))
                continue
            }
            if let problem = root.problem(with: path) {
                diagnostics.append(
                    .error(
                        .specUnknownPath, "identity path '\(text)' names nothing: \(problem)", at: pathValue.location))
                continue
            }
            guard case .list(.object(let item), let kind)? = root.type(at: path) else {
                diagnostics.append(
                    .error(
                        .specInvalidIdentity,
                        "'\(text)' is not a list of objects; an identity says which fields identify a list's items",
                        at: pathValue.location))
                continue
            }
            if case .named(let key) = kind {
                diagnostics.append(
                    .error(
                        .specInvalidIdentity,
                        "the items of '\(text)' are matched by their '\(key)' already; remove this identity",
                        at: pathValue.location))
                continue
            }
            let fields = fieldsValue.compactMap(\.string)
            if fields.isEmpty {
                diagnostics.append(
                    .error(
                        .specInvalidIdentity,
                        "the identity of '\(text)' names no field; list the fields that tell its items apart",
                        at: entry["fields"]?.location))
                continue
            }
            if let unknown = fieldsValue.first(where: { $0.string.map { item.field($0) == nil } ?? false }),
                let name = unknown.string
            {
                let hint = Suggestion.didYouMean(name, in: item.fields.map(\.name))
                diagnostics.append(
                    .error(.specInvalidIdentity, "\(item.name) has no field '\(name)'\(hint)", at: unknown.location))
                continue
            }
            if let first = seen.updateValue(pathValue.location, forKey: path.description) {
                diagnostics.append(
                    .error(
                        .specInvalidIdentity, "the identity of '\(text)' is set twice; keep one",
                        at: pathValue.location,
                        notes: [.init("first set here", at: first)]))
                continue
            }
            overrides.append(ItemIdentities.Override(path: path, fields: fields, location: entry.location))
        }
        return ItemIdentities(overrides)
    }
}

extension Diagnostic.Code {
    /// An `identities:` entry that names no unnamed list of objects, or a field its items lack.
    public static let specInvalidIdentity: Self = "spec.invalid-identity"
}
