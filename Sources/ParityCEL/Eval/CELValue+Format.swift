/// Renderings of values: as CEL literals (`parity eval --format cel`) and as JSON.
extension CELValue {
    /// The value as a CEL literal that keeps its type: `1`, `1u`, `1.0`, `"text"`, `b"\xff"`,
    /// `[1, 2]`, `{"a": 1}`, `int`, `double("NaN")`, `timestamp("...")`, `duration("...")`.
    public var celLiteral: String {
        var out = ""
        writeLiteral(to: &out)
        return out
    }

    private func writeLiteral(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .uint(let u): out += String(u) + "u"
        case .double(let d): out += Self.doubleLiteral(d)
        case .string(let s): Self.writeQuoted(s, to: &out)
        case .bytes(let bytes):
            out += "b\""
            for byte in bytes {
                switch byte {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
                default: out += "\\x" + Self.hex(UInt32(byte), width: 2)
                }
            }
            out += "\""
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.writeLiteral(to: &out)
            }
            out += "]"
        case .map(let map):
            Self.writeEntries(map.entries.map { ($0.key, $0.value) }, to: &out)
        case .object(let object as any CELScalarObject): out += object.celLiteral
        case .object(let object):
            Self.writeEntries(
                object.celFieldNames.compactMap { name in object.celField(name).map { (.string(name), $0) } }, to: &out)
        case .type(let type): out += type.runtimeName
        case .timestamp(let t): out += "timestamp(\"\(t.rfc3339)\")"
        case .duration(let d): out += "duration(\"\(d.text)\")"
        }
    }

    private static func writeEntries(_ entries: [(CELValue, CELValue)], to out: inout String) {
        out += "{"
        for (i, (key, value)) in entries.enumerated() {
            if i > 0 { out += ", " }
            key.writeLiteral(to: &out)
            out += ": "
            value.writeLiteral(to: &out)
        }
        out += "}"
    }

    /// A double as a literal that reads back as a double: always with `.` or an exponent.
    static func doubleLiteral(_ d: Double) -> String {
        if d.isNaN { return "double(\"NaN\")" }
        if d.isInfinite { return d < 0 ? "double(\"-Infinity\")" : "double(\"Infinity\")" }
        let text = d.description
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    private static func writeQuoted(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The value as JSON: bytes as base64, timestamps and durations as strings, NaN and
    /// infinities as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`, types as their names.
    public var json: String {
        var out = ""
        writeJSON(to: &out)
        return out
    }

    private func writeJSON(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .uint(let u): out += String(u)
        case .double(let d):
            if d.isNaN {
                out += "\"NaN\""
            } else if d.isInfinite {
                out += d < 0 ? "\"-Infinity\"" : "\"Infinity\""
            } else {
                out += d.description
            }
        case .string(let s): Self.writeJSONString(s, to: &out)
        case .bytes(let bytes): Self.writeJSONString(Base64.encode(bytes), to: &out)
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.writeJSON(to: &out)
            }
            out += "]"
        case .map(let map):
            Self.writeJSONObject(map.entries.map { ($0.key.jsonKey, $0.value) }, to: &out)
        case .object(let object as any CELScalarObject): Self.writeJSONString(object.celText, to: &out)
        case .object(let object):
            Self.writeJSONObject(
                object.celFieldNames.compactMap { name in object.celField(name).map { (name, $0) } }, to: &out)
        case .type(let type): Self.writeJSONString(type.runtimeName, to: &out)
        case .timestamp(let t): Self.writeJSONString(t.rfc3339, to: &out)
        case .duration(let d): Self.writeJSONString(d.text, to: &out)
        }
    }

    private var jsonKey: String {
        if case .string(let s) = self { return s }
        return celLiteral
    }

    private static func writeJSONObject(_ entries: [(String, CELValue)], to out: inout String) {
        out += "{"
        for (i, (key, value)) in entries.enumerated() {
            if i > 0 { out += "," }
            writeJSONString(key, to: &out)
            out += ":"
            value.writeJSON(to: &out)
        }
        out += "}"
    }

    private static func writeJSONString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// Base64 without Foundation's Data round trip.
enum Base64 {
    private static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".unicodeScalars)

    static func encode(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i]), b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.unicodeScalars.append(alphabet[Int(n >> 18 & 63)])
            out.unicodeScalars.append(alphabet[Int(n >> 12 & 63)])
            out += i + 1 < bytes.count ? String(alphabet[Int(n >> 6 & 63)]) : "="
            out += i + 2 < bytes.count ? String(alphabet[Int(n & 63)]) : "="
            i += 3
        }
        return out
    }
}
