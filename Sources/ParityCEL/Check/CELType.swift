/// A CEL type, as declared by the host, inferred by the checker, or held by a type value.
public indirect enum CELType: Sendable, Hashable, CustomStringConvertible {
    /// Any type; checks nothing and passes everywhere.
    case dyn
    case null
    case bool
    case int
    case uint
    case double
    case string
    case bytes
    case timestamp
    case duration
    case list(CELType)
    case map(CELType, CELType)
    /// A host object type declared with named fields (`parity.Service`).
    case object(String)
    /// The type of a type value (`type(int)` for the expression `int`).
    case type(CELType)
    /// A type parameter in an overload signature (`list(A)`).
    case typeParameter(String)

    /// The name of the type without parameters, as `type(x)` values show it.
    public var runtimeName: String {
        switch self {
        case .dyn: return "dyn"
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .timestamp: return "google.protobuf.Timestamp"
        case .duration: return "google.protobuf.Duration"
        case .list: return "list"
        case .map: return "map"
        case .object(let name): return name
        case .type: return "type"
        case .typeParameter(let name): return name
        }
    }

    /// The full type, with parameters: `list(int)`, `map(string, dyn)`.
    public var description: String {
        switch self {
        case .list(let element): return "list(\(element))"
        case .map(let key, let value): return "map(\(key), \(value))"
        case .type(let type) where type != .dyn: return "type(\(type))"
        default: return runtimeName
        }
    }

    /// The types that an identifier of the same name denotes (`int`, `list`, ...).
    static let denotable: [String: CELType] = [
        "int": .int, "uint": .uint, "double": .double, "bool": .bool, "string": .string,
        "bytes": .bytes, "list": .list(.dyn), "map": .map(.dyn, .dyn), "null_type": .null,
        "type": .type(.dyn), "dyn": .dyn,
        "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration,
    ]
}
