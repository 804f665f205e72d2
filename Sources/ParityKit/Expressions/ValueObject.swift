public import ParityCEL
import Synchronization

/// A model value seen from CEL: fields are converted when an expression reads them, so
/// binding a 10,000-service environment costs nothing until a rule looks inside, and a
/// list or map read again (`env.rollback` for every datastore) is converted once.
public final class ValueObject: CELObject, Sendable {
    public let fields: Fields
    public let schema: ObjectSchema?
    // Converted fields worth keeping (`costly`), by name (evaluations may run concurrently).
    // A Mutex is held inline: an NSLock allocated with every object was a tenth of a rule's cost.
    private let converted = Mutex<[String: CELValue]>([:])

    public init(fields: Fields, schema: ObjectSchema?) {
        self.fields = fields
        self.schema = schema
    }

    public var celTypeName: String { schema.map { CELBinding.typeName($0) } ?? "map" }

    public func celField(_ name: String) -> CELValue? {
        // Kept conversions first: a field read again needs neither its value nor its schema found.
        if let kept = converted.withLock({ $0.isEmpty ? nil : $0[name] }) { return kept }
        guard let value = fields[name] else { return nil }
        // The field's type and secrecy read in place: copying its whole FieldSchema per read was not free.
        let position = schema?.position(of: name)
        let type = position.flatMap { schema?.fields[$0].type }
        if let position, schema?.fields[position].sensitive == true { return .string(Self.token(for: value)) }
        guard Self.costly(value, type) else { return CELBinding.celValue(value, type: type) }
        return converted.withLock { converted in
            if let cached = converted[name] { return cached }
            let result = CELBinding.celValue(value, type: type)
            converted[name] = result
            return result
        }
    }

    /// Whether converting `value` costs more than finding it converted, so it is kept. A list
    /// or map: `self.config.all(k, self.config[k] ...)` reads the map again for every key,
    /// which converted afresh is quadratic in its size. An object: the one kept keeps its own
    /// conversions. A duration or a date: parsed text. An item's object serves every rule over
    /// its collection, and the rules read the same fields (`self.rotation` in five of them).
    private static func costly(_ value: Value, _ type: SchemaType?) -> Bool {
        switch (value.content, type) {
        case (.list, _), (.object, _), (.string, .duration?), (.string, .date?): true
        default: false
        }
    }

    public func celHasField(_ name: String) -> Bool { fields[name] != nil }

    /// What a rule sees of a secret: an opaque token, equal for equal secrets within one run
    /// (Swift's hashing is seeded afresh in every process), so rules can compare secrets
    /// across environments while no output can carry one.
    static func token(for secret: Value) -> String {
        let digest = UInt64(bitPattern: Int64(secret.canonicalText.hashValue))
        return tokenPrefix + String(digest, radix: 16) + ">"
    }

    /// How every token starts.
    static let tokenPrefix = "<redacted:"

    public var celFieldNames: [String] { fields.names }
}
