import ParityDiagnostics

/// What a path is in values of a schema type: the type it reaches, the path in canonical
/// steps, or the first step that does not fit.
public struct PathWalk: Sendable {
    /// The type at the end; nil where it cannot be told (any field of an object) or no fit.
    public var type: SchemaType?
    /// The path with one step per kind of place: a map entry is always a field step
    /// (`config.LOG_LEVEL`, however it was written), as the diff and the decoder produce it.
    public var canonical: ModelPath
    /// Why the path names nothing, with the closest field name where one is near.
    public var problem: String?
}

extension SchemaType {
    /// The one navigator of paths over the schema: `type(at:)`, `problem(with:)` and
    /// `ModelPath.canonical(in:)` all walk through it, so they agree on every step.
    public func walk(_ path: ModelPath) -> PathWalk {
        var current = self
        var walked = ModelPath.root
        for (position, component) in path.components.enumerated() {
            // Only a problem names the place: most walks fit, and printing a path is not free.
            var here: String { walked.components.isEmpty ? "an environment" : "'\(walked)'" }
            let rest = path.components[(position + 1)...]
            var step = component
            switch (component, current) {
            case (_, .any):
                return PathWalk(type: .any, canonical: ModelPath(walked.components + path.components[position...]))
            case (.field(let name), .object(let schema)):
                guard let field = schema.field(name) else {
                    let problem =
                        "\(here) has no field '\(name)'\(Suggestion.didYouMean(name, in: schema.fields.map(\.name)))"
                    return PathWalk(type: nil, canonical: path, problem: problem)
                }
                current = field.type
            case (.anyField, .object):
                // Any field of an object: the fields differ in type, so checking stops here.
                return PathWalk(type: nil, canonical: ModelPath(walked.components + [component] + rest))
            case (.field, .map(let item)), (.anyField, .map(let item)):
                current = item
            case (.item(let key), .map(let item)):
                step = .field(key)
                current = item
            case (.anyItem, .map(let item)):
                step = .anyField
                current = item
            case (.item, .list(let item, _)), (.index, .list(let item, _)), (.anyItem, .list(let item, _)):
                current = item
            case (.item, _), (.index, _), (.anyItem, _):
                let problem = "\(here) is not a list, so '\(ModelPath([component]))' cannot follow it"
                return PathWalk(type: nil, canonical: path, problem: problem)
            default:
                let problem = "\(here) has no fields, so '\(ModelPath([component]))' cannot follow it"
                return PathWalk(type: nil, canonical: path, problem: problem)
            }
            walked = walked.appending(step)
        }
        return PathWalk(type: current, canonical: walked)
    }

    /// The type of the values at `path` (wildcards allowed); nil when the schema has no such place.
    public func type(at path: ModelPath) -> SchemaType? {
        walk(path).type
    }

    /// Why `path` names nothing in values of this type, or nil when it fits: the first step
    /// that does not, with the closest field name where one is near.
    public func problem(with path: ModelPath) -> String? {
        walk(path).problem
    }
}

extension ModelPath {
    /// This path in canonical steps for values of `type` (`config[KEY]` is `config.KEY`).
    public func canonical(in type: SchemaType) -> ModelPath {
        type.walk(self).canonical
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
