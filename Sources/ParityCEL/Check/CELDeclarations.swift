/// What the checker knows: declared variables and object types with their fields.
public struct CELDeclarations: Sendable {
    /// Declared variables by name (a name may contain dots, such as `parity.tier`).
    public private(set) var variables: [String: CELType] = [:]
    /// Declared object types by name, each with its fields.
    public private(set) var objectTypes: [String: [String: CELType]] = [:]

    public init() {}

    /// Declares variable `name` of `type`.
    public mutating func declare(variable name: String, _ type: CELType) {
        variables[name] = type
    }

    /// Declares object type `name` (use it as `.object(name)`) with named, typed fields.
    public mutating func declare(objectType name: String, fields: [String: CELType]) {
        objectTypes[name] = fields
    }

    /// A copy with variable `name` declared, for building declarations in one expression.
    public func declaring(variable name: String, _ type: CELType) -> CELDeclarations {
        var copy = self
        copy.declare(variable: name, type)
        return copy
    }

    /// A copy with object type `name` declared.
    public func declaring(objectType name: String, fields: [String: CELType]) -> CELDeclarations {
        var copy = self
        copy.declare(objectType: name, fields: fields)
        return copy
    }
}
