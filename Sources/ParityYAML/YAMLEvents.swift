internal import CYAML
public import ParityDiagnostics

/// One event of a YAML stream, for a reader that builds its values straight from the parser
/// instead of from a node tree (`Node`), where the tree would only be a stepping stone.
public struct YAMLEvent: Sendable {
    public enum Kind: Sendable {
        case documentStart, documentEnd
        case scalar, alias
        case sequenceStart, sequenceEnd
        case mappingStart, mappingEnd
        case streamEnd
    }

    public var kind: Kind
    /// Where the event starts: a node's tag or anchor if it has one, else its first
    /// character, as `Node.location` says.
    public var location: SourceLocation
    /// The anchor a scalar or collection defines, or the one an alias names.
    public var anchor: String?
    /// Whether a tag was written on the node. A tagged scalar's value is read as if it had
    /// none: a reader that takes tags into account reads the tree, where they are checked.
    public var isTagged: Bool
    /// A scalar's text, style and value under the core schema.
    public var scalar: Scalar?

    public init(
        _ kind: Kind, at location: SourceLocation, anchor: String? = nil, isTagged: Bool = false, scalar: Scalar? = nil
    ) {
        self.kind = kind
        self.location = location
        self.anchor = anchor
        self.isTagged = isTagged
        self.scalar = scalar
    }

    /// Whether the event starts a node: a scalar, a sequence or a mapping (an alias stands for one).
    public var startsNode: Bool {
        switch kind {
        case .scalar, .sequenceStart, .mappingStart: true
        default: false
        }
    }
}

/// libyaml's events over a buffer, one at a time. Nothing is checked beyond what libyaml
/// checks (no limits, no tags): a reader that finds anything out of the ordinary reads the
/// same bytes again with `YAMLLoader`, which reports it.
public final class YAMLEventReader {
    private let events: EventParser
    /// Each long text once, however often the file repeats it.
    private var texts = TextTable()

    fileprivate init(_ events: EventParser) {
        self.events = events
    }

    /// The next event after the stream's start; nil where libyaml rejects the text.
    public func next() -> YAMLEvent? {
        while true {
            guard let type = try? events.next() else { return nil }
            let event = events.event.pointee
            let location = events.location(event.start_mark)
            switch type {
            case YAML_STREAM_END_EVENT: return YAMLEvent(.streamEnd, at: location)
            case YAML_DOCUMENT_START_EVENT: return YAMLEvent(.documentStart, at: location)
            case YAML_DOCUMENT_END_EVENT: return YAMLEvent(.documentEnd, at: location)
            case YAML_ALIAS_EVENT: return YAMLEvent(.alias, at: location, anchor: Self.string(event.data.alias.anchor))
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                return YAMLEvent(
                    .sequenceStart, at: location, anchor: Self.string(start.anchor), isTagged: start.tag != nil)
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                return YAMLEvent(
                    .mappingStart, at: location, anchor: Self.string(start.anchor), isTagged: start.tag != nil)
            case YAML_SEQUENCE_END_EVENT: return YAMLEvent(.sequenceEnd, at: location)
            case YAML_MAPPING_END_EVENT: return YAMLEvent(.mappingEnd, at: location)
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
                let style = Scalar.Style(data.style)
                let indent =
                    style == .literal || style == .folded ? events.blockIndent(after: Int(event.start_mark.index)) : 0
                let scalar = Scalar(
                    text: texts.text(bytes), style: style,
                    value: style == .plain ? CoreSchema.resolve(bytes) : .string, contentIndent: indent)
                return YAMLEvent(
                    .scalar, at: location, anchor: Self.string(data.anchor), isTagged: data.tag != nil, scalar: scalar)
            default:
                continue  // the stream's start
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

extension Scalar.Style {
    init(_ style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}

public enum YAMLEvents {
    /// `body`'s result over the events of `bytes`, read from `file`. The reader is valid only
    /// inside `body`: it reads the bytes in place.
    public static func read<Result>(_ bytes: [UInt8], file: String, _ body: (YAMLEventReader) -> Result) -> Result {
        EventParser.reading(bytes, file: file) { body(YAMLEventReader($0)) }
    }
}
