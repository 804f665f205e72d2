import ParityDiagnostics

/// JSON built by reporters: objects keep the order fields were added, so output is stable.
public indirect enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An array whose items are made as they are written, one at a time and dropped after:
    /// a report's hundred thousand gaps are never all held as JSON at once.
    case items(count: Int, item: @Sendable (Int) -> JSONValue)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// `value` as JSON, or null when nil.
    public static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// Compact JSON text.
    public var compact: String { render(indent: nil) }

    /// JSON text indented by two spaces, ending in a newline.
    public var pretty: String { render(indent: "") + "\n" }

    private func render(indent: String?) -> String {
        var out: [UInt8] = []
        append(to: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    private func append(to out: inout [UInt8], indent: String?) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .int(let value): out += String(value).utf8
        case .double(let value): out += JSONText.number(value).utf8
        case .string(let value): JSONText.appendString(value, to: &out)
        case .array(let items):
            appendContainer("[", "]", items.count, to: &out, indent: indent) { index, out, inner in
                items[index].append(to: &out, indent: inner)
            }
        case .items(let count, let item):
            // A long array (a drifted pair's gaps) is written in runs on every core, each
            // into bytes of its own, joined in order.
            appendContainer("[", "]", count, to: &out, indent: indent, spread: count >= Self.spreadFrom) {
                index, out, inner in item(index).append(to: &out, indent: inner)
            }
        case .object(let fields):
            appendContainer("{", "}", fields.count, to: &out, indent: indent) { index, out, inner in
                JSONText.appendString(fields[index].0, to: &out)
                out += (inner == nil ? ":" : ": ").utf8
                fields[index].1.append(to: &out, indent: inner)
            }
        }
    }

    /// How long an array of `items` must be to be written on every core, and how many items a run holds.
    private static let spreadFrom = 4096, itemsPerRun = 1024

    private func appendContainer(_ open: String, _ close: String, _ count: Int, to out: inout [UInt8], indent: String?,
                                 spread: Bool = false, element: @Sendable (Int, inout [UInt8], String?) -> Void) {
        out += open.utf8
        guard count > 0 else {
            out += close.utf8
            return
        }
        let inner = indent.map { $0 + "  " }
        if spread {
            let written = Parallel.map(runsOf: Self.itemsPerRun, in: count) { range in
                var bytes: [UInt8] = []
                Self.appendElements(range, to: &bytes, inner: inner, element: element)
                return bytes
            }
            for bytes in written { out += bytes }
        } else {
            Self.appendElements(0..<count, to: &out, inner: inner, element: element)
        }
        if let indent { out += ("\n" + indent).utf8 }
        out += close.utf8
    }

    /// The elements at `range` of a container, each after a comma (but the first of all) and,
    /// when indented, a new line.
    private static func appendElements(
        _ range: Range<Int>, to out: inout [UInt8], inner: String?, element: (Int, inout [UInt8], String?) -> Void
    ) {
        for index in range {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if let inner { out += ("\n" + inner).utf8 }
            element(index, &out, inner)
        }
    }
}
