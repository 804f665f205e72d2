extension Value {
    /// This value as variance rules see it: a secret (or each secret field inside, found
    /// through `type`) replaced by the opaque per-run token rules see, so no pattern,
    /// predicate or message can read a secret, while equal secrets still compare equal.
    func tokenizingSecrets(secret: Bool, type: SchemaType?) -> Value {
        if secret { return Value(.string(ValueObject.token(for: self)), at: location) }
        switch (content, type) {
        case (.list(let items), .list(let element, _)?):
            return Value(.list(items.map { $0.tokenizingSecrets(secret: false, type: element) }), at: location)
        case (.object(let fields), .object(let schema)?):
            let tokenized = fields.map { field -> (String, Value) in
                let schemaField = schema.field(field.name)
                return (
                    field.name,
                    field.value.tokenizingSecrets(secret: schemaField?.sensitive ?? false, type: schemaField?.type)
                )
            }
            return Value(.object(Fields(tokenized)), at: location)
        case (.object(let fields), .map(let element)?):
            return Value(
                .object(Fields(fields.map { ($0.name, $0.value.tokenizingSecrets(secret: false, type: element)) })),
                at: location)
        default:
            return self
        }
    }

    /// Whether `tokenizingSecrets` would change anything: a token stands somewhere in it.
    static func holdsToken(_ value: Value?) -> Bool {
        guard let value else { return false }
        switch value.content {
        case .string(let text): return text.hasPrefix(ValueObject.tokenPrefix)
        case .list(let items): return items.contains { holdsToken($0) }
        case .object(let fields): return fields.contains { holdsToken($0.value) }
        default: return false
        }
    }
}
