import Foundation
public import ParityCEL

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
            if let seconds = DurationText.seconds(text), let duration = try? CELDuration(seconds: Int64(seconds)) {
                return .duration(duration)
            }
            return .string(text)
        case (.string(let text), .date?):
            if let seconds = DateText.epochSeconds(text), let timestamp = try? CELTimestamp(seconds: seconds) {
                return .timestamp(timestamp)
            }
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
    public static func declarations(for root: ObjectSchema, into declarations: CELDeclarations = CELDeclarations())
        -> CELDeclarations
    {
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
