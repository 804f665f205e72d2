/// A CEL value: what an expression evaluates to and what a host binds to variables.
public enum CELValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    case map(CELMap)
    /// A type as a value (`type(1)`, `int`).
    case type(CELType)
    case timestamp(CELTimestamp)
    case duration(CELDuration)
    /// A host object whose fields are computed on demand.
    case object(any CELObject)

    /// The runtime type of the value (`list` and `map` without parameters, as `type()` reports).
    public var type: CELType {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .list: return .list(.dyn)
        case .map: return .map(.dyn, .dyn)
        case .type: return .type(.dyn)
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .object(let object): return .object(object.celTypeName)
        }
    }

    /// The name of the value's runtime type, as messages show it.
    var typeName: String { type.runtimeName }

    /// A map value with string keys, for building bindings from Swift.
    public static func map(_ fields: [String: CELValue]) -> CELValue {
        .map(CELMap(fields))
    }
}

extension CELValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: CELValue...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }
}

extension CELValue: ExpressibleByDictionaryLiteral {
    /// A map literal; a repeated or unsupported key traps, as a Swift dictionary literal does.
    public init(dictionaryLiteral elements: (CELValue, CELValue)...) {
        do {
            self = .map(try CELMap(elements))
        } catch {
            preconditionFailure("invalid CEL map literal: \(error)")
        }
    }
}

extension CELValue: CustomStringConvertible {
    /// The value as a CEL literal.
    public var description: String { celLiteral }
}
