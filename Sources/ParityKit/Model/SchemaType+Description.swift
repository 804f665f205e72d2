extension SchemaType {
    /// What a value of this type is, for messages: "an integer", "a duration such as 90d".
    public var expectation: String {
        switch self {
        case .string: "a string"
        case .int: "an integer"
        case .double: "a number"
        case .bool: "a boolean"
        case .enumeration(let cases): "one of " + cases.joined(separator: ", ")
        case .duration: "a duration such as 90d, 12h or 1h30m"
        case .date: "a date such as 2026-03-31"
        case .list: "a list"
        case .map, .object: "a mapping"
        case .any: "any value"
        }
    }

    /// The object schema of this type, or of the items of this list or map.
    public var objectSchema: ObjectSchema? {
        switch self {
        case .object(let schema): schema
        case .list(let item, _), .map(let item): item.objectSchema
        default: nil
        }
    }
}

extension ObjectSchema {
    /// The type name as words, for messages: `FeatureFlag` reads "feature flag".
    public var noun: String {
        var words = ""
        for character in name {
            if character.isUppercase, !words.isEmpty { words.append(" ") }
            words.append(contentsOf: character.lowercased())
        }
        return words
    }
}
