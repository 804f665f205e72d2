import ParityDiagnostics

/// Reports names that refer to nothing declared: a dependency on an unknown service, a
/// binding to an unknown role, a region not listed under `regions`.
enum References {
    static func check(_ root: Value, schema: ObjectSchema) -> [Diagnostic] {
        var run = Run(root: root)
        run.walk(root, .object(schema), field: nil)
        return run.diagnostics
    }

    /// The names declared by the collection at `path` of `root` (wildcards allowed).
    static func declaredNames(at path: ModelPath, in root: Value) -> [String] {
        var current = [root]
        for component in path.components {
            switch component {
            case .field(let name): current = current.compactMap { $0[name] }
            case .anyItem: current = current.flatMap { $0.list ?? [] }
            default: return []
            }
        }
        return current.flatMap { collection in
            (collection.list ?? []).compactMap { $0.string ?? $0.name }
        }
    }

    private struct Run {
        let root: Value
        var diagnostics: [Diagnostic] = []
        var cache: [String: Set<String>] = [:]

        init(root: Value) { self.root = root }

        /// Whether an object type holds a reference anywhere below it, by type name:
        /// subtrees without any (resources, config, PII lists) are not walked.
        var holdsReferences: [String: Bool] = [:]

        mutating func walk(_ value: Value, _ type: SchemaType, field: FieldSchema?) {
            if let reference = field?.references {
                checkNames(of: value, type: type, reference)
            }
            switch type {
            case .object(let schema):
                guard let fields = value.object, references(below: schema) else { return }
                for childField in schema.fields {
                    guard childField.references != nil || childField.type.objectSchema.map({ references(below: $0) }) == true,
                          let child = fields[childField.name]
                    else { continue }
                    walk(child, childField.type, field: childField)
                }
            case .list(let itemType, _):
                for item in value.list ?? [] where itemType.objectSchema != nil { walk(item, itemType, field: nil) }
            case .map(let itemType):
                for (_, item) in value.object ?? Fields() where itemType.objectSchema != nil { walk(item, itemType, field: nil) }
            default:
                return
            }
        }

        private mutating func references(below schema: ObjectSchema) -> Bool {
            if let known = holdsReferences[schema.name] { return known }
            holdsReferences[schema.name] = false  // a type that contains itself adds nothing
            let found = schema.fields.contains { field in
                field.references != nil || field.type.objectSchema.map { references(below: $0) } == true
            }
            holdsReferences[schema.name] = found
            return found
        }

        private mutating func checkNames(of value: Value, type: SchemaType, _ reference: Reference) {
            let named: [(String, SourceLocation?)]
            switch type {
            case .string: named = value.string.map { [($0, value.location)] } ?? []
            case .list: named = (value.list ?? []).compactMap { item in item.string.map { ($0, item.location) } }
            case .map: named = (value.object ?? Fields()).map { ($0.name, $0.value.location) }
            default: named = []
            }
            guard !named.isEmpty else { return }
            let key = reference.targets.map(\.description).joined(separator: "|")
            let declared = cache[key] ?? Set(reference.targets.flatMap { References.declaredNames(at: $0, in: root) })
            cache[key] = declared
            for (name, location) in named where !declared.contains(name) && !reference.builtins.contains(name) {
                let candidates = declared.sorted() + reference.builtins
                let hint = Suggestion.closest(to: name, in: candidates).map { "; did you mean '\($0)'?" }
                    ?? "; declare it under \(Self.list(reference.targets.map(\.description))), or correct the name"
                diagnostics.append(.error(.modelUnknownReference, "unknown \(reference.noun) '\(name)'\(hint)", at: location))
            }
        }

        static func list(_ words: [String]) -> String {
            guard words.count > 1, let last = words.last else { return words.first ?? "" }
            return words.dropLast().joined(separator: ", ") + " or " + last
        }
    }
}
