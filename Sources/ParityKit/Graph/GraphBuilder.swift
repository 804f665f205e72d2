import ParityDiagnostics

/// Builds the dependency graph of a resolved environment from the schema: every field that
/// declares a `Reference` to a named list is an edge from the item holding it.
public struct GraphBuilder: Sendable {
    public let schema: ObjectSchema

    public init(schema: ObjectSchema = EnvironmentSchema.root) {
        self.schema = schema
    }

    /// The graph of the environment `name`, whose model is `root`.
    public func graph(name: String, root: Value) -> DependencyGraph {
        let walk = walked(root)
        var nodes = walk.items.filter { $0.kind.isPrimary }
        var touched = Set<DependencyGraph.NodeKey>()
        for edge in walk.edges where !edge.from.kind.isPrimary || !edge.to.kind.isPrimary {
            touched.insert(edge.from)
            touched.insert(edge.to)
        }
        nodes += walk.items.filter { !$0.kind.isPrimary && touched.contains($0.key) }
        return DependencyGraph(name: name, nodes: nodes, edges: Array(walk.edges))
    }

    /// What identifies each item and each edge of `root`: what the other side of a comparison
    /// of two graphs is looked up in, without the edges' places and paths.
    func identities(of root: Value) -> (items: Set<DependencyGraph.NodeKey>, edges: Set<DependencyGraph.EdgeIdentity>) {
        let walk = walked(root, keeping: .identities)
        return (walk.itemKeys, walk.identities)
    }

    /// The edges of `root` whose identities are not among `present`, unsorted and not yet
    /// deduplicated: the edges a comparison finds lost, and no others kept while it walks.
    func edges(of root: Value, except present: Set<DependencyGraph.EdgeIdentity>) -> [DependencyGraph.Edge] {
        walked(root, keeping: .edges(except: present)).edges
    }

    /// The edges a dependency cycle can be made of (`CycleFields`), unsorted: all a check of
    /// cycles needs, from a walk of those fields alone.
    func cycleEdges(of root: Value) -> [DependencyGraph.Edge] {
        let fields = schema === EnvironmentSchema.root ? CycleFields.environment : CycleFields(schema: schema)
        return walked(root, only: fields.fields).edges
    }

    private func walked(_ root: Value, only fields: Set<CycleFields.Key>? = nil, keeping: Walk.Keeping = .all) -> Walk {
        var walk = Walk(root: root, schema: schema)
        walk.only = fields
        walk.keeping = keeping
        walk.walk(root, .object(schema), at: ModelPath.root, pattern: ModelPath.root, holder: nil)
        return walk
    }

    private struct Walk {
        let root: Value
        let schema: ObjectSchema
        var items: [DependencyGraph.Node] = []
        var edges: [DependencyGraph.Edge] = []
        /// The items' and the edges' identities, when only they are kept.
        var itemKeys = Set<DependencyGraph.NodeKey>()
        var identities = Set<DependencyGraph.EdgeIdentity>()

        /// What the walk keeps of what it finds: a drifted pair's graphs have a hundred
        /// thousand edges a side, and a comparison needs one side's identities and the other's losses.
        enum Keeping {
            /// Every item and every edge.
            case all
            /// The identities of the items and the edges, in `itemKeys` and `identities`.
            case identities
            /// The edges whose identities are not among these; no items.
            case edges(except: Set<DependencyGraph.EdgeIdentity>)
        }

        var keeping = Keeping.all

        init(root: Value, schema: ObjectSchema) {
            self.root = root
            self.schema = schema
        }

        mutating func keep(_ node: DependencyGraph.Node) {
            switch keeping {
            case .all: items.append(node)
            case .identities: itemKeys.insert(node.key)
            case .edges: break
            }
        }

        mutating func keep(_ edge: DependencyGraph.Edge) {
            switch keeping {
            case .all: edges.append(edge)
            case .identities: identities.insert(edge.identity)
            case .edges(let present): if !present.contains(edge.identity) { edges.append(edge) }
            }
        }

        /// Only these fields draw edges, when set: the walk of a cycle check.
        var only: Set<FieldKey>?

        /// Per object type, whether a field of it or of an object below it names something.
        var referring: [ObjectIdentifier: Bool] = [:]

        mutating func holdsReferences(_ schema: ObjectSchema) -> Bool {
            let id = ObjectIdentifier(schema)
            if let known = referring[id] { return known }
            referring[id] = false  // a type that contains itself adds nothing
            let found = schema.fields.indices.contains { position in
                let field = schema.fields[position]
                return draws(field, FieldKey(schema: id, position: position))
                    || field.type.objectSchema.map { holdsReferences($0) } == true
            }
            referring[id] = found
            return found
        }

        /// Whether `field` draws edges in this walk.
        func draws(_ field: FieldSchema, _ key: FieldKey) -> Bool {
            field.references?.isEdge == true && only.map { $0.contains(key) } ?? true
        }

        /// A field, identified by its object type and position: cheap to hash.
        typealias FieldKey = CycleFields.Key

        /// Per referring field, the items its names may name (first target first); empty for
        /// a field that names words rather than items (regions).
        var targets: [FieldKey: [String: DependencyGraph.NodeKey]] = [:]

        /// A field of an object type that the walk reads: one that draws edges, or leads to one.
        struct Step {
            let field: FieldSchema
            let key: FieldKey
            /// What the field names, when it draws edges in this walk.
            let reference: Reference?
            let descends: Bool
        }

        /// Per object type, the fields the walk reads, found once: deciding it for every field
        /// of every object (copying each field's schema to ask) was most of the walk.
        var steps: [ObjectIdentifier: [Step]] = [:]

        mutating func steps(of objectSchema: ObjectSchema) -> [Step] {
            let id = ObjectIdentifier(objectSchema)
            if let known = steps[id] { return known }
            var found: [Step] = []
            for position in objectSchema.fields.indices {
                let field = objectSchema.fields[position]
                // Named lists hold the nodes; other objects are walked only when they name items.
                // (A walk of some fields alone skips the lists whose items hold none of them.)
                let descends: Bool =
                    if case .list(_, .named) = field.type, only == nil { true } else {
                        field.type.objectSchema.map { holdsReferences($0) } ?? false
                    }
                // A field that permits traffic (ingress, egress) names items but draws no edge.
                let key = FieldKey(schema: id, position: position)
                let reference = draws(field, key) ? field.references : nil
                if reference != nil || descends {
                    found.append(Step(field: field, key: key, reference: reference, descends: descends))
                }
            }
            steps[id] = found
            return found
        }

        /// `path` is where `value` is; `pattern` is the same with `[*]` for items, naming its collection.
        mutating func walk(
            _ value: Value, _ type: SchemaType, at path: ModelPath, pattern: ModelPath, holder: DependencyGraph.NodeKey?
        ) {
            switch type {
            case .object(let objectSchema):
                guard let fields = value.object else { return }
                let evidence = fields[EnvironmentSchema.inferredField]?.object
                for step in steps(of: objectSchema) {
                    let field = step.field
                    guard let child = fields[field.name] else { continue }
                    if let reference = step.reference, let holder, field.name != EnvironmentSchema.inferredField {
                        let names = targets(step.key, reference)
                        if !names.isEmpty {
                            link(
                                child, field: field, names, at: path.field(field.name), holder: holder,
                                evidence: evidence)
                        }
                    }
                    if step.descends {
                        walk(
                            child, field.type, at: path.field(field.name), pattern: pattern.field(field.name),
                            holder: holder)
                    }
                }
                if let evidence, let holder, let position = objectSchema.position(of: "dependencies"),
                    let reference = objectSchema.fields[position].references,
                    draws(
                        objectSchema.fields[position],
                        FieldKey(schema: ObjectIdentifier(objectSchema), position: position))
                {
                    // Evidence for a name the dependencies do not list still says the edge exists.
                    let names = targets(FieldKey(schema: ObjectIdentifier(objectSchema), position: position), reference)
                    let listed = Set((fields["dependencies"]?.list ?? []).compactMap(\.string))
                    for (name, text) in evidence where !listed.contains(name) {
                        guard let target = names[name] else { continue }
                        keep(
                            DependencyGraph.Edge(
                                from: holder, to: target, field: "dependencies", evidence: text.string ?? "",
                                location: text.location, path: path.field("dependencies")))
                    }
                }
            case .list(let element, .named(let key)):
                guard element.objectSchema != nil else { return }
                let kind = NodeKind.of(collection: pattern)
                let itemPattern = pattern.appending(.anyItem)
                for item in value.list ?? [] {
                    guard let name = item[key]?.string else { continue }
                    let node = DependencyGraph.Node(
                        kind: kind, name: name, location: item[key]?.location ?? item.location)
                    keep(node)
                    walk(item, element, at: path.item(name), pattern: itemPattern, holder: node.key)
                }
            case .list(let element, _):
                guard element.objectSchema != nil else { return }
                let itemPattern = pattern.appending(.anyItem)
                for (index, item) in (value.list ?? []).enumerated() {
                    walk(item, element, at: path.index(index), pattern: itemPattern, holder: holder)
                }
            case .map(let element):
                guard element.objectSchema != nil else { return }
                let itemPattern = pattern.appending(.anyItem)
                for (name, item) in value.object ?? Fields() {
                    walk(item, element, at: path.field(name), pattern: itemPattern, holder: holder)
                }
            default:
                return
            }
        }

        /// The edges of one referring field: a name, a list of names, or a map keyed by names.
        private mutating func link(
            _ value: Value, field: FieldSchema, _ names: [String: DependencyGraph.NodeKey], at path: ModelPath,
            holder: DependencyGraph.NodeKey, evidence: Fields?
        ) {
            func add(_ name: String, _ location: SourceLocation?) {
                // A name that is not an item's (a typo lint reports) draws no edge.
                guard let target = names[name] else { return }
                let why = field.name == "dependencies" ? evidence?[name]?.string : nil
                keep(
                    DependencyGraph.Edge(
                        from: holder, to: target, field: field.name, evidence: why, location: location, path: path))
            }
            switch field.type {
            case .string: if let name = value.string { add(name, value.location) }
            case .list: for item in value.list ?? [] { if let name = item.string { add(name, item.location) } }
            case .map: for (name, item) in value.object ?? Fields() { add(name, item.location) }
            default: return
            }
        }

        private mutating func targets(_ key: FieldKey, _ reference: Reference) -> [String: DependencyGraph.NodeKey] {
            if let known = targets[key] { return known }
            var names: [String: DependencyGraph.NodeKey] = [:]
            for collection in reference.targets {
                // Only names of items make edges: a region is a word, not an item with fields.
                guard case .list(_, .named)? = SchemaType.object(schema).type(at: collection) else { continue }
                let items = nodes(at: collection)
                if names.isEmpty {
                    names = items
                } else {
                    names.merge(items) { first, _ in first }
                }
            }
            targets[key] = names
            return names
        }

        /// Per collection, its items by name (the first of a name counts), gathered once per
        /// walk: the fields that name one collection (every service's dependencies, ...) share it.
        var collections: [ModelPath: [String: DependencyGraph.NodeKey]] = [:]

        private mutating func nodes(at collection: ModelPath) -> [String: DependencyGraph.NodeKey] {
            if let known = collections[collection] { return known }
            let kind = NodeKind.of(collection: collection)
            let names = References.declaredNames(at: collection, in: root)
            let found = Dictionary(
                names.map { ($0, DependencyGraph.NodeKey(kind: kind, name: $0)) }, uniquingKeysWith: { first, _ in first })
            collections[collection] = found
            return found
        }
    }
}
