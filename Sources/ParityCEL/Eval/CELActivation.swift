/// The variables an evaluation sees: eager values, and optionally a resolver for lazy ones.
public struct CELActivation: Sendable {
    private let values: [String: CELValue]
    private let resolver: (@Sendable (String) -> CELValue?)?
    /// One variable bound over the others (`binding(_:to:)`), found without hashing its name;
    /// held as two fields, so a look-up compares the name without copying the value.
    private var overlayName: String?
    private var overlayValue: CELValue = .null
    /// Whether any variable name has a dot, so `a.b.c` must try `a.b.c` and `a.b` before `a`.
    private(set) var hasQualifiedNames: Bool

    /// An activation of eager values.
    public init(_ values: [String: CELValue] = [:]) {
        self.values = values
        self.resolver = nil
        hasQualifiedNames = values.keys.contains { $0.utf8.contains(UInt8(ascii: ".")) }
    }

    /// An activation whose variables are looked up on demand, after any eager `values`.
    /// Set `qualifiedNames` when the resolver may answer names containing dots.
    public init(
        _ values: [String: CELValue] = [:], qualifiedNames: Bool = false,
        resolver: @escaping @Sendable (String) -> CELValue?
    ) {
        self.values = values
        self.resolver = resolver
        hasQualifiedNames = qualifiedNames || values.keys.contains { $0.utf8.contains(UInt8(ascii: ".")) }
    }

    /// This activation with `name` bound to `value` as well, over any binding of it: a host
    /// evaluating one rule over thousands of items binds each item so, without copying (and
    /// rehashing) the shared variables per item. A second binding replaces the first.
    public func binding(_ name: String, to value: CELValue) -> CELActivation {
        var bound = self
        if let overlayName, overlayName != name {
            // Only one name is held over the others; the earlier one joins them, still over theirs.
            var values = values
            values[overlayName] = overlayValue
            bound = resolver.map { CELActivation(values, resolver: $0) } ?? CELActivation(values)
            bound.hasQualifiedNames = hasQualifiedNames
        }
        bound.overlayName = name
        bound.overlayValue = value
        if name.utf8.contains(UInt8(ascii: ".")) { bound.hasQualifiedNames = true }
        return bound
    }

    /// The value of variable `name`, or nil when it is not bound.
    public func value(_ name: String) -> CELValue? {
        if overlayName == name { return overlayValue }
        if let value = values[name] { return value }
        return resolver?(name)
    }
}

/// The mutable state of one evaluation: comprehension variables and the cost spent.
final class EvalContext {
    let activation: CELActivation
    var slots: [CELValue]
    private(set) var cost = 0
    let budget: Int

    init(activation: CELActivation, slotCount: Int, budget: Int) {
        self.activation = activation
        self.slots = Array(repeating: .null, count: slotCount)
        self.budget = budget
    }

    /// Spends the nested size of values placed into a new list or map: a list of lists that
    /// share their parts is cheap to build but as large as its expansion to compare, print
    /// or convert, so it pays for the expansion (counted only up to what the budget has left).
    func chargeNested(_ values: [CELValue]) throws(CELError) {
        var remaining = budget - cost
        for value in values {
            remaining -= Self.nestedSize(value, limit: remaining + 1)
            if remaining < 0 { throw CELError(.costLimit, "evaluation cost budget exceeded (limit \(budget))") }
        }
        cost = budget - remaining
    }

    /// The number of list elements and map entries inside `value`, counting no further than `limit`.
    private static func nestedSize(_ value: CELValue, limit: Int) -> Int {
        var count = 0
        var pending: [CELValue] = [value]
        while let next = pending.popLast(), count <= limit {
            switch next {
            case .list(let items):
                count += items.count
                for item in items {
                    switch item {
                    case .list, .map: pending.append(item)
                    default: continue
                    }
                }
            case .map(let map):
                count += map.count
                for (_, item) in map.entries {
                    switch item {
                    case .list, .map: pending.append(item)
                    default: continue
                    }
                }
            default:
                continue
            }
        }
        return count
    }

    /// Spends `amount` of the budget, failing once it is exhausted.
    @inline(__always)
    func charge(_ amount: Int) throws(CELError) {
        cost &+= amount
        if cost > budget {
            throw CELError(.costLimit, "evaluation cost budget exceeded (limit \(budget))")
        }
    }
}
