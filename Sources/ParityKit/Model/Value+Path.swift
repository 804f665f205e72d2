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
                        next += entries.map { (path.item($0.name), $0.value) }
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

extension SchemaType {
    /// The type of the values at `path` (wildcards allowed); nil when the schema has no such place.
    public func type(at path: ModelPath) -> SchemaType? {
        var current = self
        for component in path.components {
            switch (component, current) {
            case (.field(let name), .object(let schema)):
                guard let field = schema.field(name) else { return nil }
                current = field.type
            case (.item, .list(let item, _)), (.index, .list(let item, _)), (.anyItem, .list(let item, _)),
                 (.item, .map(let item)), (.anyItem, .map(let item)):
                current = item
            case (_, .any):
                return .any
            default:
                return nil
            }
        }
        return current
    }
}

extension ObjectSchema {
    /// The field that declares the value at `path` (its last field component), for what
    /// the schema says of it: a secret, a set, a named list.
    public func field(at path: ModelPath) -> FieldSchema? {
        guard let last = path.components.lastIndex(where: { if case .field = $0 { true } else { false } }),
              case .field(let name) = path.components[last],
              case .object(let owner)? = SchemaType.object(self).type(at: ModelPath(Array(path.components[..<last])))
        else { return nil }
        return owner.field(name)
    }
}
