public import ParityDiagnostics
import ParityYAML

extension EnvironmentSchema {
    /// The names of every sensitive field of an environment (`value`, `apiKey`): where the
    /// type of a value is not known, or a line of YAML is quoted before it could be decoded,
    /// a field of such a name is treated as a secret.
    public static let sensitiveFieldNames: Set<String> = Set(allFields.filter(\.sensitive).map(\.name))

    /// The name of every field of an environment, at any depth.
    public static let fieldNames: Set<String> = Set(allFields.map(\.name))

    /// Where the secrets of a file's `bytes` are written, as every quoted line and message
    /// hides them: the values of sensitive fields, and the keys after a multi-line secret
    /// that name no field, fallen out of its block (see `SecretRegions`).
    public static func secretRegions(in bytes: [UInt8]) -> [SourceRegion] {
        SecretRegions.find(in: bytes, keys: sensitiveFieldNames, fields: fieldNames)
    }

    private static let allFields: [FieldSchema] = {
        var fields: [FieldSchema] = []
        var pending = [root]
        var seen = Set<String>()
        while let schema = pending.popLast() {
            guard seen.insert(schema.name).inserted else { continue }
            for field in schema.fields {
                fields.append(field)
                pending += objects(in: field.type)
            }
        }
        return fields
    }()

    private static func objects(in type: SchemaType) -> [ObjectSchema] {
        switch type {
        case .object(let schema): [schema]
        case .list(let element, _), .map(let element): objects(in: element)
        default: []
        }
    }
}
