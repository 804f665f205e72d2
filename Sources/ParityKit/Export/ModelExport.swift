/// `parity export`: a resolved model as JSON, fields in the schema's order, secrets redacted.
public enum ModelExport {
    /// What a secret's value is replaced with.
    public static let redacted = "<redacted>"

    /// `value`, decoded as `type`, as JSON: object fields in schema order (fields the schema
    /// does not know after them, as written), map keys sorted, sensitive fields redacted.
    public static func json(_ value: Value, as type: SchemaType) -> JSONValue {
        switch (type, value.content) {
        case (.object(let schema), .object(let fields)):
            var pairs: [(String, JSONValue)] = []
            for field in schema.fields {
                guard let child = fields[field.name] else { continue }
                pairs.append((field.name, field.sensitive ? .string(redacted) : json(child, as: field.type)))
            }
            for (name, child) in fields where schema.field(name) == nil {
                pairs.append((name, json(child, as: .any)))
            }
            return .object(pairs)
        case (.map(let itemType), .object(let fields)):
            return .object(fields.map(\.name).sorted().map { ($0, json(fields[$0]!, as: itemType)) }) // names come from fields
        case (.list(let itemType, _), .list(let items)):
            return .array(items.map { json($0, as: itemType) })
        default:
            return plain(value)
        }
    }

    /// `value` as written, with no schema.
    static func plain(_ value: Value) -> JSONValue {
        switch value.content {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .list(let items): .array(items.map(plain))
        case .object(let fields): .object(fields.map { ($0.name, plain($0.value)) })
        }
    }
}
