import ParityYAML

extension Value {
    /// A YAML node as written, under the YAML 1.2 core schema, with no schema applied.
    init(generic node: Node) {
        switch node.content {
        case .scalar(let scalar):
            self.init(.generic(scalar), at: node.location)
        case .sequence(let items):
            self.init(.list(items.map(Value.init(generic:))), at: node.location)
        case .mapping(let pairs):
            var fields = Fields()
            for pair in pairs { fields[pair.key.scalar?.text ?? pair.key.json] = Value(generic: pair.value) }
            self.init(.object(fields), at: node.location)
        }
    }
}

extension Value.Content {
    /// A scalar's value under the YAML 1.2 core schema, with no schema applied.
    static func generic(_ scalar: Scalar) -> Value.Content {
        switch scalar.value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .float(let number): .double(number)
        case .string: .string(scalar.text)
        }
    }
}
