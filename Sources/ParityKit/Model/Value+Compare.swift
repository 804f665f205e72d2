import ParityDiagnostics

extension Value {
    /// How many values this one holds, itself included: the size of an environment.
    public var size: Int {
        switch content {
        case .list(let items): items.reduce(1) { $0 + $1.size }
        case .object(let fields): fields.reduce(1) { $0 + $1.value.size }
        default: 1
        }
    }

    /// Canonical compact JSON (object keys sorted): the identity of a value in a set.
    public var canonicalText: String {
        var out: [UInt8] = []
        appendCanonical(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func appendCanonical(to out: inout [UInt8]) {
        switch content {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .int(let value): out += String(value).utf8
        case .double(let value):
            out += (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : JSONText.number(value)).utf8
        case .string(let value): JSONText.appendString(value, to: &out)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                item.appendCanonical(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (offset, name) in fields.names.sorted().enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendString(name, to: &out)
                out.append(UInt8(ascii: ":"))
                fields[name]?.appendCanonical(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A short human rendering for reports: scalars as written, collections in flow style,
    /// long renderings cut.
    public var displayText: String {
        let text: String
        switch content {
        case .string(let value): text = value
        case .null: text = "null"
        // JSON has no spelling for these, so the canonical text writes null; people read YAML's.
        case .double(let number) where number.isNaN: text = ".nan"
        case .double(let number) where number.isInfinite: text = number < 0 ? "-.inf" : ".inf"
        case .list(let items) where items.allSatisfy({ $0.name != nil }):
            text = "[" + items.compactMap(\.name).joined(separator: ", ") + "]"
        default: text = canonicalText
        }
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }

    /// The element identity of a set member or named item, as used in paths.
    var identity: String {
        if case .string(let value) = content { return value }
        return canonicalText
    }
}
