/// CEL equality and ordering, with numbers compared by value across int, uint and double.
extension CELValue {
    /// CEL `==`: values of different kinds are unequal (never an error); NaN equals nothing.
    public func celEquals(_ other: CELValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a.hasSameScalars(as: b)
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.int, _), (.uint, _), (.double, _):
            return Self.compareNumbers(self, other) == 0
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.celEquals($1) }
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a.entries {
                guard let match = b[key], value.celEquals(match) else { return false }
            }
            return true
        case (.type(let a), .type(let b)): return a.runtimeName == b.runtimeName
        case (.timestamp(let a), .timestamp(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.object(let a as any CELScalarObject), .object(let b)): return a.celIsEqual(b)
        case (.object(let a), .object(let b)):
            guard a.celTypeName == b.celTypeName else { return false }
            let names = a.celFieldNames
            guard names.count == b.celFieldNames.count else { return false }
            for name in names {
                guard let x = a.celField(name), let y = b.celField(name), x.celEquals(y) else { return false }
            }
            return true
        default: return false
        }
    }

    /// The order of two values (-1, 0, 1), nil when they are unordered (NaN) or of kinds
    /// that CEL does not order; the caller turns nil for unorderable kinds into an error.
    func celCompare(_ other: CELValue) -> Int?? {
        switch (self, other) {
        case (.int, .int), (.int, .uint), (.int, .double), (.uint, .int), (.uint, .uint), (.uint, .double),
            (.double, .int), (.double, .uint), (.double, .double):
            return .some(Self.compareNumbers(self, other))
        case (.bool(let a), .bool(let b)): return .some(a == b ? 0 : (a ? 1 : -1))
        case (.string(let a), .string(let b)):
            return .some(Self.order(a.utf8, b.utf8))
        case (.bytes(let a), .bytes(let b)): return .some(Self.order(a, b))
        case (.timestamp(let a), .timestamp(let b)): return .some(a == b ? 0 : (a < b ? -1 : 1))
        case (.duration(let a), .duration(let b)): return .some(a == b ? 0 : (a < b ? -1 : 1))
        default: return nil
        }
    }

    private static func order<C: Sequence>(_ a: C, _ b: C) -> Int where C.Element == UInt8 {
        if a.elementsEqual(b) { return 0 }
        return a.lexicographicallyPrecedes(b) ? -1 : 1
    }

    /// -1, 0 or 1 comparing two numbers exactly; nil when either is NaN or not a number.
    static func compareNumbers(_ a: CELValue, _ b: CELValue) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.uint(let x), .uint(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x == y ? 0 : (x < y ? -1 : 1)
        case (.int(let x), .uint(let y)): return x < 0 ? -1 : compare(UInt64(x), y)
        case (.uint(let x), .int(let y)): return y < 0 ? 1 : compare(x, UInt64(y))
        case (.int(let x), .double(let y)): return compareInt(x, y)
        case (.double(let x), .int(let y)): return compareInt(y, x).map { -$0 }
        case (.uint(let x), .double(let y)): return compareUInt(x, y)
        case (.double(let x), .uint(let y)): return compareUInt(y, x).map { -$0 }
        default: return nil
        }
    }

    private static func compare<T: Comparable>(_ x: T, _ y: T) -> Int { x == y ? 0 : (x < y ? -1 : 1) }

    private static func compareInt(_ x: Int64, _ y: Double) -> Int? {
        if y.isNaN { return nil }
        if y >= 9_223_372_036_854_775_808.0 { return -1 }
        if y < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = Int64(y.rounded(.towardZero))  // in range: checked above
        if x != whole { return x < whole ? -1 : 1 }
        let fraction = y - y.rounded(.towardZero)
        return fraction == 0 ? 0 : (fraction > 0 ? -1 : 1)
    }

    private static func compareUInt(_ x: UInt64, _ y: Double) -> Int? {
        if y.isNaN { return nil }
        if y >= 18_446_744_073_709_551_616.0 { return -1 }
        if y < 0 { return 1 }
        let whole = UInt64(y.rounded(.towardZero))  // in range: checked above
        if x != whole { return x < whole ? -1 : 1 }
        return y == y.rounded(.towardZero) ? 0 : -1
    }
}
