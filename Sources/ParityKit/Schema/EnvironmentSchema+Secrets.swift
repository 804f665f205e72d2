extension EnvironmentSchema {
    /// The names of every sensitive field of an environment (`value`, `apiKey`): where the
    /// type of a value is not known, or a line of YAML is quoted before it could be decoded,
    /// a field of such a name is treated as a secret.
    public static let sensitiveFieldNames: Set<String> = {
        var names = Set<String>()
        var pending = [root]
        var seen = Set<String>()
        while let schema = pending.popLast() {
            guard seen.insert(schema.name).inserted else { continue }
            for field in schema.fields {
                if field.sensitive { names.insert(field.name) }
                pending += objects(in: field.type)
            }
        }
        return names
    }()

    private static func objects(in type: SchemaType) -> [ObjectSchema] {
        switch type {
        case .object(let schema): [schema]
        case .list(let element, _), .map(let element): objects(in: element)
        default: []
        }
    }
}
