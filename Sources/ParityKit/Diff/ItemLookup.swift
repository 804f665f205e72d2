import Synchronization

/// Finds the items of named lists by name through a dictionary per list, built the first
/// time the list is searched: a thousand paths into one list of ten thousand services cost
/// one pass over it, not a thousand. One lookup serves one tree (a reference or a mirror),
/// and may be shared by threads (the variances of a pair are judged on every core).
final class ItemLookup: Sendable {
    private struct Tables {
        var names: [ModelPath: [String: Int]] = [:]
        var identities: [ModelPath: [String: Int]] = [:]
        var keys: [ModelPath: [String: Int]] = [:]
        var unnamed: [ModelPath: Bool] = [:]
    }

    /// Each table is built outside the lock: two threads asking for the same list at once
    /// both build it, and the second stores the same answer.
    private let tables = Mutex(Tables())

    /// Whether the list at `path` holds an object with no name (its items are then keyed by identity).
    func hasUnnamedObjects(_ items: [Value], at path: ModelPath) -> Bool {
        if let known = tables.withLock({ $0.unnamed[path] }) { return known }
        let found = items.contains { $0.object != nil && $0.name == nil }
        tables.withLock { $0.unnamed[path] = found }
        return found
    }

    /// `value.child(component)`, where `value` is the value at `path` of this lookup's tree.
    func child(of value: Value, at path: ModelPath, _ component: ModelPath.Component) -> Value? {
        guard case .item(let name) = component, let items = value.list else { return value.child(component) }
        if let position = positions(of: items, at: path, in: \.names, key: \.name)[name] { return items[position] }
        // As `child`: by name first, then by content identity (a set member).
        if let position = positions(of: items, at: path, in: \.identities, key: \.identity)[name] {
            return items[position]
        }
        return nil
    }

    /// `root.value(at: path)` for the root this lookup serves, each list searched through its dictionary.
    func value(in root: Value, at path: ModelPath) -> Value? {
        var current = root
        var here = ModelPath()
        for component in path.components {
            switch component {
            case .anyItem, .anyField: return nil
            case .item(let name) where current.list != nil:
                // As `value(at:)`: the first item named `name`, or a string item that is `name`.
                guard let items = current.list,
                    let position = positions(of: items, at: here, in: \.keys, key: { $0.name ?? $0.string })[name]
                else { return nil }
                current = items[position]
            default:
                guard let next = current.child(component) else { return nil }
                current = next
            }
            here = here.appending(component)
        }
        return current
    }

    /// Each key's first position in `items`, built once per list.
    private func positions(of items: [Value], at path: ModelPath, in table: WritableKeyPath<Tables, [ModelPath: [String: Int]]>,
                           key: (Value) -> String?) -> [String: Int] {
        if let known = tables.withLock({ $0[keyPath: table][path] }) { return known }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            if let name = key(item), positions[name] == nil { positions[name] = position }
        }
        tables.withLock { $0[keyPath: table][path] = positions }
        return positions
    }
}
