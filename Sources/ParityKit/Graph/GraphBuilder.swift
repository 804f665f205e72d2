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
        var walk = Walk(root: root, schema: schema)
        walk.walk(root, .object(schema), at: ModelPath.root, pattern: ModelPath.root, holder: nil)
        var nodes = walk.items.filter { $0.kind.isPrimary }
        let touched = Set(walk.edges.flatMap { [$0.from, $0.to] })
        nodes += walk.items.filter { !$0.kind.isPrimary && touched.contains($0.key) }
        return DependencyGraph(name: name, nodes: nodes, edges: Array(walk.edges))
    }

    private struct Walk {
        let root: Value
        let schema: ObjectSchema
        var items: [DependencyGraph.Node] = []
        var edges: [DependencyGraph.Edge] = []
        var seenEdges = Set<DependencyGraph.EdgeIdentity>()
        /// Per target collection, its names and the kind of node they are: computed once.
        var declared: [ModelPath: [String: DependencyGraph.NodeKey]] = [:]

        init(root: Value, schema: ObjectSchema) {
            self.root = root
            self.schema = schema
        }

        /// `path` is where `value` is; `pattern` is the same with `[*]` for items, naming its collection.
        mutating func walk(_ value: Value, _ type: SchemaType, at path: ModelPath, pattern: ModelPath, holder: DependencyGraph.NodeKey?) {
            switch type {
            case .object(let objectSchema):
                guard let fields = value.object else { return }
                let evidence = fields[EnvironmentSchema.inferredField]?.object
                for field in objectSchema.fields {
                    guard let child = fields[field.name] else { continue }
                    if let reference = field.references, let holder, field.name != EnvironmentSchema.inferredField {
                        link(child, field: field, reference, at: path.field(field.name), holder: holder, evidence: evidence)
                    }
                    walk(child, field.type, at: path.field(field.name), pattern: pattern.field(field.name), holder: holder)
                }
                if let evidence, let holder, let field = objectSchema.field("dependencies"), let reference = field.references {
                    // Evidence for a name the dependencies do not list still says the edge exists.
                    let listed = Set((fields["dependencies"]?.list ?? []).compactMap(\.string))
                    for (name, text) in evidence where !listed.contains(name) {
                        add(name, reference, field: "dependencies", at: path.field("dependencies"), location: text.location,
                            holder: holder, evidence: text.string ?? "")
                    }
                }
            case .list(let element, .named(let key)):
                guard element.objectSchema != nil else { return }
                let kind = NodeKind.of(collection: pattern)
                for item in value.list ?? [] {
                    guard let name = item[key]?.string else { continue }
                    let node = DependencyGraph.Node(kind: kind, name: name, location: item[key]?.location ?? item.location)
                    items.append(node)
                    walk(item, element, at: path.item(name), pattern: pattern.appending(.anyItem), holder: node.key)
                }
            case .list(let element, _):
                guard element.objectSchema != nil else { return }
                for (index, item) in (value.list ?? []).enumerated() {
                    walk(item, element, at: path.index(index), pattern: pattern.appending(.anyItem), holder: holder)
                }
            case .map(let element):
                guard element.objectSchema != nil else { return }
                for (name, item) in value.object ?? Fields() {
                    walk(item, element, at: path.field(name), pattern: pattern.appending(.anyItem), holder: holder)
                }
            default:
                return
            }
        }

        /// The edges of one referring field: a name, a list of names, or a map keyed by names.
        private mutating func link(_ value: Value, field: FieldSchema, _ reference: Reference, at path: ModelPath,
                                   holder: DependencyGraph.NodeKey, evidence: Fields?) {
            var names: [(String, SourceLocation?)] = []
            switch field.type {
            case .string: if let name = value.string { names = [(name, value.location)] }
            case .list: names = (value.list ?? []).compactMap { item in item.string.map { ($0, item.location) } }
            case .map: names = (value.object ?? Fields()).map { ($0.name, $0.value.location) }
            default: return
            }
            for (name, location) in names {
                add(name, reference, field: field.name, at: path, location: location, holder: holder,
                    evidence: field.name == "dependencies" ? evidence?[name]?.string : nil)
            }
        }

        private mutating func add(_ name: String, _ reference: Reference, field: String, at path: ModelPath, location: SourceLocation?,
                                  holder: DependencyGraph.NodeKey, evidence: String?) {
            // Only names of items make edges: a region is a word, not an item with fields.
            guard let target = target(name, reference) else { return }
            let edge = DependencyGraph.Edge(from: holder, to: target, field: field, evidence: evidence, location: location, path: path)
            if seenEdges.insert(edge.identity).inserted { edges.append(edge) }
        }

        private mutating func target(_ name: String, _ reference: Reference) -> DependencyGraph.NodeKey? {
            for collection in reference.targets {
                if declared[collection] == nil {
                    var names: [String: DependencyGraph.NodeKey] = [:]
                    if case .list(_, .named)? = SchemaType.object(schema).type(at: collection) {
                        let kind = NodeKind.of(collection: collection)
                        for name in References.declaredNames(at: collection, in: root) where names[name] == nil {
                            names[name] = DependencyGraph.NodeKey(kind: kind, name: name)
                        }
                    }
                    declared[collection] = names
                }
                if let key = declared[collection]?[name] { return key }
            }
            return nil
        }
    }
}
