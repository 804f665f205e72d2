extension Value {
    /// The value at `path`: fields by name, named items by their `name`, map entries by
    /// key, other items by position. Nil when there is none, or the path has wildcards.
    public func value(at path: ModelPath) -> Value? {
        var current = self
        for component in path.components {
            switch component {
            case .field(let name):
                guard let next = current[name] else { return nil }
                current = next
            case .item(let name):
                if let items = current.list {
                    guard let next = items.first(where: { $0.name == name || $0.string == name }) else { return nil }
                    current = next
                } else {
                    guard let next = current.object?[name] else { return nil }
                    current = next
                }
            case .index(let position):
                guard let items = current.list, items.indices.contains(position) else { return nil }
                current = items[position]
            case .anyItem, .anyField:
                return nil
            }
        }
        return current
    }

    /// Every value whose path matches `pattern` (`services[*].replicas`), with its
    /// concrete path (`services[api].replicas`), in document order. Unnamed items are at their
    /// identity where `identities` knows one for the lists of `root` (`ports[8443/grpc]`), else at their position.
    public func values(matching pattern: ModelPath, identities: ItemIdentities? = nil,
                       root: SchemaType = .object(EnvironmentSchema.root)) -> [(path: ModelPath, value: Value)] {
        var matches: [(path: ModelPath, value: Value)] = [(ModelPath.root, self)]
        for component in pattern.components {
            var next: [(path: ModelPath, value: Value)] = []
            for (path, value) in matches {
                switch component {
                case .anyItem:
                    if let items = value.list {
                        let fields = identities.flatMap { identities in
                            items.contains { $0.object != nil && $0.name == nil }
                                ? identities.fields(at: path, in: root) : nil
                        }
                        for (position, item) in items.enumerated() {
                            let step = fields.map { ModelPath.Component.item(item.identity(by: $0)) }
                            next.append(
                                (
                                    path.appending(step ?? item.name.map(ModelPath.Component.item) ?? .index(position)),
                                    item
                                ))
                        }
                    } else if let entries = value.object {
                        // A map's entries: fields in canonical paths, as the diff writes them.
                        next += entries.map { (path.field($0.name), $0.value) }
                    }
                case .anyField:
                    next += (value.object ?? Fields()).map { (path.field($0.name), $0.value) }
                default:
                    if let found = value.value(at: ModelPath([component])) {
                        next.append((path.appending(component), found))
                    }
                }
            }
            matches = next
        }
        return matches
    }
}
