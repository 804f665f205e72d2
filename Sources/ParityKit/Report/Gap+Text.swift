/// How reports show a gap's two sides: secrets redacted, collections rendered through the
/// schema so a secret inside a whole missing item stays redacted, long values cut.
extension Gap {
    /// The reference side as reports show it: redacted when sensitive.
    public var referenceText: String? { reference.map(text) }
    /// The mirror side as reports show it: redacted when sensitive.
    public var mirrorText: String? { mirror.map(text) }

    /// One side as text: redacted when secret, and collections rendered through the schema
    /// so a secret inside a whole missing item is redacted too.
    private func text(_ value: Value) -> String {
        if sensitive { return ModelExport.redacted }
        guard value.object != nil || value.list != nil else { return value.displayText }
        if let items = value.list, items.allSatisfy({ $0.name != nil }) { return value.displayText }
        let rendered = (type.map { ModelExport.json(value, as: $0) } ?? Self.redactingByName(value)).compact
        return rendered.count > 80 ? String(rendered.prefix(77)) + "..." : rendered
    }

    static func redactingByName(_ value: Value) -> JSONValue {
        switch value.content {
        case .list(let items): return .array(items.map(redactingByName))
        case .object(let fields):
            return .object(
                fields.map {
                    (
                        $0.name,
                        EnvironmentSchema.sensitiveFieldNames.contains($0.name)
                            ? .string(ModelExport.redacted) : redactingByName($0.value)
                    )
                })
        default: return ModelExport.json(value, as: .any)
        }
    }
}
