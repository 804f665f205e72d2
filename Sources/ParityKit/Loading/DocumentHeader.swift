public import ParityDiagnostics
public import ParityYAML

/// Reads `apiVersion` and `kind`, which every Parity document carries, before anything else.
public enum DocumentHeader {
    /// The kind of the document whose root is `root`, among `kinds`, or nil with the
    /// diagnostics saying why.
    public static func kind(of root: Node, among kinds: [FileKind] = FileKind.all) -> (
        kind: FileKind?, diagnostics: [Diagnostic]
    ) {
        let supported = kinds.map(\.name)
        guard root.mapping != nil else {
            return (
                nil,
                [
                    .error(
                        .schemaTypeMismatch,
                        "expected a mapping with apiVersion and kind, found \(root.foundDescription)", at: root.location
                    )
                ]
            )
        }
        var diagnostics: [Diagnostic] = []
        let versions = FileKind.apiVersions
        if let version = root["apiVersion"] {
            let text = version.scalar?.text ?? ""
            if !versions.contains(text) {
                let found = version.scalar == nil ? version.kindDescription : "'\(text)'"
                diagnostics.append(
                    .error(
                        .schemaUnknownAPIVersion,
                        "unknown apiVersion \(found); Parity reads \(versions.joined(separator: ", ")); write apiVersion: \(versions[0])",
                        at: version.location))
            }
        } else {
            diagnostics.append(
                .error(
                    .schemaMissingField, "missing required field 'apiVersion'; add apiVersion: \(versions[0])",
                    at: root.location))
        }
        guard let kindNode = root["kind"] else {
            diagnostics.append(
                .error(
                    .schemaMissingField, "missing required field 'kind'; add the kind of file: \(phrase(supported))",
                    at: root.location))
            return (nil, diagnostics)
        }
        let name = kindNode.scalar?.text ?? ""
        guard let kind = kinds.first(where: { $0.name == name }) else {
            let found = kindNode.scalar == nil ? kindNode.kindDescription : "'\(name)'"
            let hint = Suggestion.closest(to: name, in: supported).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.append(
                .error(
                    .schemaUnknownKind, "unknown kind \(found); Parity reads \(phrase(supported))\(hint)",
                    at: kindNode.location))
            return (nil, diagnostics)
        }
        return (diagnostics.isEmpty ? kind : nil, diagnostics)
    }

    /// "a, b or c"
    static func phrase(_ words: [String]) -> String {
        guard words.count > 1, let last = words.last else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }
}
