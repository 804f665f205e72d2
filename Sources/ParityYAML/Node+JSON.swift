import ParityDiagnostics

extension Node {
    /// The node as JSON text, tags dropped, as the YAML test suite's `in.json` shows data.
    public var json: String {
        var out: [UInt8] = []
        appendJSON(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the node as compact JSON. The composer bounds depth and alias expansion,
    /// so this walk is bounded too. Nodes in `redacting` (secrets) are written as `redaction`.
    public func appendJSON(
        to out: inout [UInt8], redacting: Set<ObjectIdentifier> = [], redaction: String = "<redacted>"
    ) {
        if !redacting.isEmpty, redacting.contains(ObjectIdentifier(self)) {
            JSONText.appendString(redaction, to: &out)
            return
        }
        switch content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: out.append(contentsOf: "null".utf8)
            case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
            case .int(let value): out.append(contentsOf: String(value).utf8)
            case .float(let value): out.append(contentsOf: JSONText.number(value).utf8)
            case .string: JSONText.appendString(scalar.text, to: &out)
            }
        case .sequence(let items):
            out.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                item.appendJSON(to: &out, redacting: redacting, redaction: redaction)
            }
            out.append(UInt8(ascii: "]"))
        case .mapping(let pairs):
            out.append(UInt8(ascii: "{"))
            var first = true
            // A redacted key is a secret's own text: it is left out, with its value.
            for pair in pairs where redacting.isEmpty || !redacting.contains(ObjectIdentifier(pair.key)) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONText.appendString(pair.key.jsonKey, to: &out)
                out.append(UInt8(ascii: ":"))
                pair.value.appendJSON(to: &out, redacting: redacting, redaction: redaction)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// JSON keys are strings: a scalar key keeps its text (null becomes ""), others their JSON.
    private var jsonKey: String {
        guard let scalar else { return json }
        return scalar.value == .null ? "" : scalar.text
    }
}
