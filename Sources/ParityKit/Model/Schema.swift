/// The shape of Parity's files: one description that drives decoding and its diagnostics,
/// the JSON Schema for editors, the types policies are checked against, and the diff's
/// notion of sets, named lists and secrets.
public indirect enum SchemaType: Sendable {
    case string
    case int
    case double
    case bool
    /// A string from a fixed set (`tier: production | staging | ...`).
    case enumeration([String])
    /// A duration written as `90d`, `12h`, `30m`, `45s` (or combinations, `1h30m`).
    case duration
    /// A calendar date, `2026-03-31`.
    case date
    case list(SchemaType, ListKind)
    /// A mapping from string keys to values of one type (labels, per-region overrides).
    case map(SchemaType)
    case object(ObjectSchema)
    /// Anything YAML can hold; decoded as written.
    case any
}

/// How the items of a list are matched between environments.
public enum ListKind: Sendable, Equatable {
    /// Position matters.
    case ordered
    /// Compared as a set of values (regions, ports, actions).
    case set
    /// Items are objects matched by the value of their `key` field (`name`, nearly always).
    case named(key: String)
    /// Items are unnamed objects matched by the values of these fields, read in paths joined
    /// by `/` (`ports[8443/grpc]`); a field holding a set reads as its sorted items joined by `,`.
    case identified(by: [String])
}

/// An object type: its fields, documented.
public final class ObjectSchema: Sendable {
    /// The type name policies see (`Service`, `Datastore`).
    public let name: String
    public let summary: String
    public let fields: [FieldSchema]
    /// Where each field sits in `fields`: decoding looks a field up for every key it reads.
    private let positions: [String: Int]

    public init(_ name: String, _ summary: String, fields: [FieldSchema]) {
        self.name = name
        self.summary = summary
        self.fields = fields
        var positions: [String: Int] = [:]
        for (position, field) in fields.enumerated() where positions[field.name] == nil {
            positions[field.name] = position
        }
        self.positions = positions
    }

    /// The field called `name`, if the type has one.
    public func field(_ name: String) -> FieldSchema? {
        positions[name].map { fields[$0] }
    }

    /// Where the field called `name` sits in `fields`, without copying the field.
    func position(of name: String) -> Int? {
        positions[name]
    }

    /// `position(of:)`, looked for first at `start` and the two after it by comparing names:
    /// objects mostly list their fields in the schema's order, and comparing a name costs a
    /// fraction of hashing it (every key of every environment is placed, by the decoder and the diff).
    func position(of name: String, near start: Int) -> Int? {
        if hasUniqueFieldNames {
            for position in start..<min(fields.count, start + 3) where fields[position].name == name { return position }
        }
        return positions[name]
    }

    /// Whether no two fields share a name, so a field's position identifies it.
    var hasUniqueFieldNames: Bool { positions.count == fields.count }
}

/// One field of an object type.
public struct FieldSchema: Sendable {
    public var name: String
    public var type: SchemaType
    public var summary: String
    public var required: Bool
    /// The value is a secret: never printed, only compared ("differs").
    public var sensitive: Bool
    /// The names this field holds must be declared elsewhere in the document (a dependency
    /// names a service); for a map, its keys must.
    public var references: Reference?
    /// The smallest number allowed, for numeric fields.
    public var minimum: Double?
    /// The largest number allowed, for numeric fields.
    public var maximum: Double?
    /// The shape a string field's text must have (a CIDR range), if any.
    public var format: StringFormat?

    public init(
        _ name: String, _ type: SchemaType, _ summary: String, required: Bool = false, sensitive: Bool = false,
        references: Reference? = nil, minimum: Double? = nil, maximum: Double? = nil, format: StringFormat? = nil
    ) {
        self.name = name
        self.type = type
        self.summary = summary
        self.required = required
        self.sensitive = sensitive
        self.references = references
        self.minimum = minimum
        self.maximum = maximum
        self.format = format
    }
}
