/// A place in the model, as people write it: `services[checkout-api].replicas`,
/// `datastores[*].encryption.atRest`, `regions[0]`.
///
/// List items that have a name are addressed by name, never by position.
public struct ModelPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case field(String)
        /// An item of a named list, by name.
        case item(String)
        /// An item of an ordered list or a set, by position.
        case index(Int)
        /// `[*]`: any item (in patterns only).
        case anyItem
        /// `*` as a field: any field (in patterns only).
        case anyField
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public static let root = ModelPath()

    public func appending(_ component: Component) -> ModelPath {
        // One allocation: `components + [component]` would build a one-element array first.
        var longer = components
        longer.append(component)
        return ModelPath(longer)
    }

    public func field(_ name: String) -> ModelPath { appending(.field(name)) }
    public func item(_ name: String) -> ModelPath { appending(.item(name)) }
    public func index(_ position: Int) -> ModelPath { appending(.index(position)) }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .field(let name): text += text.isEmpty ? name : ".\(name)"
            case .item(let name): text += "[\(name)]"
            case .index(let position): text += "[\(position)]"
            case .anyItem: text += "[*]"
            case .anyField: text += text.isEmpty ? "*" : ".*"
            }
        }
        return text
    }

    public static func < (a: ModelPath, b: ModelPath) -> Bool { a.sortKey < b.sortKey }

    /// Text that orders paths step by step, so `db` sorts before `db2` and `db.version`
    /// (a separator below every printable character between steps).
    public var sortKey: String {
        components.map { component in
            switch component {
            case .field(let name), .item(let name): name
            case .index(let position): String(repeating: "0", count: max(0, 10 - String(position).count)) + String(position)
            case .anyItem, .anyField: "*"
            }
        }.joined(separator: "\u{1}")
    }

    /// Parses `services[checkout-api].replicas`; nil when the text is not a path.
    public init?(parsing text: String) {
        var components: [Component] = []
        var rest = Substring(text)
        var expectField = true
        while !rest.isEmpty {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                guard !inside.isEmpty else { return nil }
                if inside == "*" {
                    components.append(.anyItem)
                } else if let position = Int(inside), position >= 0, inside.allSatisfy(\.isNumber) {
                    components.append(.index(position))
                } else {
                    components.append(.item(String(inside)))
                }
                rest = rest[rest.index(after: close)...]
                expectField = false
                continue
            }
            if !expectField {
                guard rest.first == "." else { return nil }
                rest = rest.dropFirst()
            }
            let name = rest.prefix { $0 != "." && $0 != "[" }
            guard !name.isEmpty else { return nil }
            components.append(name == "*" ? .anyField : .field(String(name)))
            rest = rest.dropFirst(name.count)
            expectField = false
        }
        guard !components.isEmpty else { return nil }
        self.components = components
    }

    /// Whether this concrete path is matched by `pattern` (wildcards allowed there), exactly
    /// or as a descendant (`services[api]` matches the path `services[api].replicas` when
    /// `prefix` is true).
    public func matches(_ pattern: ModelPath, prefix: Bool = false) -> Bool {
        guard prefix ? pattern.components.count <= components.count : pattern.components.count == components.count else { return false }
        for (want, have) in zip(pattern.components, components) {
            switch (want, have) {
            case (.anyItem, .item), (.anyItem, .index), (.anyField, .field): continue
            case let (a, b) where a == b: continue
            default: return false
            }
        }
        return true
    }
}
