public import ParityCEL
public import ParityYAML

/// A YAML mapping seen from CEL, converted field by field as an expression reads it: an
/// input file is bound without building a copy of it.
///
/// Secrets stay secret: nodes in `redacting` (the sensitive fields of a Parity document)
/// read as "<redacted>", and a key among them (text fallen out of a secret) is not there at all.
public struct NodeObject: CELObject {
    public let node: Node
    public let redacting: Set<ObjectIdentifier>

    public init(_ node: Node, redacting: Set<ObjectIdentifier> = []) {
        self.node = node
        self.redacting = redacting
    }

    public var celTypeName: String { "map" }

    public func celField(_ name: String) -> CELValue? {
        value(named: name).map { NodeObject.celValue($0, redacting: redacting) }
    }

    public func celHasField(_ name: String) -> Bool { value(named: name) != nil }

    public var celFieldNames: [String] { visiblePairs.compactMap { $0.key.scalar?.text } }

    private var visiblePairs: [Node.Pair] {
        let pairs = node.mapping ?? []
        return redacting.isEmpty ? pairs : pairs.filter { !redacting.contains(ObjectIdentifier($0.key)) }
    }

    /// The value of the key `name`, unless that key is redacted.
    private func value(named name: String) -> Node? {
        guard !redacting.isEmpty else { return node[name] }
        return visiblePairs.first { $0.key.scalar?.text == name }?.value
    }

    /// The CEL value of any node: scalars by their core-schema value, mappings as lazy
    /// objects, sequences as lists of such values.
    public static func celValue(_ node: Node, redacting: Set<ObjectIdentifier> = []) -> CELValue {
        if !redacting.isEmpty, redacting.contains(ObjectIdentifier(node)) { return .string(ModelExport.redacted) }
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .int(let value): return .int(Int64(value))
            case .float(let value): return .double(value)
            case .string: return .string(scalar.text)
            }
        case .sequence(let items):
            return .list(items.map { celValue($0, redacting: redacting) })
        case .mapping:
            return .object(NodeObject(node, redacting: redacting))
        }
    }
}
