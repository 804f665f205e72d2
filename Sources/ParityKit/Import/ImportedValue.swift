public import ParityDiagnostics

/// A value an importer writes, with the place in the source it came from: the writer puts
/// that place in a comment beside it.
public struct ImportedValue: Sendable {
    public enum Content: Sendable {
        case string(String)
        case int(Int)
        case bool(Bool)
        case list([ImportedValue])
        case object([(String, ImportedValue)])
    }

    public var content: Content
    /// Where the value was read; nil for a value the importer supplied.
    public var origin: SourceLocation?
    /// Why the value is what it is, when the source alone does not say (inferred, a default).
    public var note: String?

    public init(_ content: Content, from origin: SourceLocation?, note: String? = nil) {
        self.content = content
        self.origin = origin
        self.note = note
    }

    public static func string(_ text: String, from origin: SourceLocation?, note: String? = nil) -> ImportedValue {
        ImportedValue(.string(text), from: origin, note: note)
    }

    public static func int(_ number: Int, from origin: SourceLocation?, note: String? = nil) -> ImportedValue {
        ImportedValue(.int(number), from: origin, note: note)
    }

    public static func bool(_ flag: Bool, from origin: SourceLocation?, note: String? = nil) -> ImportedValue {
        ImportedValue(.bool(flag), from: origin, note: note)
    }

    /// The field `name` of an object.
    public subscript(name: String) -> ImportedValue? {
        guard case .object(let fields) = content else { return nil }
        return fields.first { $0.0 == name }?.1
    }

    public var text: String? {
        if case .string(let text) = content { return text }
        return nil
    }
}

/// An object being assembled field by field, in the schema's order of writing.
public struct ImportedObject: Sendable {
    public private(set) var fields: [(String, ImportedValue)] = []
    public var origin: SourceLocation?

    public init(from origin: SourceLocation?) {
        self.origin = origin
    }

    /// Sets `name`, replacing an earlier value; nil leaves the object as it is.
    public mutating func set(_ name: String, _ value: ImportedValue?) {
        guard let value else { return }
        if let index = fields.firstIndex(where: { $0.0 == name }) {
            fields[index].1 = value
        } else {
            fields.append((name, value))
        }
    }

    public subscript(name: String) -> ImportedValue? {
        fields.first { $0.0 == name }?.1
    }

    public var value: ImportedValue { ImportedValue(.object(fields), from: origin) }

    /// The object with its fields in `schema`'s order, whatever order they were found in.
    public func ordered(as schema: ObjectSchema) -> ImportedValue {
        let rank = Dictionary(
            schema.fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = fields.enumerated().sorted {
            (rank[$0.element.0] ?? .max, $0.offset) < (rank[$1.element.0] ?? .max, $1.offset)
        }
        return ImportedValue(.object(sorted.map(\.element)), from: origin)
    }
}
