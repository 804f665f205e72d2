public import ParityDiagnostics

/// Text made safe for an HTML page, and the pieces every Parity page is built from. Every
/// value that comes from a user's file goes through `escape`.
public enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` written as entities: safe in text and in
    /// quoted attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters other than tab and line breaks cannot appear in HTML text.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A fragment identifier made of letters, digits and `-` only, from any text.
    public static func anchor(_ parts: String...) -> String {
        var out = ""
        var dash = false
        for scalar in parts.joined(separator: "-").unicodeScalars {
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
                dash = false
            } else if !dash, !out.isEmpty {
                out += "-"
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.lowercased()
    }

    /// An SVG coordinate with at most one decimal, the same on every machine.
    static func coordinate(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }

    /// The band of a parity score, for colour; the number is always written beside it.
    public static func band(_ score: Double) -> String {
        switch score {
        case 1...: "full"
        case 0.95...: "good"
        case 0.8...: "fair"
        default: "poor"
        }
    }
}

/// Where the repository's files can be read on the web: `--link-base URL`.
public struct SourceLinks: Sendable {
    /// The URL a file path is appended to (`https://github.com/acme/envs/blob/main`).
    public var base: String?

    public init(base: String?) {
        self.base = base.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    /// `location` as HTML: a link to the file and line when there is a base, else the text.
    public func html(_ location: SourceLocation?) -> String {
        guard let location else { return "" }
        let text = "<code>" + HTML.escape(location.description) + "</code>"
        guard let base, !location.file.hasPrefix("/") else { return text }
        let file = location.file.hasPrefix("./") ? String(location.file.dropFirst(2)) : location.file
        let line = location.line > 0 ? "#L\(location.line)" : ""
        return "<a href=\"" + HTML.escape(base + "/" + Self.percentEncoded(file) + line) + "\">" + text + "</a>"
    }

    /// A path with everything but unreserved characters and `/` percent-encoded.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
