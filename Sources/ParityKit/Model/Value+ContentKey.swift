extension Value {
    /// A text equal for two values exactly when `sameContent(as:)` holds, to find equal
    /// values by hashing rather than by comparing every pair.
    public var contentKey: String {
        var key = ""
        appendKey(to: &key)
        return key
    }

    private func appendKey(to key: inout String) {
        switch content {
        case .null: key += "n"
        case .bool(let flag): key += flag ? "t" : "f"
        case .int(let number): key += "i\(number);"
        case .double(let number): key += number.isNaN ? "dnan;" : "d\(number);"
        case .string(let text): key += "s\(text.utf8.count):\(text)"
        case .list(let items):
            key += "[\(items.count):"
            for item in items { item.appendKey(to: &key) }
        case .object(let fields):
            key += "{\(fields.count):"
            // Field order does not matter to sameContent(as:), so neither does it here.
            for name in fields.names.sorted() {
                key += "\(name.utf8.count):\(name)"
                fields[name]?.appendKey(to: &key)
            }
        }
    }
}
