extension Value {
    /// The value one path step below this one: a field, a named item (or set member), a position.
    public func child(_ component: ModelPath.Component) -> Value? {
        switch component {
        case .field(let name):
            return object?[name]
        case .item(let name):
            guard let items = list else { return nil }
            return items.first { $0.name == name } ?? items.first { $0.identity == name }
        case .index(let position):
            guard let items = list, position < items.count else { return nil }
            return items[position]
        case .anyItem, .anyField:
            return nil
        }
    }

    /// The value at a concrete path.
    public func value(at path: ModelPath) -> Value? {
        var current: Value? = self
        for component in path.components { current = current?.child(component) }
        return current
    }

    /// The concrete steps a wildcard step stands for below this value.
    func children(matching component: ModelPath.Component) -> [ModelPath.Component] {
        switch component {
        case .anyItem:
            return list?.map { item in .item(item.name ?? item.identity) } ?? []
        case .anyField:
            return object?.names.map { .field($0) } ?? []
        default:
            return child(component) == nil ? [] : [component]
        }
    }
}

extension ModelPath {
    /// Every concrete path that `self` (wildcards allowed) names in any of `roots`.
    func expanded(in roots: [Value]) -> [ModelPath] {
        var results: [ModelPath] = []
        var seen = Set<ModelPath>()
        func walk(_ index: Int, _ prefix: ModelPath, _ values: [Value]) {
            guard index < components.count else {
                if seen.insert(prefix).inserted { results.append(prefix) }
                return
            }
            var steps: [ModelPath.Component] = []
            var stepSeen = Set<ModelPath.Component>()
            for value in values {
                for step in value.children(matching: components[index]) where stepSeen.insert(step).inserted { steps.append(step) }
            }
            for step in steps {
                walk(index + 1, prefix.appending(step), values.compactMap { $0.child(step) })
            }
        }
        walk(0, .root, roots)
        return results
    }

    /// Whether `self` is `other` or lies below it.
    func isWithin(_ other: ModelPath) -> Bool {
        other.components.count <= components.count && Array(components.prefix(other.components.count)) == other.components
    }
}
