/// A span of a source file: where a value starts and the column just after it ends, 1-based,
/// as SARIF regions and GitHub annotations take them (columns count Unicode scalars).
public struct SourceRegion: Hashable, Sendable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    /// The column after the region's last character (exclusive).
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// Whether the character at `location` lies inside the region.
    public func contains(_ location: SourceLocation) -> Bool {
        let place = (location.line, location.column)
        return (startLine, startColumn) <= place && place < (endLine, endColumn)
    }
}

extension SourceStore {
    /// The region of the YAML value or key that starts at `location`, within its line: a flow
    /// collection to its closing bracket, a quoted scalar to its closing quote, a plain one
    /// to a flow separator or a comment. Falls back to one column when the text is unknown.
    public func region(at location: SourceLocation) -> SourceRegion? {
        guard location.line > 0 else { return nil }
        let start = max(location.column, 1)
        let fallback = SourceRegion(
            startLine: location.line, startColumn: start, endLine: location.line, endColumn: start + 1)
        // A value on a line past this long is given one column: finding its end means reading
        // the line from its start, which on a 60 MB line, for each of a thousand places, is no report.
        guard let bytes = lineBytes(location.line, of: location.file), bytes.count <= 16_384 else { return fallback }
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        guard start - 1 < scalars.count else { return fallback }
        let end = Self.valueEnd(scalars, from: start - 1)
        return SourceRegion(
            startLine: location.line, startColumn: start, endLine: location.line, endColumn: max(end, start) + 1)
    }

    /// The 0-based index after the value starting at `from` (so 1-based, its last column).
    static func valueEnd(_ scalars: [Unicode.Scalar], from: Int) -> Int {
        // Inside a flow collection opened earlier on the line, a plain scalar ends at `,`.
        var depth = 0
        var quote: Unicode.Scalar?
        for index in 0..<from {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "{" || scalar == "[" {
                depth += 1
            } else if scalar == "}" || scalar == "]" {
                depth = max(0, depth - 1)
            }
        }
        let inFlow = depth > 0
        var index = from
        var nesting = 0
        quote = nil
        var last = from
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                // `\"` inside double quotes and `''` inside single quotes do not close them.
                let escaped =
                    open == "\""
                    ? scalar == "\\" : scalar == "'" && index + 1 < scalars.count && scalars[index + 1] == "'"
                if escaped {
                    index += 2
                    continue
                }
                if scalar == open {
                    quote = nil
                    last = index + 1
                    if nesting == 0 { return last }
                }
                index += 1
                continue
            }
            switch scalar {
            case "\"", "'":
                quote = scalar
            case "{", "[":
                nesting += 1
            case "}", "]":
                if nesting == 0 { return last }
                nesting -= 1
                if nesting == 0 { return index + 1 }
            case ",":
                if nesting == 0, inFlow { return last }
            case "#":
                if index > from, scalars[index - 1] == " " || scalars[index - 1] == "\t", nesting == 0 { return last }
            default:
                break
            }
            if scalar != " ", scalar != "\t" { last = index + 1 }
            index += 1
        }
        return last
    }
}
