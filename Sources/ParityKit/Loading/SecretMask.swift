import ParityDiagnostics
import ParityYAML

/// Finds the secrets of documents that writers print as they are (`export --raw`,
/// `eval --input`): by the schema when the document is one Parity reads, and by the shape
/// of its fields wherever else an environment may stand (no header, a wrong apiVersion or
/// kind, an environment inside a PolicyTest fixture); and by the file's secret regions in
/// `sources`, for keys that are text fallen out of a multi-line secret.
enum SecretMask {
    /// The secret nodes of `root`; a key among them is left out with its value.
    static func secretNodes(of root: Node, sources: SourceStore? = nil) -> Set<ObjectIdentifier> {
        var found = Set<ObjectIdentifier>()
        if case (let kind?, _) = DocumentHeader.kind(of: root), let schema = kind.schema {
            found = Set(SchemaDecoder().decode(root, as: schema).secrets.map(ObjectIdentifier.init))
        }
        return found.union(byShape(root)).union(sources.map { hiddenKeys(of: root, in: $0) } ?? [])
    }

    /// The keys of `root` that start a secret region of their file (as `SecretRegions` finds
    /// text fallen out of a multi-line secret and read as a key), with everything in their values.
    private static func hiddenKeys(of root: Node, in sources: SourceStore) -> Set<ObjectIdentifier> {
        let file = root.location.file
        let starts = Set(sources.hiddenRegions(of: file).map { [$0.startLine, $0.startColumn] })
        guard !starts.isEmpty else { return [] }
        var found = Set<ObjectIdentifier>()
        var visited = Set<ObjectIdentifier>()
        var pending = [root]
        while let node = pending.popLast() {
            guard node.scalar == nil, visited.insert(ObjectIdentifier(node)).inserted else { continue }
            pending += node.sequence ?? []
            for pair in node.mapping ?? [] {
                if starts.contains([pair.key.location.line, pair.key.location.column]) {
                    found.formUnion(nodes(in: pair.key) + nodes(in: pair.value))
                } else {
                    pending.append(pair.value)
                }
            }
        }
        return found
    }

    /// For each field holding objects with secret fields (`credentials`), those fields' names (`value`).
    static let secretFieldsByHolder: [String: Set<String>] = {
        var holders: [String: Set<String>] = [:]
        var pending = [EnvironmentSchema.root]
        var seen = Set<String>()
        while let schema = pending.popLast() {
            guard seen.insert(schema.name).inserted else { continue }
            for field in schema.fields {
                guard let object = objectSchema(in: field.type) else { continue }
                let secrets = object.fields.filter(\.sensitive).map(\.name)
                if !secrets.isEmpty { holders[field.name, default: []].formUnion(secrets) }
                pending.append(object)
            }
        }
        return holders
    }()

    /// The values of secret fields of objects under a field that holds such objects
    /// (`credentials: [{value: ...}]`), at any depth, whatever the document's header.
    private static func byShape(_ root: Node) -> Set<ObjectIdentifier> {
        var found = Set<ObjectIdentifier>()
        var visited = Set<ObjectIdentifier>()
        var pending = [root]
        while let node = pending.popLast() {
            guard node.scalar == nil, visited.insert(ObjectIdentifier(node)).inserted else { continue }
            if let items = node.sequence {
                pending += items
                continue
            }
            for pair in node.mapping ?? [] {
                if let name = pair.key.scalar?.text, let secrets = secretFieldsByHolder[name] {
                    for holder in pair.value.sequence ?? [pair.value] {
                        for field in holder.mapping ?? [] where secrets.contains(field.key.scalar?.text ?? "") {
                            found.formUnion(nodes(in: field.value))
                        }
                    }
                }
                pending.append(pair.value)
            }
        }
        return found
    }

    /// `node` and everything inside it.
    private static func nodes(in node: Node) -> [ObjectIdentifier] {
        var out: [ObjectIdentifier] = []
        var pending = [node]
        while let next = pending.popLast() {
            out.append(ObjectIdentifier(next))
            pending += next.sequence ?? []
            for pair in next.mapping ?? [] { pending += [pair.key, pair.value] }
        }
        return out
    }

    private static func objectSchema(in type: SchemaType) -> ObjectSchema? {
        switch type {
        case .object(let schema): schema
        case .list(let element, _), .map(let element): objectSchema(in: element)
        default: nil
        }
    }
}
