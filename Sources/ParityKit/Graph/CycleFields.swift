/// The referring fields a dependency cycle can pass through, found from the schema alone:
/// each field joins the collection holding it to the collections it names, and only a
/// field inside a cycle of collections (services naming services, in this schema) can be
/// on a cycle of items. A check of cycles walks those fields and nothing else.
struct CycleFields: Sendable {
    /// A field, by its object type and position.
    struct Key: Hashable, Sendable {
        var schema: ObjectIdentifier
        var position: Int
    }

    let fields: Set<Key>

    init(schema: ObjectSchema) {
        // Every referring field, with the collection holding it and the collections it names.
        var found: [(key: Key, holder: ModelPath, targets: [ModelPath])] = []
        var visiting = Set<ObjectIdentifier>()
        func visit(_ object: ObjectSchema, holder: ModelPath?, at pattern: ModelPath) {
            guard visiting.insert(ObjectIdentifier(object)).inserted else { return }
            defer { visiting.remove(ObjectIdentifier(object)) }
            for (position, field) in object.fields.enumerated() {
                if let reference = field.references, reference.isEdge, let holder {
                    found.append((Key(schema: ObjectIdentifier(object), position: position), holder, reference.targets))
                }
                let child = pattern.field(field.name)
                switch field.type {
                case .list(.object(let element), .named): visit(element, holder: child, at: child.appending(.anyItem))
                case .list(.object(let element), _), .map(.object(let element)):
                    visit(element, holder: holder, at: child.appending(.anyItem))
                case .object(let element): visit(element, holder: holder, at: child)
                default: break
                }
            }
        }
        visit(schema, holder: nil, at: ModelPath.root)
        // Collections that reach themselves through the fields: a closure over a small graph.
        var reaches: [ModelPath: Set<ModelPath>] = [:]
        for entry in found { reaches[entry.holder, default: []].formUnion(entry.targets) }
        var changed = true
        while changed {
            changed = false
            for (holder, targets) in reaches {
                let further = targets.reduce(into: targets) { $0.formUnion(reaches[$1] ?? []) }
                if further != targets {
                    reaches[holder] = further
                    changed = true
                }
            }
        }
        // A field is on a cycle when one of its targets reaches back to its holder.
        fields = Set(
            found.filter { entry in
                entry.targets.contains { $0 == entry.holder || reaches[$0]?.contains(entry.holder) == true }
            }.map(\.key))
    }

    /// The cycle fields of the environment schema, worked out once.
    static let environment = CycleFields(schema: EnvironmentSchema.root)
}
