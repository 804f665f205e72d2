import ParityDiagnostics
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

extension SchemaType {
    /// Why `path` names nothing in values of this type, or nil when it fits: the first step
    /// that does not, with the closest field name where one is near.
    public func problem(with path: ModelPath) -> String? {
        var current = self
        var walked = ModelPath.root
        for component in path.components {
            let here = walked.components.isEmpty ? "an environment" : "'\(walked)'"
            switch (component, current) {
            case (.field(let name), .object(let schema)):
                guard let field = schema.field(name) else {
                    return "\(here) has no field '\(name)'\(Suggestion.didYouMean(name, in: schema.fields.map(\.name)))"
                }
                current = field.type
            case (.field, .map(let item)), (.anyField, .map(let item)):
                current = item
            case (.anyField, .object):
                // Any field of an object: the fields differ in type, so checking stops here.
                return nil
            case (.item, .list(let item, _)), (.index, .list(let item, _)), (.anyItem, .list(let item, _)),
                 (.item, .map(let item)), (.anyItem, .map(let item)):
                current = item
            case (_, .any):
                return nil
            case (.item, _), (.index, _), (.anyItem, _):
                return "\(here) is not a list, so '\(ModelPath([component]))' cannot follow it"
            default:
                return "\(here) has no fields, so '\(ModelPath([component]))' cannot follow it"
            }
            walked = walked.appending(component)
        }
        return nil
    }
}
