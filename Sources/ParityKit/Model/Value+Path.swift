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
    /// concrete path (`services[api].replicas`), in document order.
    public func values(matching pattern: ModelPath) -> [(path: ModelPath, value: Value)] {
        var matches: [(path: ModelPath, value: Value)] = [(ModelPath.root, self)]
        for component in pattern.components {
            var next: [(path: ModelPath, value: Value)] = []
            for (path, value) in matches {
                switch component {
                case .anyItem:
                    if let items = value.list {
                        for (position, item) in items.enumerated() {
                            next.append((path.appending(item.name.map(ModelPath.Component.item) ?? .index(position)), item))
                        }
                    } else if let entries = value.object {
                        // A map's entries: fields in canonical paths, as the diff writes them.
                        next += entries.map { (path.field($0.name), $0.value) }
                    }
                case .anyField:
                    next += (value.object ?? Fields()).map { (path.field($0.name), $0.value) }
                default:
                    if let found = value.value(at: ModelPath([component])) { next.append((path.appending(component), found)) }
                }
            }
            matches = next
        }
        return matches
    }
}
