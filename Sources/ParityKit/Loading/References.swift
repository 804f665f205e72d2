import ParityDiagnostics

/// Reports names that refer to nothing declared: a dependency on an unknown service, a
/// binding to an unknown role, a region not listed under `regions`.
enum References {
    static func check(_ root: Value, schema: ObjectSchema) -> [Diagnostic] {
        var run = Run(root: root)
        run.walk(root, .object(schema), reference: nil, field: nil)
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
        /// The names a referring field may use, gathered once per field: a field is
        /// identified by its object type and position, which costs nothing to hash.
        var declared: [FieldKey: Set<String>] = [:]

        init(root: Value) { self.root = root }

        struct FieldKey: Hashable {
            var schema: ObjectIdentifier
            var position: Int
        }

        /// Whether an object type holds a reference anywhere below it: subtrees without
        /// any (resources, config, PII lists) are not walked.
        var holdsReferences: [ObjectIdentifier: Bool] = [:]
        /// Per object type, the positions of the fields worth walking: those that refer,
        /// or whose type holds a reference below.
        var walkedFields: [ObjectIdentifier: [Int]] = [:]

        mutating func walk(_ value: Value, _ type: SchemaType, reference: Reference?, field: FieldKey?) {
            if let reference, let field {
                checkNames(of: value, type: type, reference, field: field)
            }
            switch type {
            case .object(let schema):
                guard let fields = value.object else { return }
                for position in fieldsToWalk(schema) {
                    guard let child = fields[schema.fields[position].name] else { continue }
                    walk(child, schema.fields[position].type, reference: schema.fields[position].references,
                         field: FieldKey(schema: ObjectIdentifier(schema), position: position))
                }
            case .list(let itemType, _):
                guard itemType.objectSchema != nil else { return }
                for item in value.list ?? [] { walk(item, itemType, reference: nil, field: nil) }
            case .map(let itemType):
                guard itemType.objectSchema != nil else { return }
                for (_, item) in value.object ?? Fields() { walk(item, itemType, reference: nil, field: nil) }
            default:
                return
            }
        }

        private mutating func fieldsToWalk(_ schema: ObjectSchema) -> [Int] {
            let id = ObjectIdentifier(schema)
            if let known = walkedFields[id] { return known }
            var positions: [Int] = []
            if references(below: schema) {
                positions = schema.fields.indices.filter { position in
                    let field = schema.fields[position]
                    return field.references != nil || field.type.objectSchema.map { references(below: $0) } == true
                }
            }
            walkedFields[id] = positions
            return positions
        }

        private mutating func references(below schema: ObjectSchema) -> Bool {
            let id = ObjectIdentifier(schema)
            if let known = holdsReferences[id] { return known }
            holdsReferences[id] = false  // a type that contains itself adds nothing
            let found = schema.fields.contains { field in
                field.references != nil || field.type.objectSchema.map { references(below: $0) } == true
            }
            holdsReferences[id] = found
            return found
        }

        private mutating func checkNames(of value: Value, type: SchemaType, _ reference: Reference, field: FieldKey) {
            switch type {
            case .string:
                if let name = value.string { check(name, at: value.location, reference, field: field) }
            case .list:
                for item in value.list ?? [] {
                    if let name = item.string { check(name, at: item.location, reference, field: field) }
                }
            case .map:
                for (name, item) in value.object ?? Fields() { check(name, at: item.location, reference, field: field) }
            default:
                return
            }
        }

        private mutating func check(
            _ name: String, at location: SourceLocation?, _ reference: Reference, field: FieldKey
        ) {
            let declared: Set<String>
            if let known = self.declared[field] {
                declared = known
            } else {
                declared = Set(reference.targets.flatMap { References.declaredNames(at: $0, in: root) })
                self.declared[field] = declared
            }
            guard !declared.contains(name), !reference.builtins.contains(name) else { return }
            let candidates = declared.sorted() + reference.builtins
            let hint =
                Suggestion.closest(to: name, in: candidates).map { "; did you mean '\($0)'?" }
                ?? "; declare it under \(Self.list(reference.targets.map(\.description))), or correct the name"
            diagnostics.append(
                .error(.modelUnknownReference, "unknown \(reference.noun) '\(name)'\(hint)", at: location))
        }

        static func list(_ words: [String]) -> String {
            guard words.count > 1, let last = words.last else { return words.first ?? "" }
            return words.dropLast().joined(separator: ", ") + " or " + last
        }
    }
}
