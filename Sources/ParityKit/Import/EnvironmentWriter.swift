/// Writes an imported environment as Environment YAML: block style, every string quoted,
/// and a comment on each value naming the source file and line it came from.
public struct EnvironmentWriter: Sendable {
    public init() {}

    /// One file: `header` comment lines, then the document.
    public func file(header: [String], sections: [(String, ImportedValue)]) -> String {
        var out = header.map { "# " + Self.commentSafe($0) + "\n" }.joined()
        out += "apiVersion: parity/v1\nkind: Environment\n"
        for (name, value) in sections { out += field(name, value, indent: 0) }
        return out
    }

    private func field(_ name: String, _ value: ImportedValue, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let key = Self.key(name)
        switch value.content {
        case .list(let items) where items.isEmpty:
            return "\(pad)\(key): []\(comment(value))\n"
        case .object(let fields) where fields.isEmpty:
            return "\(pad)\(key): {}\(comment(value))\n"
        case .list(let items):
            return "\(pad)\(key):\(comment(value))\n" + items.map { item($0, indent: indent + 2) }.joined()
        case .object(let fields):
            return "\(pad)\(key):\(comment(value))\n" + fields.map { field($0.0, $0.1, indent: indent + 2) }.joined()
        default:
            return "\(pad)\(key): \(Self.scalar(value))\(comment(value))\n"
        }
    }

    private func item(_ value: ImportedValue, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        switch value.content {
        case .object(let fields) where !fields.isEmpty:
            // The first field shares the dash's line; the others line up under it.
            let first = field(fields[0].0, fields[0].1, indent: indent + 2)
            let rest = fields.dropFirst().map { field($0.0, $0.1, indent: indent + 2) }.joined()
            return pad + "- " + first.dropFirst(indent + 2) + rest
        case .object:
            return "\(pad)- {}\(comment(value))\n"
        case .list(let items):
            return "\(pad)-\(comment(value))\n" + items.map { item($0, indent: indent + 2) }.joined()
        default:
            return "\(pad)- \(Self.scalar(value))\(comment(value))\n"
        }
    }

    private func comment(_ value: ImportedValue) -> String {
        let parts = [value.origin.map { "\($0.file):\($0.line)" }, value.note].compactMap { $0 }
        return parts.isEmpty ? "" : "  # " + Self.commentSafe(parts.joined(separator: "; "))
    }

    /// A scalar as YAML: strings double-quoted. Not `JSONText`: YAML's printable set is
    /// narrower than JSON's (DEL, C1 controls and a byte-order mark must be escaped too).
    static func scalar(_ value: ImportedValue) -> String {
        switch value.content {
        case .string(let text): quoted(text)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .list, .object: ""
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0xFEFF
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A mapping key: plain when it cannot read as anything but itself, else quoted.
    static func key(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) || "_-./".unicodeScalars.contains($0)
        }
        let first = name.unicodeScalars.first
        let startsWell = first.map { $0.properties.isAlphabetic && $0.isASCII || $0 == "_" } ?? false
        let special = ["true", "false", "null", "y", "n", "yes", "no", "on", "off"].contains(name.lowercased())
        return plain && startsWell && !special ? name : quoted(name)
    }

    /// Comment text on one line: a line break would end the comment and start YAML.
    static func commentSafe(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
