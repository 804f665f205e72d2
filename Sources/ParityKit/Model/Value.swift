public import ParityDiagnostics

/// A decoded, resolved value of Parity's model, with the place it was written.
///
/// Every stage after loading (export, diff, policies, CEL) works on this one tree; the
/// `Schema` that decoded it says what each field means (a set, a list of named items, a secret).
public struct Value: Sendable {
    /// What a value holds.
    public enum Content: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        /// Strings keep the source text verbatim (`version: 1.10` is "1.10").
        case string(String)
        case list([Value])
        case object(Fields)
    }

    public var content: Content
    /// `location`, inline: `SourceLocation.nowhere` for none. An optional location made a value
    /// 40 bytes, not 32, and a model holds millions of them.
    private var place: SourceLocation

    /// Where the value was written; nil for a value Parity supplied (a default).
    public var location: SourceLocation? {
        get { place.isNowhere ? nil : place }
        set { place = newValue ?? .nowhere }
    }

    public init(_ content: Content, at location: SourceLocation?) {
        self.content = content
        place = location ?? .nowhere
    }
}

extension Value {
    public var string: String? {
        if case .string(let value) = content { return value }
        return nil
    }

    public var int: Int? {
        if case .int(let value) = content { return value }
        return nil
    }

    public var double: Double? {
        switch content {
        case .double(let value): value
        case .int(let value): Double(value)
        default: nil
        }
    }

    public var bool: Bool? {
        if case .bool(let value) = content { return value }
        return nil
    }

    public var list: [Value]? {
        if case .list(let items) = content { return items }
        return nil
    }

    public var object: Fields? {
        if case .object(let fields) = content { return fields }
        return nil
    }

    public var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    /// The field `name` of an object value.
    public subscript(name: String) -> Value? {
        object?[name]
    }

    /// The `name` field of an object, the identity of items in named lists.
    public var name: String? { self["name"]?.string }
}

/// The fields of an object value, in the order they were written.
///
/// Stored as one array of pairs: model objects have a handful of fields, where a linear
/// look-up beats hashing and a dictionary per object would multiply the memory of a large
/// environment. A map written with hundreds of keys (`config`, `labels`) gets an index by
/// name as well, so building and reading it stay linear: a thousand keys aliased into every
/// service must not cost a million comparisons each.
public struct Fields: Sendable, Sequence {
    private var pairs: [(name: String, value: Value)] = []
    /// Positions by name, once there are more than `indexedAbove` fields.
    private var positions: [String: Int]?
    private static let indexedAbove = 32

    public init() {}

    public init(_ pairs: [(String, Value)]) {
        self.pairs.reserveCapacity(pairs.count)
        for (name, value) in pairs { self[name] = value }
    }

    /// Fields whose names a decoder found distinct, in order: none is looked for as it is added.
    init(distinct pairs: ArraySlice<(name: String, value: Value)>) {
        self.pairs = Array(pairs)
        if self.pairs.count > Self.indexedAbove { reindex() }
    }

    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }
    /// The field names, in order.
    public var names: [String] { pairs.map(\.name) }

    /// The value of field `name`; setting nil removes it, setting a new name appends it.
    public subscript(name: String) -> Value? {
        get {
            if let positions { return positions[name].map { pairs[$0].value } }
            for pair in pairs where pair.name == name { return pair.value }
            return nil
        }
        set {
            if let index = position(of: name) {
                if let newValue {
                    pairs[index].value = newValue
                } else {
                    pairs.remove(at: index)
                    if positions != nil { reindex() }
                }
            } else if let newValue {
                pairs.append((name, newValue))
                if positions != nil {
                    positions?[name] = pairs.count - 1
                } else if pairs.count > Self.indexedAbove {
                    reindex()
                }
            }
        }
    }

    private func position(of name: String) -> Int? {
        if let positions { return positions[name] }
        return pairs.firstIndex { $0.name == name }
    }

    private mutating func reindex() {
        positions =
            pairs.count > Self.indexedAbove
            ? Dictionary(pairs.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
            : nil
    }

    /// Room for `count` fields, for a decoder that knows how many it will set: an object's
    /// array then never grows, and holds no spare capacity for the life of the model.
    mutating func reserveCapacity(_ count: Int) {
        pairs.reserveCapacity(count)
    }

    /// The field at `position`, in written order.
    subscript(position position: Int) -> (name: String, value: Value) {
        pairs[position]
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: Value)]> {
        pairs.makeIterator()
    }
}
