import ParityYAML

extension Value {
    /// A YAML node as written, under the YAML 1.2 core schema, with no schema applied.
    init(generic node: Node) {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: self.init(.null, at: node.location)
            case .bool(let flag): self.init(.bool(flag), at: node.location)
            case .int(let number): self.init(.int(number), at: node.location)
            case .float(let number): self.init(.double(number), at: node.location)
            case .string: self.init(.string(scalar.text), at: node.location)
            }
        case .sequence(let items):
            self.init(.list(items.map(Value.init(generic:))), at: node.location)
        case .mapping(let pairs):
            var fields = Fields()
            for pair in pairs { fields[pair.key.scalar?.text ?? pair.key.json] = Value(generic: pair.value) }
            self.init(.object(fields), at: node.location)
        }
    }
}
