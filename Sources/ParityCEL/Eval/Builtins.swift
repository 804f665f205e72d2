/// The standard functions and operators, found by name and argument count at compile time.
///
/// A receiver call `x.f(y)` is looked up as `f` with the receiver as the first argument.
/// Overloads on argument types are resolved inside each function by switching on the values.
enum Builtins {
    /// The function `name` taking `arity` arguments (receiver included), if there is one.
    static func function(_ name: String, arity: Int) -> Function? {
        table[name]?[arity]
    }

    /// Whether any function of that name exists, for a clearer error on a wrong argument count.
    static func exists(_ name: String) -> Bool { table[name] != nil }

    static let table: [String: [Int: Function]] = {
        var table: [String: [Int: Function]] = [:]
        func add(_ name: String, _ arity: Int, _ function: Function) { table[name, default: [:]][arity] = function }
        for (name, arity, function) in standard + conversions + time + StringExtensions.functions
            + ListExtensions.functions
            + NetworkExtensions.functions
        {
            add(name, arity, function)
        }
        return table
    }()

    /// "no matching overload for '+' applied to (int, string)".
    static func noOverload(_ name: String, _ args: CELValue...) -> CELError {
        CELError(
            .noSuchOverload,
            "no matching overload for '\(displayName(name))' applied to (\(args.map(\.typeName).joined(separator: ", ")))"
        )
    }

    static func displayName(_ name: String) -> String {
        switch name {
        case "_[_]": return "[]"
        case "@in": return "in"
        case "_?_:_": return "?:"
        default: return name.strippingUnderscores
        }
    }

    static let standard: [(String, Int, Function)] = [
        ("_+_", 2, Function(allocates: true, Arithmetic.add)),
        ("_-_", 2, Function(Arithmetic.subtract)),
        ("_*_", 2, Function(Arithmetic.multiply)),
        ("_/_", 2, Function(Arithmetic.divide)),
        ("_%_", 2, Function(Arithmetic.modulo)),
        ("-_", 1, Function(Arithmetic.negate)),
        (
            "!_", 1,
            Function { (a: CELValue) throws(CELError) -> CELValue in
                guard case .bool(let b) = a else { throw noOverload("!_", a) }
                return .bool(!b)
            }
        ),
        ("_==_", 2, Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in .bool(a.celEquals(b)) }),
        ("_!=_", 2, Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in .bool(!a.celEquals(b)) }),
        (
            "_<_", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in try compare("_<_", a, b) { $0 < 0 } }
        ),
        (
            "_<=_", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in try compare("_<=_", a, b) { $0 <= 0 }
            }
        ),
        (
            "_>_", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in try compare("_>_", a, b) { $0 > 0 } }
        ),
        (
            "_>=_", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in try compare("_>=_", a, b) { $0 >= 0 }
            }
        ),
        ("@in", 2, Function(contains)),
        ("_[_]", 2, Function(index)),
        ("size", 1, Function(size)),
        (
            "contains", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in
                guard case .string(let s) = a, case .string(let t) = b else { throw noOverload("contains", a, b) }
                return .bool(ByteSearch.find(Array(t.utf8), in: Array(s.utf8)) != nil)
            }
        ),
        (
            "startsWith", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in
                guard case .string(let s) = a, case .string(let t) = b else { throw noOverload("startsWith", a, b) }
                return .bool(s.utf8.starts(with: t.utf8))
            }
        ),
        (
            "endsWith", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in
                guard case .string(let s) = a, case .string(let t) = b else { throw noOverload("endsWith", a, b) }
                return .bool(s.utf8.reversed().starts(with: t.utf8.reversed()))
            }
        ),
        // Planned as a MatchNode, which charges the match to the budget; listed so that
        // the name is known.
        (
            "matches", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in
                guard case .string(let s) = a, case .string(let pattern) = b else { throw noOverload("matches", a, b) }
                return .bool(try Regex(pattern).matches(s))
            }
        ),
    ]

    private static func compare(_ name: String, _ a: CELValue, _ b: CELValue, _ test: (Int) -> Bool) throws(CELError)
        -> CELValue
    {
        guard let order = a.celCompare(b) else { throw noOverload(name, a, b) }
        guard let order else { return .bool(false) }
        return .bool(test(order))
    }

    static func contains(_ element: CELValue, _ collection: CELValue) throws(CELError) -> CELValue {
        switch collection {
        case .list(let items): return .bool(items.contains { $0.celEquals(element) })
        case .map(let map): return .bool(map[element] != nil)
        case .object(let object):
            guard case .string(let name) = element else { return .bool(false) }
            return .bool(object.celHasField(name))
        default: throw noOverload("@in", element, collection)
        }
    }

    static func index(_ collection: CELValue, _ key: CELValue) throws(CELError) -> CELValue {
        switch (collection, key) {
        case (.list(let items), _):
            let i: Int64
            switch key {
            case .int(let v): i = v
            case .uint(let v) where v <= UInt64(Int64.max): i = Int64(v)
            case .double(let d) where Int64(exactly: d) != nil: i = Int64(d)  // exact, so in range
            default: throw noOverload("_[_]", collection, key)
            }
            guard i >= 0, i < items.count else {
                throw CELError(.indexOutOfRange, "index \(i) out of range for a list of size \(items.count)")
            }
            return items[Int(i)]
        case (.map(let map), _):
            switch key {
            case .bool, .int, .uint, .string, .double: break
            default: throw CELError(.invalidKey, "unsupported map key type '\(key.typeName)'")
            }
            guard let value = map[key] else { throw CELError(.noSuchKey, "no such key: \(key.celLiteral)") }
            return value
        case (.object, .string(let name)): return try Select.field(collection, name)
        default: throw noOverload("_[_]", collection, key)
        }
    }

    static func size(_ value: CELValue) throws(CELError) -> CELValue {
        switch value {
        case .string(let s): return .int(Int64(s.unicodeScalars.count))
        case .bytes(let b): return .int(Int64(b.count))
        case .list(let l): return .int(Int64(l.count))
        case .map(let m): return .int(Int64(m.count))
        case .object(let o): return .int(Int64(o.celFieldNames.count))
        default: throw noOverload("size", value)
        }
    }
}

extension String {
    /// `_+_` as `+`: operator names as people write them.
    var strippingUnderscores: String {
        var s = Substring(self)
        while s.first == "_" { s = s.dropFirst() }
        while s.last == "_" { s = s.dropLast() }
        return String(s)
    }
}

/// Byte-sequence search, on UTF-8 so that strings compare by scalar, not by Character.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        if needle.isEmpty { return from <= haystack.count ? from : nil }
        guard haystack.count >= needle.count else { return nil }
        var i = from
        let first = needle[0]
        while i <= haystack.count - needle.count {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
