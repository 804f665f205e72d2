import Foundation
public import ParityCEL

/// A model value seen from CEL: fields are converted when an expression reads them, so
/// binding a 10,000-service environment costs nothing until a rule looks inside, and a
/// list read again (`env.rollback` for every datastore) is converted once.
public final class ValueObject: CELObject, @unchecked Sendable {
    public let fields: Fields
    public let schema: ObjectSchema?
    // Converted lists, by field name; guarded by `lock` (evaluations may run concurrently).
    private var converted: [String: CELValue] = [:]
    private let lock = NSLock()

    public init(fields: Fields, schema: ObjectSchema?) {
        self.fields = fields
        self.schema = schema
    }

    public var celTypeName: String { schema.map { CELBinding.typeName($0) } ?? "map" }

    public func celField(_ name: String) -> CELValue? {
        guard let value = fields[name] else { return nil }
        let field = schema?.field(name)
        if field?.sensitive == true { return .string(Self.token(for: value)) }
        guard case .list(let items) = value.content, items.count > 8 else { return CELBinding.celValue(value, type: field?.type) }
        lock.lock()
        defer { lock.unlock() }
        if let cached = converted[name] { return cached }
        let result = CELBinding.celValue(value, type: field?.type)
        converted[name] = result
        return result
    }

    public func celHasField(_ name: String) -> Bool { fields[name] != nil }

    /// What a rule sees of a secret: an opaque token, equal for equal secrets within one run
    /// (Swift's hashing is seeded afresh in every process), so rules can compare secrets
    /// across environments while no output can carry one.
    static func token(for secret: Value) -> String {
        let digest = UInt64(bitPattern: Int64(secret.canonicalText.hashValue))
        return "<redacted:\(String(digest, radix: 16))>"
    }

    public var celFieldNames: [String] { fields.names }
}

/// Conversions between the model and CEL: values, and the types rules are checked against.
public enum CELBinding {
    /// `parity.Service` for the schema object `Service`.
    public static func typeName(_ schema: ObjectSchema) -> String { "parity.\(schema.name)" }

    /// The CEL value of a model value, shaped by its schema type where known: durations
    /// (`90d`) become CEL durations, dates become timestamps, integers in number fields doubles.
    public static func celValue(_ value: Value, type: SchemaType? = nil) -> CELValue {
        switch (value.content, type) {
        case (.null, _): return .null
        case (.bool(let flag), _): return .bool(flag)
        case (.int(let number), .double?): return .double(Double(number))
        case (.int(let number), _): return .int(Int64(number))
        case (.double(let number), _): return .double(number)
        case (.string(let text), .duration?):
            if let seconds = DurationText.seconds(text), let duration = try? CELDuration(seconds: Int64(seconds)) { return .duration(duration) }
            return .string(text)
        case (.string(let text), .date?):
            if let seconds = DateText.epochSeconds(text), let timestamp = try? CELTimestamp(seconds: seconds) { return .timestamp(timestamp) }
            return .string(text)
        case (.string(let text), _): return .string(text)
        case (.list(let items), _):
            let element: SchemaType? = if case .list(let type, _)? = type { type } else { nil }
            return .list(items.map { celValue($0, type: element) })
        case (.object(let fields), .map(let element)?):
            var map = CELMap()
            for field in fields { try? map.insert(.string(field.name), celValue(field.value, type: element)) }
            return .map(map)
        case (.object(let fields), .object(let schema)?):
            return .object(ValueObject(fields: fields, schema: schema))
        case (.object(let fields), _):
            return .object(ValueObject(fields: fields, schema: nil))
        }
    }

    /// The CEL type of a schema type.
    public static func celType(_ type: SchemaType) -> CELType {
        switch type {
        case .string, .enumeration: .string
        case .int: .int
        case .double: .double
        case .bool: .bool
        case .duration: .duration
        case .date: .timestamp
        case .list(let element, _): .list(celType(element))
        case .map(let element): .map(.string, celType(element))
        case .object(let schema): .object(typeName(schema))
        case .any: .dyn
        }
    }

    /// Declarations of every object type reachable from `root`, for the type checker.
    public static func declarations(for root: ObjectSchema, into declarations: CELDeclarations = CELDeclarations()) -> CELDeclarations {
        var declarations = declarations
        var pending = [root]
        var seen = Set<String>()
        while let schema = pending.popLast() {
            guard seen.insert(schema.name).inserted else { continue }
            var fields: [String: CELType] = [:]
            for field in schema.fields {
                fields[field.name] = celType(field.type)
                pending += objects(in: field.type)
            }
            declarations.declare(objectType: typeName(schema), fields: fields)
        }
        return declarations
    }

    private static func objects(in type: SchemaType) -> [ObjectSchema] {
        switch type {
        case .object(let schema): [schema]
        case .list(let element, _), .map(let element): objects(in: element)
        default: []
        }
    }
}
