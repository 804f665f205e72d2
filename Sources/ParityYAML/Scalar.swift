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

    public init(text: String, style: Style, value: Value) {
        self.text = text
        self.style = style
        self.value = value
    }
}
