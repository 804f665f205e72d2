import ParityDiagnostics

/// A JSON value to print: objects keep the order their keys were added in, so output is
/// stable and reads in the order the schema documents.
public indirect enum JSONTree: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONTree])
    case object([(String, JSONTree)])

    /// The text, indented by two spaces per level, ending in a newline.
    public var pretty: String {
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .int(let number): out += String(number).utf8
        case .double(let number): out += JSONText.number(number).utf8
        case .string(let text): JSONText.appendString(text, to: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out += "[".utf8
            for (position, item) in items.enumerated() {
                out += (position == 0 ? "\n" : ",\n").utf8
                out += repeatElement(0x20, count: indent + 2)
                item.write(to: &out, indent: indent + 2)
            }
            out.append(0x0A)
            out += repeatElement(0x20, count: indent)
            out += "]".utf8
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}".utf8; return }
            out += "{".utf8
            for (position, (key, value)) in pairs.enumerated() {
                out += (position == 0 ? "\n" : ",\n").utf8
                out += repeatElement(0x20, count: indent + 2)
                JSONText.appendString(key, to: &out)
                out += ": ".utf8
                value.write(to: &out, indent: indent + 2)
            }
            out.append(0x0A)
            out += repeatElement(0x20, count: indent)
            out += "}".utf8
        }
    }
}
