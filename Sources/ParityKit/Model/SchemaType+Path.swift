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
