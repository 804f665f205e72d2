extension Value {
    /// Whether two values hold the same content, wherever they were written.
    ///
    /// Object fields compare by name, in any order; lists compare in order.
    public func sameContent(as other: Value) -> Bool {
        switch (content, other.content) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): return a == b
        case let (.list(a), .list(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameContent(as: $1) }
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            for (name, value) in a {
                guard let theirs = b[name], value.sameContent(as: theirs) else { return false }
            }
            return true
        default: return false
        }
    }
}
