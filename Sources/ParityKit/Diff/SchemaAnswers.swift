/// What the schema says of the paths one variance matches (a secret? of what type?), asked
/// once per shape of path: `services[*].replicas` matches thousands of paths that differ only
/// in item names, and walking the schema for each cost thousands of instructions.
struct SchemaAnswers {
    private let schema: ObjectSchema
    private var last: (path: ModelPath, secret: Bool, type: SchemaType?)?

    init(_ schema: ObjectSchema) {
        self.schema = schema
    }

    /// Whether the value at `path` is a secret, and its type (`field(at:)`, `type(at:)`).
    mutating func answers(at path: ModelPath) -> (secret: Bool, type: SchemaType?) {
        if let last, Self.sameShape(last.path, path) { return (last.secret, last.type) }
        let secret = schema.field(at: path)?.sensitive ?? false
        let type = SchemaType.object(schema).type(at: path)
        last = (path, secret, type)
        return (secret, type)
    }

    /// Whether the schema walks `a` and `b` alike: the same fields, and items (or positions)
    /// at the same steps, whatever their names. An item's name or a position never decides a
    /// type, but an item and a position do differ (a map entry can be named, not numbered).
    static func sameShape(_ a: ModelPath, _ b: ModelPath) -> Bool {
        guard a.components.count == b.components.count else { return false }
        for (x, y) in zip(a.components, b.components) {
            switch (x, y) {
            case (.item, .item), (.index, .index), (.anyItem, .anyItem), (.anyField, .anyField): continue
            case let (.field(left), .field(right)) where left == right: continue
            default: return false
            }
        }
        return true
    }
}
