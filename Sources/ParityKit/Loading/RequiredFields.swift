import ParityDiagnostics

/// Reports required fields that are absent, walking a decoded value with its schema.
///
/// Separate from decoding because an environment is only complete once its files are
/// composed and its `extends` resolved.
enum RequiredFields {
    static func check(_ value: Value, schema: ObjectSchema) -> [Diagnostic] {
        var run = Run()
        run.walk(value, .object(schema))
        return run.diagnostics
    }

    private struct Run {
        var diagnostics: [Diagnostic] = []
        /// The path is a stack, turned into a ModelPath only for a diagnostic.
        var path: [ModelPath.Component] = []
        /// Per object type, the positions of the fields that matter here: required ones, and
        /// objects to walk into. The rest are never looked up, and no field is copied.
        var checkedFields: [ObjectIdentifier: [Int]] = [:]

        mutating func walk(_ value: Value, _ type: SchemaType) {
            switch type {
            case .object(let schema):
                guard let fields = value.object else { return }
                for position in fieldsToCheck(schema) {
                    let name = schema.fields[position].name
                    if let child = fields[name] {
                        let childType = schema.fields[position].type
                        guard childType.objectSchema != nil else { continue }
                        path.append(.field(name))
                        walk(child, childType)
                        path.removeLast()
                    } else if schema.fields[position].required {
                        let place = path.isEmpty ? "this \(schema.noun)" : ModelPath(path).description
                        diagnostics.append(
                            .error(
                                .schemaMissingField,
                                "missing required field '\(name)' in \(place); add \(RequiredFields.sentence(schema.fields[position].summary))",
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
                    walk(item, itemType)
                    path.removeLast()
                }
            case .map(let itemType):
                for (name, item) in value.object ?? Fields() {
                    path.append(.item(name))
                    walk(item, itemType)
                    path.removeLast()
                }
            default:
                return
            }
        }

        private mutating func fieldsToCheck(_ schema: ObjectSchema) -> [Int] {
            let id = ObjectIdentifier(schema)
            if let known = checkedFields[id] { return known }
            let positions = schema.fields.indices.filter {
                schema.fields[$0].required || schema.fields[$0].type.objectSchema != nil
            }
            checkedFields[id] = positions
            return positions
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
