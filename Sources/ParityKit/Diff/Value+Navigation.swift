extension Value {
    /// The value one path step below this one: a field, a named item (or set member), a position.
    public func child(_ component: ModelPath.Component) -> Value? {
        switch component {
        case .field(let name):
            return object?[name]
        case .item(let name):
            // A map entry by key, as `value(at:)` reads it; canonical paths write it as a field.
            guard let items = list else { return object?[name] }
            return items.first { $0.name == name } ?? items.first { $0.identity == name }
        case .index(let position):
            guard let items = list, position < items.count else { return nil }
            return items[position]
        case .anyItem, .anyField:
            return nil
        }
    }
}

extension ModelPath {
    /// Every concrete path that `self` (wildcards allowed) names in `reference` or `mirror`,
    /// with the value each side holds there. Both trees are walked together, matching named
    /// items by name through a dictionary, so `services[*].replicas` is linear in the services.
    /// Unnamed items are keyed as the diff keys them: by the fields `identities` says identify them.
    func expanded(reference: Value, mirror: Value, identities: ItemIdentities = ItemIdentities(),
                  root: SchemaType = .object(EnvironmentSchema.root),
                  lookups: (reference: ItemLookup, mirror: ItemLookup) = (ItemLookup(), ItemLookup()),
                  pairs: ItemPairs = ItemPairs())
        -> [(path: ModelPath, reference: Value?, mirror: Value?)] {
        var results: [(path: ModelPath, reference: Value?, mirror: Value?)] = [(.root, reference, mirror)]
        for component in components {
            var next: [(path: ModelPath, reference: Value?, mirror: Value?)] = []
            for (path, left, right) in results {
                switch component {
                case .anyItem where left?.list == nil && right?.list == nil:
                    // Any entry of a map: its entries are fields in canonical paths.
                    var order = left?.object?.names ?? []
                    for name in right?.object?.names ?? [] where !order.contains(name) { order.append(name) }
                    for name in order { next.append((path.field(name), left?[name], right?[name])) }
                case .anyItem:
                    next += pairs.pairs(at: path) {
                        Self.paired(path, left, right, identities: identities, root: root, lookups: lookups)
                    }
                case .anyField:
                    var order = left?.object?.names ?? []
                    for name in right?.object?.names ?? [] where !order.contains(name) { order.append(name) }
                    for name in order { next.append((path.field(name), left?[name], right?[name])) }
                case .item(let key):
                    guard
                        let fields = Self.identifyingFields(
                            path, left, right, identities: identities, root: root, lookups: lookups)
                    else { fallthrough }
                    // The item by the fields that identify it; `fallthrough` reads it by name or position.
                    let pair = (
                        path.appending(component), left?.list?.first { $0.identity(by: fields) == key },
                        right?.list?.first { $0.identity(by: fields) == key }
                    )
                    if pair.1 != nil || pair.2 != nil { next.append(pair) }
                default:
                    let pair = (
                        path.appending(component),
                        left.flatMap { lookups.reference.child(of: $0, at: path, component) },
                        right.flatMap { lookups.mirror.child(of: $0, at: path, component) }
                    )
                    if pair.1 != nil || pair.2 != nil { next.append(pair) }
                }
            }
            results = next
        }
        return results
    }

    /// The items of the lists `left` and `right` at `path`, paired by key (a name, or the
    /// fields identifying unnamed items), in the reference's order, then the mirror's own.
    private static func paired(
        _ path: ModelPath, _ left: Value?, _ right: Value?, identities: ItemIdentities, root: SchemaType,
        lookups: (reference: ItemLookup, mirror: ItemLookup)
    ) -> [(path: ModelPath, reference: Value?, mirror: Value?)] {
        let fields = identifyingFields(path, left, right, identities: identities, root: root, lookups: lookups)
        var order: [String] = []
        var lefts: [String: Value] = [:], rights: [String: Value] = [:]
        // Sized once: a list of ten thousand services grew each table a dozen times.
        let counts = (left?.list?.count ?? 0, right?.list?.count ?? 0)
        order.reserveCapacity(max(counts.0, counts.1))
        lefts.reserveCapacity(counts.0)
        rights.reserveCapacity(counts.1)
        for item in left?.list ?? [] {
            let key = fields.map(item.identity(by:)) ?? item.name ?? item.identity
            if lefts.updateValue(item, forKey: key) == nil { order.append(key) }
        }
        for item in right?.list ?? [] {
            let key = fields.map(item.identity(by:)) ?? item.name ?? item.identity
            if rights.updateValue(item, forKey: key) == nil, lefts[key] == nil { order.append(key) }
        }
        return order.map { (path.item($0), lefts[$0], rights[$0]) }
    }

    /// The fields identifying the items of the lists at `path`, when they hold unnamed objects.
    private static func identifyingFields(
        _ path: ModelPath, _ left: Value?, _ right: Value?, identities: ItemIdentities,
        root: SchemaType, lookups: (reference: ItemLookup, mirror: ItemLookup)
    ) -> [String]? {
        // Asked once per list, not once per path into it.
        let unnamed = { (lookup: ItemLookup, value: Value?) in
            value?.list.map { lookup.hasUnnamedObjects($0, at: path) } ?? false
        }
        guard unnamed(lookups.reference, left) || unnamed(lookups.mirror, right) else { return nil }
        return identities.fields(at: path, in: root)
    }
}
