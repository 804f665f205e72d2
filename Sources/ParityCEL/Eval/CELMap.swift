/// An insertion-ordered CEL map with `bool`, `int`, `uint` or `string` keys.
///
/// Numeric keys compare by value across types, so `{1: 'a'}[1u]` and `{1: 'a'}[1.0]` find the entry.
public struct CELMap: Sendable {
    /// A key normalised so that equal numbers of different types hash alike.
    enum Key: Hashable, Sendable {
        case bool(Bool)
        case int(Int64)
        case uint(UInt64)
        case string(ScalarString)
    }

    /// The keys, in insertion order.
    public private(set) var keys: [CELValue] = []
    /// The values, in the order of `keys`.
    public private(set) var values: [CELValue] = []
    private var index: [Key: Int] = [:]

    public init() {}

    /// A map with string keys.
    public init(_ fields: [String: CELValue]) {
        for (key, value) in fields.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            index[.string(ScalarString(key))] = keys.count
            keys.append(.string(key))
            values.append(value)
        }
    }

    /// A map from key-value pairs; throws on a repeated key or a key of an unsupported type.
    public init(_ entries: some Sequence<(CELValue, CELValue)>) throws(CELError) {
        for (key, value) in entries { try insert(key, value) }
    }

    /// The number of entries.
    public var count: Int { keys.count }
    /// Whether the map has no entries.
    public var isEmpty: Bool { keys.isEmpty }

    /// The entries in insertion order.
    public var entries: some Sequence<(key: CELValue, value: CELValue)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }
    }

    /// Adds an entry; throws on a repeated key or a key of an unsupported type.
    public mutating func insert(_ key: CELValue, _ value: CELValue) throws(CELError) {
        guard let normalized = Self.key(key) else {
            throw CELError(.invalidKey, "unsupported map key type '\(key.typeName)'")
        }
        guard index[normalized] == nil else {
            throw CELError(.invalidKey, "repeated map key \(key.celLiteral)")
        }
        index[normalized] = keys.count
        keys.append(key)
        values.append(value)
    }

    /// The value for `key`, or nil; a double key finds an equal integer key.
    public subscript(key: CELValue) -> CELValue? {
        if case .double(let d) = key {
            if let i = Int64(exactly: d), let at = index[.int(i)] { return values[at] }
            if let u = UInt64(exactly: d), let at = index[.uint(u)] { return values[at] }
            return nil
        }
        guard let normalized = Self.key(key), let at = index[normalized] else { return nil }
        return values[at]
    }

    /// The value for a string key, or nil.
    public subscript(key: String) -> CELValue? {
        guard let at = index[.string(ScalarString(key))] else { return nil }
        return values[at]
    }

    static func key(_ value: CELValue) -> Key? {
        switch value {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .uint(let u): return u <= UInt64(Int64.max) ? .int(Int64(u)) : .uint(u)
        case .string(let s): return .string(ScalarString(s))
        default: return nil
        }
    }
}

/// A string compared and hashed by its Unicode scalars, as CEL requires (no normalisation).
struct ScalarString: Hashable, Sendable {
    var value: String

    init(_ value: String) { self.value = value }

    static func == (lhs: ScalarString, rhs: ScalarString) -> Bool {
        lhs.value.hasSameScalars(as: rhs.value)
    }

    func hash(into hasher: inout Hasher) {
        var copy = value
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
