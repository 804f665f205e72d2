import ParityDiagnostics

/// Reports required fields that are absent, walking a decoded value with its schema.
///
/// Separate from decoding because an environment is only complete once its files are
/// composed and its `extends` resolved.
enum RequiredFields {
    static func check(_ value: Value, schema: ObjectSchema) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The path is a stack, turned into a ModelPath only for a diagnostic.
        var path: [ModelPath.Component] = []
        walk(value, .object(schema), path: &path, into: &diagnostics)
        return diagnostics
    }

    private static func walk(_ value: Value, _ type: SchemaType, path: inout [ModelPath.Component], into diagnostics: inout [Diagnostic]) {
        switch type {
        case .object(let schema):
            guard let fields = value.object else { return }
            for field in schema.fields {
                if let child = fields[field.name] {
                    guard field.type.objectSchema != nil else { continue }
                    path.append(.field(field.name))
                    walk(child, field.type, path: &path, into: &diagnostics)
                    path.removeLast()
                } else if field.required {
                    let place = path.isEmpty ? "this \(schema.noun)" : ModelPath(path).description
                    diagnostics.append(.error(
                        .schemaMissingField, "missing required field '\(field.name)' in \(place); add \(sentence(field.summary))",
                        at: value.location))
                }
            }
        case .list(let itemType, let kind):
            for (position, item) in (value.list ?? []).enumerated() {
                if case .named(let key) = kind, let name = item[key]?.string {
                    path.append(.item(name))
                } else {
                    path.append(.index(position))
                }
                walk(item, itemType, path: &path, into: &diagnostics)
                path.removeLast()
            }
        case .map(let itemType):
            for (name, item) in value.object ?? Fields() {
                path.append(.item(name))
                walk(item, itemType, path: &path, into: &diagnostics)
                path.removeLast()
            }
        default:
            return
        }
    }

    /// A summary as a clause: "The container image to run." reads "the container image to run".
    static func sentence(_ summary: String) -> String {
        var text = summary
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first, text.dropFirst().first?.isUppercase != true else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
