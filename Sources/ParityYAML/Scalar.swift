public import ParityDiagnostics

/// A scalar's source text, how it was written, and its value under the YAML 1.2 core schema.
public struct Scalar: Sendable, Hashable {
    /// How a scalar was written in the source.
    public enum Style: String, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A scalar's value under the YAML 1.2 core schema.
    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string

        /// "null", "a boolean", ... for messages.
        public var kindDescription: String {
            switch self {
            case .null: "null"
            case .bool: "a boolean"
            case .int: "an integer"
            case .float: "a number"
            case .string: "a string"
            }
        }
    }

    // `value` is declared before `style` so the one-byte style packs behind the value's
    // tag: the scalar is 26 bytes, not 33, and a scalar node is allocated in 112 bytes, not 128.

    /// The text exactly as written, after YAML's own unescaping and folding.
    public let text: String
    public let value: Value
    public let style: Style
    /// For a block scalar (`|`, `>`), the column its content lines start at, as the parser
    /// read them; 0 for other styles, whose content starts at or just after the node.
    public let contentIndent: UInt16

    public init(text: String, style: Style, value: Value, contentIndent: UInt16 = 0) {
        self.text = text
        self.style = style
        self.value = value
        self.contentIndent = contentIndent
    }

    /// Where the scalar's text starts, given where the node starts: after the quote of a
    /// quoted scalar, on the next line at the content's indentation for a block scalar.
    public func contentStart(at location: SourceLocation) -> SourceLocation {
        switch style {
        case .plain: location
        case .singleQuoted, .doubleQuoted:
            SourceLocation(file: location.fileKey, line: location.line, column: location.column + 1)
        case .literal, .folded:
            SourceLocation(file: location.fileKey, line: location.line + 1, column: Int(contentIndent) + 1)
        }
    }

    // The layout is where the text was written, not what it is.
    public static func == (a: Scalar, b: Scalar) -> Bool {
        a.text == b.text && a.value == b.value && a.style == b.style
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(value)
        hasher.combine(style)
    }
}
