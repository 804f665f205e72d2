public import ParityDiagnostics

/// A YAML node with the place it was written: a scalar, a sequence or a mapping.
///
/// Nodes are immutable; an alias shares the node it refers to rather than copying it.
public final class Node: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    /// One entry of a mapping.
    public struct Pair: Sendable {
        public let key: Node
        public let value: Node

        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    public let content: Content
    /// Where the node starts (its tag or anchor, if it has one, else its first character).
    public let location: SourceLocation
    /// The explicit tag, expanded (`tag:yaml.org,2002:str`, `!Ref`), or nil when none was written.
    public let tag: String?
    /// How many nodes a full walk of this one visits, aliases expanded.
    public let weight: Int

    public init(_ content: Content, at location: SourceLocation, tag: String? = nil) {
        self.content = content
        self.location = location
        self.tag = tag
        switch content {
        case .scalar:
            weight = 1
        case .sequence(let items):
            weight = items.reduce(1) { Node.saturatingAdd($0, $1.weight) }
        case .mapping(let pairs):
            weight = pairs.reduce(1) { Node.saturatingAdd(Node.saturatingAdd($0, $1.key.weight), $1.value.weight) }
        }
    }

    static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}

extension Node {
    /// The scalar, if this is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items, if this is a sequence.
    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries, if this is a mapping.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value under the string key `key`, if this is a mapping that has it.
    public subscript(key: String) -> Node? {
        guard case .mapping(let pairs) = content else { return nil }
        for pair in pairs where pair.key.scalar?.text == key { return pair.value }
        return nil
    }

    /// A word for the kind of node, for messages: "a mapping", "a sequence", "a string", ...
    public var kindDescription: String {
        switch content {
        case .scalar(let scalar): scalar.value.kindDescription
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// YAML's standard tags, in expanded form.
public enum Tag {
    public static let yamlPrefix = "tag:yaml.org,2002:"
    public static let str = yamlPrefix + "str"
    public static let int = yamlPrefix + "int"
    public static let float = yamlPrefix + "float"
    public static let bool = yamlPrefix + "bool"
    public static let null = yamlPrefix + "null"
    public static let merge = yamlPrefix + "merge"
    public static let set = yamlPrefix + "set"
    public static let seq = yamlPrefix + "seq"
    public static let map = yamlPrefix + "map"
    public static let omap = yamlPrefix + "omap"
    public static let pairs = yamlPrefix + "pairs"
    public static let timestamp = yamlPrefix + "timestamp"
}
